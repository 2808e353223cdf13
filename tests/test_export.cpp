// Tests of include/iro/data/export.hpp: the CSV and JSON schedules for the FORMAT.md example child, and the
// 903 Reviews table read back by the importer.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "iro/data/child_json.hpp"
#include "iro/data/export.hpp"
#include "iro/data/ssda903.hpp"

namespace {

const char* const example = R"({
  "child": {"id": "C1", "dob": "2015-06-01"},
  "periods": [{"start": "2024-03-25", "end": null, "regime": "standard",
               "switches": [{"date": "2024-09-02", "regime": "adoption_placed"}]}],
  "reviews": [{"date": "2024-04-19", "code": "PN1"}, {"date": "2024-06-01", "cancelled": true}]
})";

}  // namespace

TEST(Export, ScheduleCsvAndJson) {
  const std::vector<iro::Child> children = {iro::child_from_json(example, "example")};
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  const iro::Date as_of = iro::Date::parse("2024-12-31");
  EXPECT_EQ(iro::schedule_csv(children, policy, cal, as_of),
            "child_id,kind,number,regime,date,due,rule,on_time,days_late,record_due,overdue,message\n"
            "C1,review,1,standard,2024-04-19,2024-04-24,CPPCR 2010 reg 33(1),yes,0,2024-05-20,,\n"
            "C1,missed,,standard,,2024-07-19,CPPCR 2010 reg 33(2),,,,,\n"
            "C1,missed,,adoption_placed,,2024-09-30,AAR 2005 reg 36(3)(a),,,,,\n"
            "C1,next,1,adoption_placed,,2024-09-30,AAR 2005 reg 36(3)(a),,,,yes,\n");
  const auto json = nlohmann::json::parse(iro::schedule_json(children, policy, cal, as_of));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["next"]["due"], "2024-09-30");
  EXPECT_EQ(json[0]["missed"].size(), 2u);
  iro::Child bad = children[0];
  bad.id = "B, \"quoted\"";
  bad.reviews.push_back(iro::Review{iro::Date::parse("2020-01-01")});
  const std::string csv = iro::schedule_csv({bad}, policy, cal, as_of);
  EXPECT_NE(csv.find("\"B, \"\"quoted\"\"\",error"), std::string::npos) << csv;
  // The count of children that could not be evaluated comes with the text, in both formats.
  std::size_t refused = 99;
  iro::schedule_csv({children[0], bad, bad}, policy, cal, as_of, &refused);
  EXPECT_EQ(refused, 2u);
  iro::schedule_json({children[0], bad}, policy, cal, as_of, &refused);
  EXPECT_EQ(refused, 1u);
  iro::schedule_json(children, policy, cal, as_of, &refused);
  EXPECT_EQ(refused, 0u);
}

TEST(Export, The903ReviewsTableReadsBack) {
  const iro::Ssda903Files files = {
      "CHILD,DOB\n1,01/06/2015\n2,01/01/2010\n", "CHILD,DECOM,RNE,LS,DEC\n1,25/03/2024,S,C2,\n2,08/01/2024,S,C2,\n",
      "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/06/2015,22/04/2024,PN1\n2,01/01/2010,02/02/2024,PN6\n", ""};
  const auto first = iro::import_903(files, iro::ImportMode::strict);
  const std::string table = iro::reviews_903_csv(first.children);
  EXPECT_EQ(table, "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/06/2015,22/04/2024,PN1\n2,01/01/2010,02/02/2024,PN6\n");
  const auto again = iro::import_903({files.header, files.episodes, table, ""}, iro::ImportMode::strict);
  ASSERT_EQ(again.children.size(), 2u);
  EXPECT_EQ(again.children[1].reviews[0].participation, iro::Participation::pn6);
}
