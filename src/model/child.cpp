#include "iro/model/child.hpp"

#include <algorithm>

#include "iro/core/error.hpp"

namespace iro {
namespace {

const char* const regime_names[] = {"standard", "short_breaks", "adoption_placed", "adoption_authorised"};

[[noreturn]] void bad(const Child& child, const std::string& field, const std::string& problem) {
  throw Error(Status::invalid_argument, "child " + quote(child.id) + ": " + field + ": " + problem);
}

bool known(Regime r) { return static_cast<std::int32_t>(r) >= 0 && static_cast<std::int32_t>(r) <= 3; }

}  // namespace

const char* regime_name(Regime regime) noexcept {
  return known(regime) ? regime_names[static_cast<int>(regime)] : "unknown";
}

std::optional<Regime> regime_from_name(std::string_view name) noexcept {
  for (int i = 0; i < 4; ++i) {
    if (name == regime_names[i]) return static_cast<Regime>(i);
  }
  return std::nullopt;
}

std::optional<Participation> participation_from_code(std::string_view code) noexcept {
  if (code.empty()) return Participation::none;
  if (code.size() == 3 && code[0] == 'P' && code[1] == 'N' && code[2] >= '0' && code[2] <= '7') {
    return static_cast<Participation>(code[2] - '0');
  }
  return std::nullopt;
}

const char* participation_code(Participation code) noexcept {
  static const char* const codes[] = {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"};
  const int i = static_cast<int>(code);
  return i >= 0 && i <= 7 ? codes[i] : "";
}

const char* participation_wording(Participation code) noexcept {
  static const char* const words[] = {
      "Child aged under 4 at the time of the review",
      "Child physically attends and speaks for him or herself",
      "Child physically attends and an advocate speaks on his or her behalf",
      "Child attends and conveys his or her view symbolically (non-verbally)",
      ("Child physically attends but does not speak for him or herself, does not convey his or her view "
       "symbolically (non-verbally) and does not ask an advocate to speak for him or her"),
      "Child does not attend physically but briefs an advocate to speak for him or her",
      "Child does not attend but conveys his or her feelings to the review by a facilitative medium",
      "Child does not attend nor are his or her views conveyed to the review",
  };
  const int i = static_cast<int>(code);
  return i >= 0 && i <= 7 ? words[i] : "";
}

int age_on(Date dob, Date day) noexcept {
  if (day < dob) return 0;
  const YearMonthDay b = dob.ymd(), d = day.ymd();
  int age = d.year - b.year;
  // Not yet had this year's birthday (29 February: not until 1 March in a year that is not a leap year).
  if (d.month < b.month || (d.month == b.month && d.day < b.day)) --age;
  return age;
}

AgeBand age_band(Date dob, Date day) noexcept {
  const int age = age_on(dob, day);
  return age < 1    ? AgeBand::under_1
         : age < 5  ? AgeBand::one_to_4
         : age < 10 ? AgeBand::five_to_9
         : age < 16 ? AgeBand::ten_to_15
                    : AgeBand::sixteen_plus;
}

const char* age_band_name(AgeBand band) noexcept {
  static const char* const names[] = {"under_1", "1_4", "5_9", "10_15", "16_plus"};
  const int i = static_cast<int>(band);
  return i >= 0 && i <= 4 ? names[i] : "unknown";
}

const char* age_band_words(AgeBand band) noexcept {
  static const char* const words[] = {"under 1", "1-4", "5-9", "10-15", "16 and over"};
  const int i = static_cast<int>(band);
  return i >= 0 && i <= 4 ? words[i] : "unknown";
}

namespace {

// A code of up to four characters as one number, for switching on codes (the import looks one up per row).
constexpr std::uint32_t pack(std::string_view code) noexcept {
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < code.size() && i < 4; ++i)
    key |= static_cast<std::uint32_t>(static_cast<unsigned char>(code[i])) << (8 * i);
  return key;
}

}  // namespace

std::optional<EthnicGroup> ethnic_group(std::string_view code) noexcept {
  if (code.empty()) return EthnicGroup::not_recorded;
  if (code.size() != 4) return std::nullopt;
  switch (pack(code)) {
    case pack("WBRI"):
    case pack("WIRI"):
    case pack("WIRT"):
    case pack("WOTH"):
    case pack("WROM"): return EthnicGroup::white;
    case pack("MWBC"):
    case pack("MWBA"):
    case pack("MWAS"):
    case pack("MOTH"): return EthnicGroup::mixed;
    case pack("AIND"):
    case pack("APKN"):
    case pack("ABAN"):
    case pack("AOTH"):
    case pack("CHNE"): return EthnicGroup::asian;
    case pack("BCRB"):
    case pack("BAFR"):
    case pack("BOTH"): return EthnicGroup::black;
    case pack("OOTH"): return EthnicGroup::other;
    case pack("REFU"):
    case pack("NOBT"): return EthnicGroup::refused;
    default: return std::nullopt;
  }
}

std::optional<LeavingReason> leaving_reason(std::string_view code) noexcept {
  if (code.empty()) return LeavingReason::not_recorded;
  if (code.size() > 3) return std::nullopt;
  switch (pack(code)) {
    case pack("E11"):
    case pack("E12"): return LeavingReason::adopted;
    case pack("E43"):
    case pack("E44"):
    case pack("E45"):
    case pack("E46"):
    case pack("E47"):
    case pack("E48"): return LeavingReason::special_guardianship;
    case pack("E41"): return LeavingReason::child_arrangements;
    case pack("E13"):
    case pack("E4A"):
    case pack("E4B"): return LeavingReason::returned_home;
    case pack("E5"):
    case pack("E6"): return LeavingReason::independent_living;
    case pack("E15"):
    case pack("E17"): return LeavingReason::aged_18;
    case pack("E2"):
    case pack("E3"):
    case pack("E7"):
    case pack("E8"):
    case pack("E9"):
    case pack("E14"):
    case pack("E16"):
    case pack("X1"): return LeavingReason::other;
    default: return std::nullopt;
  }
}

bool is_legal_status(std::string_view ls) noexcept {
  if (ls.size() != 2) return false;
  const char a = ls[0], b = ls[1];
  switch (a) {
    case 'C': return b == '1' || b == '2';
    case 'D':
    case 'E': return b == '1';
    case 'J':
    case 'L': return b >= '1' && b <= '3';
    case 'V': return b >= '2' && b <= '4';
    default: return false;
  }
}

std::optional<Date> eighteenth_birthday(Date dob) noexcept {
  const YearMonthDay b = dob.ymd();
  if (b.year + 18 > Date::max_year) return std::nullopt;  // after the supported dates
  const Date d = dob.add_months(std::int64_t{18} * 12);
  // Only 29 February can fall short (to 28 February): the person attains 18 at the start of 1 March.
  return d.day() < dob.day() ? d.add_days(1) : d;
}

void times_in_care(const Child& child, std::vector<TimeInCare>& out) {
  out.clear();
  const std::optional<Date> eighteen = child.dob ? eighteenth_birthday(*child.dob) : std::nullopt;
  const Date birthday = eighteen ? *eighteen : Date::max();
  for (const Period& p : child.periods) {
    if (p.start >= birthday) continue;
    if (!out.empty() && out.back().end && *out.back().end == p.start) {
      out.back().end = p.end;
    } else {
      out.push_back({p.start, p.end});
    }
    if (eighteen && (!out.back().end || birthday < *out.back().end)) out.back().end = birthday;
  }
}

bool looked_after_on(const Child& child, Date day) {
  std::vector<TimeInCare> times;
  times_in_care(child, times);
  return std::any_of(times.begin(), times.end(), [&](const TimeInCare& t) { return t.looked_after_on(day); });
}

void validate(const Child& child) {
  for (std::size_t i = 0; i < child.periods.size(); ++i) {
    const Period& p = child.periods[i];
    const std::string field = "periods[" + std::to_string(i) + "]";
    if (!known(p.regime)) bad(child, field + ".regime", std::to_string(static_cast<int>(p.regime)) + " is no regime");
    if (p.regime == Regime::adoption_authorised) {
      bad(child, field + ".regime", "adoption_authorised appears only as a switch from standard");
    }
    if (p.end && *p.end <= p.start) {
      bad(child, field + ".end",
          p.end->iso() + " is not after the start " + p.start.iso() +
              " (the end is the first day no longer looked after)");
    }
    if (child.dob && p.start < *child.dob) {
      bad(child, field + ".start", p.start.iso() + " is before the date of birth " + child.dob->iso());
    }

    if (i > 0) {
      const Period& before = child.periods[i - 1];
      if (!before.end) {
        bad(child, field + ".start",
            p.start.iso() + " begins while periods[" + std::to_string(i - 1) + "] (from " + before.start.iso() +
                ") is still open");
      }
      if (p.start < *before.end) {
        bad(child, field + ".start",
            p.start.iso() + " overlaps periods[" + std::to_string(i - 1) + "], which ends " + before.end->iso());
      }
    }
    Regime running = p.regime;
    Date last_switch = p.start;
    for (std::size_t s = 0; s < p.switches.size(); ++s) {
      const RegimeSwitch& sw = p.switches[s];
      const std::string sf = field + ".switches[" + std::to_string(s) + "]";
      if (!known(sw.regime)) bad(child, sf + ".regime", std::to_string(static_cast<int>(sw.regime)) + " is no regime");
      if (!as_time_in_care(p).looked_after_on(sw.date)) {
        bad(child, sf + ".date",
            sw.date.iso() + " is outside its period (" + p.start.iso() + " to " +
                (p.end ? p.end->iso() : std::string("open")) + ")");
      }
      if (sw.date < last_switch) bad(child, sf + ".date", sw.date.iso() + " is before the switch or start before it");
      if (sw.regime == Regime::adoption_authorised && running != Regime::standard &&
          running != Regime::adoption_authorised && running != Regime::adoption_placed) {
        bad(child, sf + ".regime",
            std::string("adoption_authorised follows only standard or adoption_placed (a "
                        "return to the agency), not ") +
                regime_name(running));
      }
      running = sw.regime;
      last_switch = sw.date;
    }
  }
  for (std::size_t i = 0; i < child.reviews.size(); ++i) {
    const Review& r = child.reviews[i];
    const std::string field = "reviews[" + std::to_string(i) + "]";
    const int code = static_cast<int>(r.participation);
    if (code < -1 || code > 7) bad(child, field + ".code", std::to_string(code) + " is no PN code");
    if (r.cancelled && r.participation != Participation::none) {
      bad(child, field + ".code",
          std::string(participation_code(r.participation)) +
              " on a cancelled review: a review that did not take place has no participation");
    }
    if (!r.cancelled && !r.cancellation_reason.empty())
      bad(child, field + ".cancellation_reason", quote(r.cancellation_reason) + " on a review that was held");
    if (r.cancelled && !r.exception_reason.empty())
      bad(child, field + ".exception_reason", quote(r.exception_reason) + " on a review that did not take place");
    if (r.cancelled) continue;
    if (r.record_sent && *r.record_sent < r.date) {
      bad(child, field + ".record_sent",
          r.record_sent->iso() + " is before the review was held (" + r.date.iso() + ")");
    }
    bool inside = false;
    for (const Period& p : child.periods) inside = inside || as_time_in_care(p).holds(r.date);
    if (!inside) bad(child, field + ".date", r.date.iso() + " is outside every period of care");
  }
  for (std::size_t i = 0; i < child.midways.size(); ++i) {
    const Date d = child.midways[i];
    bool inside = false;
    for (const Period& p : child.periods) inside = inside || as_time_in_care(p).holds(d);
    if (!inside) bad(child, "midways[" + std::to_string(i) + "]", d.iso() + " is outside every period of care");
  }
  for (std::size_t i = 0; i < child.placements.size(); ++i) {
    const Placement& pl = child.placements[i];
    if (pl.end && *pl.end < pl.start) {
      bad(child, "placements[" + std::to_string(i) + "].end", pl.end->iso() + " is before the start " + pl.start.iso());
    }
  }
}

std::optional<std::string> participation_age_issue(Date dob, Date review, Participation code) {
  if (code == Participation::none) return std::nullopt;
  const Date fourth = dob.add_months(48);
  if (code == Participation::pn0 && review > fourth)
    return "PN0 is for a child under 4, but the child was 4 on " + fourth.iso();
  if (code != Participation::pn0 && review < fourth) {
    return std::string(participation_code(code)) + " is for a child of 4 or over, but the child was under 4 (4th " +
           "birthday " + fourth.iso() + "); use PN0";
  }
  return std::nullopt;
}

std::vector<ParticipationIssue> check_participation(const Child& child) {
  std::vector<ParticipationIssue> issues;
  if (!child.dob) return issues;
  for (const Review& r : child.reviews) {
    if (r.cancelled) continue;
    if (auto why = participation_age_issue(*child.dob, r.date, r.participation))
      issues.push_back({r.date, r.participation, std::move(*why)});
  }
  return issues;
}

}  // namespace iro
