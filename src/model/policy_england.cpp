// The built-in England policy, as a policy document: the built-in rules are data too, loaded by the same
// strict loader as a council's file (docs/policy.md).
#include <string>

#include "model/policy_documents.hpp"

namespace iro {

const char* const england_policy_json = R"json({
  "format": "iro-policy/1",
  "id": "england",
  "title": "England: Care Planning, Placement and Case Review (England) Regulations 2010 and the IRO Handbook 2010",
  "jurisdiction": "england",
  "notes": "Children who became looked after before 1 April 2011 had their first review within 4 weeks )json"
                                        R"json((Review of Children's Cases Regulations 1991 reg 3).",
  "calendar": {"division": "england-and-wales", "closure_days": []},
  "conventions": {"anchor_day_counts": false, "interval_unit": "months", "early_review_restarts_clock": true},
  "regimes": {
    "standard": [
      {"from": null, "commenced": "1991-10-14",
       "first": {"value": 4, "unit": "weeks", "cite": "Review of Children's Cases Regulations 1991 reg 3"},
       "second": {"value": 3, "unit": "months", "cite": "Review of Children's Cases Regulations 1991 reg 3"},
       "subsequent": {"value": 6, "unit": "months", "cite": "Review of Children's Cases Regulations 1991 reg 3"}},
      {"from": "2011-04-01", "commenced": "2011-04-01",
       "first": {"value": 20, "unit": "working_days", "cite": "CPPCR 2010 reg 33(1)"},
       "second": {"value": 3, "unit": "months", "cite": "CPPCR 2010 reg 33(2)"},
       "subsequent": {"value": 6, "unit": "months", "cite": "CPPCR 2010 reg 33(2)"}}
    ],
    "short_breaks": [
      {"from": null, "commenced": "2011-04-01",
       "first": {"value": 3, "unit": "months", "cite": "CPPCR 2010 reg 48(3)"},
       "second": {"value": 6, "unit": "months", "cite": "CPPCR 2010 reg 48(3)"},
       "subsequent": {"value": 6, "unit": "months", "cite": "CPPCR 2010 reg 48(3)"}}
    ],
    "adoption_placed": [
      {"from": null, "commenced": "2005-12-30",
       "first": {"value": 4, "unit": "weeks", "cite": "AAR 2005 reg 36(3)(a)"},
       "second": {"value": 3, "unit": "months", "cite": "AAR 2005 reg 36(3)(b)"},
       "subsequent": {"value": 6, "unit": "months", "cite": "AAR 2005 reg 36(3)(c)"}}
    ],
    "adoption_authorised": {"cap": {"value": 3, "unit": "months", "cite": "AAR 2005 reg 36(1)(a)"},
                            "commenced": "2005-12-30"},
    "return_to_agency": {"review": null}
  },
  "targets": {"record_working_days": 20, "report_working_days_before": 3, "midway_percent": 50,
              "midway_target_percent": null, "booking_percent": 100},
  "caseload": {"band": [50, 70],
               "weights": {"recently_looked_after": 1.0, "placed_far_away": 1.0, "in_proceedings": 1.0,
                           "placement_moves": 1.0}},
  "disputes": {
    "ladder": {"stages": [{"name": "informal", "response_working_days": null},
                          {"name": "team_manager", "response_working_days": 5},
                          {"name": "service_manager", "response_working_days": 5},
                          {"name": "head_of_service", "response_working_days": 5},
                          {"name": "director", "response_working_days": 5}],
               "formal_limit_working_days": 20, "bypass": true, "cafcass_any_stage": true},
    "categories": []
  }
})json";

}  // namespace iro
