#include "tools/synth.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <random>

#include "iro/core/calendar.hpp"
#include "iro/core/error.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/data/ssda903.hpp"

namespace iro {
namespace {

// DD/MM/YYYY, as SSDA903 files write dates.
std::string dmy(Date d) {
  const std::string iso = d.iso();
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

class Generator {
 public:
  explicit Generator(const SynthOptions& o)
      : o_(o),
        rng_(o.seed),
        extra_(o.seed ^ 0x9e3779b97f4a7c15ull),
        profile_(o.seed ^ 0xc2b2ae3d27d4eb4full),
        family_(o.seed ^ 0xd1b54a32d192ed03ull),
        local_(o.seed ^ 0x94d049bb133111ebull),
        first_(o.end.add_months(-12 * static_cast<std::int64_t>(o.years))),
        cal_(Calendar::england_and_wales()) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }

  SynthFiles run() {
    SynthFiles f;
    f.header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    f.episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    f.reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n";
    f.placed_for_adoption = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n";
    f.review_records = "CHILD,REVIEW,RECORD_SENT\n";
    f.midway_reviews = "CHILD,MIDWAY\n";
    f.officers = "iro_id,fte,kind,start,end,attributes\n";
    f.allocations = "child_id,iro_id,from,to\n";
    f.absences = "iro_id,from,to\n";
    f.disputes = "dispute_id,date,action,stage,child_id,iro_id,category\n";
    f.uasc = "CHILD,SEX,DOB,DUC\n";
    f.pre_meeting_reports = "CHILD,REVIEW,REPORT_RECEIVED\n";
    f.review_cancellations = "CHILD,REVIEW,REASON\n";
    f.review_exceptions = "CHILD,REVIEW,REASON\n";
    f.notifications = "CHILD,DECOM,NOTIFIED\n";
    for (std::uint32_t i = 0; i < o_.officers; ++i) {
      const double fte = chance(0.2) ? (chance(0.5) ? 0.6 : 0.8) : 1.0;
      f.officers += "IRO" + std::to_string(i + 1) + "," +
                    (fte == 1.0   ? "1.0"
                     : fte == 0.6 ? "0.6"
                                  : "0.8") +
                    "," + (chance(0.1) ? "agency" : "permanent") + ",,," +
                    (chance(0.5) ? "gender=female" : "gender=male") + "\n";
      for (std::uint32_t y = 0; y < o_.years; ++y) {
        if (!chance(0.3)) continue;
        const Date from = first_.add_days(365 * y + uniform(0, 330));
        f.absences +=
            "IRO" + std::to_string(i + 1) + "," + from.iso() + "," + from.add_days(uniform(10, 40)).iso() + "\n";
      }
    }
    const std::int32_t span = o_.end - first_;
    std::uint32_t dispute_id = 0;
    for (std::uint32_t c = 0; c < o_.children; ++c) {
      const std::string id = std::to_string(100000 + c);
      // Most children are in care at the start or enter during the years; some left before the end.
      Date start = first_.add_days(uniform(-3 * 365, span - 20));
      // Who the child is (the profile's own generator): UASC, age on entering care, sex and ethnicity.
      const bool uasc = profile_chance(uasc_share);
      const Date dob = birth(uasc, start);
      const std::string sex = profile_chance(uasc ? 0.94 : 0.53) ? "1" : "2";  // DfE 2024: 53% of non-UASC
      f.header += id + "," + sex + "," + dmy(dob) + "," + ethnicity(uasc) + ",,,\n";
      const bool breaks = chance(0.05) && !uasc;
      Date period_start = start;
      const int periods = chance(0.08) ? 2 : 1;
      const std::string iro = "IRO" + std::to_string(1 + (c % o_.officers));
      const Date eighteen = eighteenth_birthday(dob).value_or(Date::max());
      if (uasc) f.uasc += id + "," + sex + "," + dmy(dob) + "," + dmy(eighteen) + "\n";  // UASC until 18
      // Care ends by the 18th birthday, as in real returns: no period runs past it or starts after it.
      for (int p = 0; p < periods && period_start < o_.end && period_start < eighteen; ++p) {
        const bool main_leaves = chance(0.3);
        // Young children leave sooner (many by adoption or special guardianship).
        const bool leaves = p + 1 < periods || main_leaves || (period_start - dob < 5 * 365 && profile_chance(0.3));
        Date leave = leaves ? std::min(o_.end, period_start.add_days(uniform(60, 900))) : o_.end;
        const bool ages_out = eighteen < leave;  // leaves care on the 18th birthday
        if (ages_out) leave = eighteen;
        const bool closed = (leaves || ages_out) && leave < o_.end;
        // Episodes: a start, perhaps a placement change, and the end.
        const bool moves = chance(0.3) && leave - period_start > 60;
        const Date move = period_start.add_days(moves ? uniform(20, (leave - period_start) - 10) : 0);
        episodes(f, id, dob, period_start, leave, closed, ages_out, moves, move, breaks, uasc);
        // About one child in seven changes IRO during a period.
        if (o_.officers > 1 && leave - period_start > 120 && chance(0.15)) {
          const Date change = period_start.add_days(uniform(60, (leave - period_start) - 30));
          const std::string next =
              "IRO" + std::to_string(1 + ((c + 1 + static_cast<std::uint32_t>(uniform(0, 1000))) % o_.officers));
          const std::string other = next == iro ? "IRO" + std::to_string(1 + ((c + 1) % o_.officers)) : next;
          f.allocations += id + "," + iro + "," + period_start.iso() + "," + change.iso() + "\n";
          f.allocations += id + "," + other + "," + change.iso() + "," + (closed ? leave.iso() : "") + "\n";
        } else {
          f.allocations += id + "," + iro + "," + period_start.iso() + "," + (closed ? leave.iso() : "") + "\n";
        }
        reviews(f, id, dob, period_start, leave, breaks);
        if (!breaks && chance(0.03) && leave - period_start > 200) {
          f.placed_for_adoption +=
              id + "," + dmy(dob) + "," + dmy(period_start.add_days(uniform(100, leave - period_start - 1))) + ",,\n";
        }
        disputes(f, dispute_id, id, iro, period_start, leave);
        recent_[recent_next_++ % recent_.size()] = {id, period_start, leave};
        period_start = leave.add_days(uniform(30, 200));
      }
    }
    return f;
  }

 private:
  // The published national shares the profile follows: DfE, "Children looked after in England including
  // adoptions: reporting year 2024" (published November 2024), children looked after on 31 March 2024.
  // UASC were 9% of those looked after on 31 March; they stay a short time (they enter at 16 or 17), so a
  // larger share of the children ever looked after is drawn to give about 9% on a 31 March.
  static constexpr double uasc_share = 0.17;

  bool profile_chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(profile_) < p; }
  int profile_uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(profile_); }
  // An index drawn with these weights.
  template <std::size_t N>
  std::size_t pick(const int (&weights)[N]) {
    int total = 0;
    for (int w : weights) total += w;
    int r = profile_uniform(1, total);
    for (std::size_t i = 0; i < N; ++i) {
      if ((r -= weights[i]) <= 0) return i;
    }
    return N - 1;
  }
  template <std::size_t N>
  const char* pick_code(const char* const (&codes)[N], const int (&weights)[N]) {
    return codes[pick(weights)];
  }

  // A child's date of birth, moving the day care began (@p start) where the child's age needs it. UASC come
  // into care at 14 to 17. Any other child's age on the history's last day is drawn by band with weights
  // tuned so that those looked after on 31 March come out at about the national shares (under 1 5%, 1-4 13%,
  // 5-9 17%, 10-15 38%, 16 and over 27%, the UASC counted in), and one in six turned 18 during the history
  // (and left care then): a child born after @p start came into care at some day since birth, and one who
  // turned 18 before @p start came into care a while before the birthday.
  Date birth(bool uasc, Date& start) {
    if (uasc) return start.add_days(-profile_uniform(14 * 365 + 180, 17 * 365 + 300));
    static const int weights[] = {4, 14, 20, 38, 23, 20};
    static const int low[] = {1, 366, 5 * 365 + 2, 10 * 365 + 3, 16 * 365 + 5, 18 * 365 + 6};
    static const int high[] = {364, 5 * 365, 10 * 365 + 1, 16 * 365 + 3, 18 * 365 + 3, 21 * 365};
    const std::size_t band = pick(weights);
    const Date dob = o_.end.add_days(-profile_uniform(low[band], high[band]));
    if (dob >= start) start = dob.add_days(profile_uniform(0, std::max(0, (o_.end - dob) - 20)));
    const Date eighteen = eighteenth_birthday(dob).value_or(Date::max());
    if (start >= eighteen.add_days(-60)) start = std::max(dob, eighteen.add_days(-profile_uniform(60, 3 * 365)));
    return dob;
  }

  // An ETHNIC code: the national shares by group (White 71, Mixed 11, Asian 5, Black 7, Other 5, refused or
  // not obtained 1) once the UASC (mostly Other, Black African and Asian Other) are counted in.
  const char* ethnicity(bool uasc) {
    if (uasc) {
      static const char* const codes[] = {"OOTH", "BAFR", "AOTH", "WOTH", "MOTH"};
      static const int weights[] = {35, 30, 25, 5, 5};
      return pick_code(codes, weights);
    }
    static const char* const codes[] = {"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                                        "APKN", "ABAN", "AOTH", "CHNE", "BCRB", "BAFR", "BOTH", "OOTH", "REFU", "NOBT"};
    static const int weights[] = {660, 7, 15, 75, 18, 47, 18, 18, 35, 4, 10, 5, 9, 2, 13, 23, 12, 20, 5, 7};
    return pick_code(codes, weights);
  }

  // The legal status a period starts with: section 20 (V2) for UASC, V3 for short breaks; otherwise an
  // interim care order (C1, replaced by a full order, C2, a few months on), a care order, section 20, a
  // placement order (children under 10) or, rarely, police protection, remand or a criminal order.
  std::string first_legal_status(bool uasc, bool breaks, int age) {
    if (breaks) return "V3";
    if (uasc) return "V2";
    static const char* const codes[] = {"C1", "C2", "V2", "E1", "L1", "J2", "D1"};
    static const int weights[] = {30, 52, 12, 3, 1, 1, 1};
    const std::string ls = pick_code(codes, weights);
    return ls == "E1" && age >= 10 ? "C2" : ls;
  }

  // The reason a period ended (REC), by age and route out: DfE 2024 has a return home as the largest group,
  // then special guardianship, adoption (young children), independent living and staying put at 18.
  std::string reason_ended(bool uasc, bool ages_out, int age) {
    if (ages_out) {
      static const char* const codes[] = {"E17", "E5", "E6", "E7", "E8"};
      static const int weights[] = {45, 25, 5, 5, 20};
      static const int uasc_weights[] = {15, 45, 25, 0, 15};
      return pick_code(codes, uasc ? uasc_weights : weights);
    }
    static const char* const codes[] = {"E11", "E12", "E45", "E46", "E47", "E48", "E41", "E4A", "E4B", "E13",
                                        "E5",  "E6",  "E3",  "E8",  "E9",  "E14", "E15", "E16", "E2"};
    static const int under_5[] = {20, 12, 8, 4, 10, 4, 7, 27, 0, 3, 0, 0, 0, 5, 0, 0, 0, 0, 0};
    static const int age_5_9[] = {4, 3, 8, 4, 8, 4, 8, 45, 4, 3, 0, 0, 0, 9, 0, 0, 0, 0, 0};
    static const int age_10_15[] = {0, 0, 3, 1, 3, 1, 4, 50, 6, 4, 0, 0, 4, 16, 2, 4, 0, 2, 0};
    static const int age_16_17[] = {0, 0, 0, 0, 0, 0, 0, 40, 5, 0, 10, 4, 5, 20, 3, 6, 3, 0, 0};
    static const int uasc_weights[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 40, 20, 0, 0, 20, 0, 0};
    return pick_code(codes, uasc       ? uasc_weights
                            : age < 5  ? under_5
                            : age < 10 ? age_5_9
                            : age < 16 ? age_10_15
                                       : age_16_17);
  }

  // One period's episodes: the start (RNE S), a placement change (P) when @p moves, an interim order replaced by
  // a full one (L), and for about one child in ten two or three more moves in the period's last year (the
  // DfE's placement stability measure: about 10% of children on 31 March had three or more placements in the
  // year). Each episode ends where the next starts (REC X1); the last at @p leave with a reason, when closed.
  void episodes(SynthFiles& f, const std::string& id, Date dob, Date start, Date leave, bool closed, bool ages_out,
                bool moves, Date move, bool breaks, bool uasc) {
    struct Change {
      Date day;
      char rne;
      std::string ls;
    };
    const int age = (start - dob) / 365;
    std::vector<Change> changes = {{start, 'S', first_legal_status(uasc, breaks, age)}};
    if (moves) changes.push_back({move, 'P', ""});
    if (changes[0].ls == "C1") {
      const Date full = start.add_days(profile_uniform(150, 600));
      if (full < leave) changes.push_back({full, 'L', "C2"});
    }
    if (!breaks && leave - start > 40 && profile_chance(0.10)) {
      const Date from = std::max(start.add_days(1), leave.add_days(-365));
      for (int k = profile_uniform(2, 3); k > 0; --k)
        changes.push_back({from.add_days(profile_uniform(0, leave - from - 1)), 'P', ""});
    }
    std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.day < b.day; });
    changes.erase(
        std::unique(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.day == b.day; }),
        changes.end());
    const std::string last_reason = closed ? reason_ended(uasc, ages_out, (leave - dob) / 365) : std::string();
    std::string ls = changes[0].ls;
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const Change& c = changes[i];
      if (!c.ls.empty()) ls = c.ls;
      const bool last = i + 1 == changes.size();
      const std::string dec = !last ? dmy(changes[i + 1].day) : closed ? dmy(leave) : std::string();
      const std::string rec = !last ? "X1" : last_reason;
      f.episodes += id + "," + dmy(c.day) + "," + c.rne + "," + ls + ",N1," + (c.rne == 'S' ? "U1" : "U3") + ",PR1," +
                    dec + "," + rec + "," + (c.rne == 'P' ? "CARPL" : "") + ",,,\n";
    }
  }

  void reviews(SynthFiles& f, const std::string& id, Date dob, Date start, Date leave, bool breaks) {
    notification(f, id, start);
    Date due = breaks ? start.add_months(3) : cal_.add_working_days(start, 20);
    for (int k = 0; k < 40; ++k) {
      const bool late = chance(k == 0 ? 0.12 : 0.05);
      const Date held = late ? due.add_days(uniform(1, 40)) : due.add_days(-uniform(0, 25));
      if (held <= start || held >= leave || held > o_.end) break;
      f.reviews += id + "," + dmy(dob) + "," + dmy(held) + "," + code(dob, held) + "\n";
      local(f, id, start, due, held);
      due = held.add_months(k == 0 && !breaks ? 3 : 6);
      extras(f, id, held, due, leave);
    }
  }

  // The day the IRO service was told of a new period of care: most within a working day, a few weeks late
  // (Thurrock and Bradford name late notification).
  void notification(SynthFiles& f, const std::string& id, Date start) {
    const int roll = std::uniform_int_distribution<int>(1, 100)(local_);
    if (roll > 96) return;  // not recorded
    const int days = roll <= 70 ? roll % 2 : roll <= 88 ? 2 + roll % 4 : roll <= 94 ? 6 + roll % 5 : 11 + roll % 10;
    const Date told = cal_.add_working_days(start, days);
    if (told <= o_.end) f.notifications += id + "," + dmy(start) + "," + dmy(told) + "\n";
  }

  // For the review held on `held` (due `due`): when the social worker's report reached the IRO (about half by
  // the day it was due, Hounslow's "only 48.6%"), a cancelled meeting before it for about one review in twelve
  // (Thurrock's causes), and for about one late review in six an agreed and understood reason (Medway).
  void local(SynthFiles& f, const std::string& id, Date start, Date due, Date held) {
    const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(local_); };
    const int roll = pick(1, 100);
    if (roll <= 90) {
      const int before = roll <= 52 ? pick(3, 10) : pick(-2, 2);  // working days before the meeting
      const Date got = cal_.add_working_days(held, -before);
      if (got <= o_.end) f.pre_meeting_reports += id + "," + dmy(held) + "," + dmy(got) + "\n";
    }
    static const char* const cancelled[] = {"IRO unavailable",   "social worker unavailable",
                                            "carer unavailable", "report not available",
                                            "child unwell",      "rearranged at family request"};
    if (pick(1, 12) == 1) {
      const Date day = held.add_days(-pick(3, 20));
      if (day > start) f.review_cancellations += id + "," + dmy(day) + "," + cancelled[pick(0, 5)] + "\n";
    }
    static const char* const agreed[] = {"to follow a court hearing", "at the child's request", "placement move"};
    if (held > due && pick(1, 6) == 1) f.review_exceptions += id + "," + dmy(held) + "," + agreed[pick(0, 2)] + "\n";
  }

  // The record of the review held on `held` (most within 15 working days, some late, a few never
  // recorded or not sent by the end), and a midway review on the way to the next due date (most of them).
  // A generator of its own, so these do not change the rest of the council for a given seed.
  void extras(SynthFiles& f, const std::string& id, Date held, Date due, Date leave) {
    const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(extra_); };
    const int roll = pick(1, 100);
    if (roll > 4) {
      const Date sent = cal_.add_working_days(held, roll > 88 ? pick(16, 40) : pick(1, 15));
      if (sent <= o_.end) f.review_records += id + "," + dmy(held) + "," + dmy(sent) + "\n";
    }
    if (pick(1, 100) <= 78) {
      const Date midway = held.add_days((due - held) / 2 + pick(-12, 12));
      if (midway > held && midway < leave && midway <= o_.end) f.midway_reviews += id + "," + dmy(midway) + "\n";
    }
  }

  std::string code(Date dob, Date held) {
    if (held < dob.add_months(48)) return "PN0";
    static const int weights[] = {45, 8, 5, 5, 7, 20, 10};  // PN1..PN7
    int r = uniform(1, 100);
    for (int i = 0; i < 7; ++i) {
      if ((r -= weights[i]) <= 0) return "PN" + std::to_string(i + 1);
    }
    return "PN7";
  }

  void disputes(SynthFiles& f, std::uint32_t& next, const std::string& child, const std::string& iro, Date start,
                Date leave) {
    static const std::vector<std::string> default_categories = {"permanency", "pathway_plan", "contact", "education",
                                                                "advocacy"};
    static const std::vector<std::string> default_stages = {"informal", "team_manager", "service_manager",
                                                            "head_of_service", "director"};
    const std::vector<std::string>& categories =
        o_.dispute_categories.empty() ? default_categories : o_.dispute_categories;
    const std::vector<std::string>& stages = o_.ladder_stages.empty() ? default_stages : o_.ladder_stages;
    const int last_category = static_cast<int>(categories.size()) - 1;
    const int last_stage = static_cast<int>(stages.size()) - 1;
    const double years = (std::min(leave, o_.end) - std::max(start, first_)) / 365.25;
    if (years <= 0 || !chance(std::min(1.0, 0.07 * years))) return;
    const std::string id = "D" + std::to_string(++next);
    Date day = std::max(start, first_).add_days(uniform(0, static_cast<int>(years * 300)));
    if (day >= o_.end) return;
    const std::string first_category = categories[static_cast<std::size_t>(uniform(0, last_category))];
    f.disputes += id + "," + day.iso() + ",raise,," + concerned(child, day) + "," + iro + "," +
                  issues(first_category, categories) + "\n";
    // How far up the ladder it goes (with the England ladder's five stages: up to the director).
    const int reached = std::min(last_stage, chance(0.6) ? 0 : chance(0.6) ? 1 : chance(0.6) ? 2 : chance(0.7) ? 3 : 4);
    for (int s = 1; s <= reached; ++s) {
      day = day.add_days(uniform(1, 6));
      if (day >= o_.end) return;
      f.disputes += id + "," + day.iso() + ",escalate," + stages[static_cast<std::size_t>(s)] + ",,,\n";
    }
    if (chance(0.01)) {
      day = day.add_days(1);
      if (day >= o_.end) return;
      f.disputes += id + "," + day.iso() + ",refer_cafcass,,,,\n";
    }
    day = day.add_days(uniform(1, 10));
    if (day < o_.end) f.disputes += id + "," + day.iso() + "," + (chance(0.9) ? "resolve" : "withdraw") + ",,,,\n";
  }

  // The children a dispute raised on `day` concerns: the child, and for about three disputes in ten one or
  // two siblings (children generated just before, looked after on that day), so that 100 disputes concern
  // about 143 children, as Bradford's 28 alerts concerned 40. A generator of its own (family_), so the
  // rest of the council is the same for a seed as before sibling groups.
  std::string concerned(const std::string& child, Date day) {
    const int roll = std::uniform_int_distribution<int>(1, 100)(family_);
    std::size_t wanted = roll <= 70 ? 0 : roll <= 87 ? 1 : 2;
    std::string out = child;
    for (std::size_t k = 1; k <= recent_.size() && wanted > 0; ++k) {
      const Spell& s = recent_[(recent_next_ - k) % recent_.size()];
      if (s.child.empty() || s.child == child || day < s.start || !(day < s.leave)) continue;
      if ((";" + out + ";").find(";" + s.child + ";") != std::string::npos) continue;
      out += ";" + s.child;
      --wanted;
    }
    return out;
  }

  // The categories of a dispute: `first`, and for most disputes one to four more (distinct), so that 100
  // disputes name about 230 issues, as Bradford's 28 alerts named 63.
  std::string issues(const std::string& first, const std::vector<std::string>& categories) {
    const int roll = std::uniform_int_distribution<int>(1, 100)(family_);
    const std::size_t wanted = std::min<std::size_t>(categories.size(), roll <= 35   ? 1
                                                                        : roll <= 60 ? 2
                                                                        : roll <= 80 ? 3
                                                                        : roll <= 95 ? 4
                                                                                     : 5);
    std::vector<std::string> chosen = {first};
    while (chosen.size() < wanted) {
      const std::string& c = categories[std::uniform_int_distribution<std::size_t>(0, categories.size() - 1)(family_)];
      if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) chosen.push_back(c);
    }
    std::string out;
    for (const std::string& c : chosen) out += (out.empty() ? "" : ";") + c;
    return out;
  }

  struct Spell {
    std::string child;
    Date start;
    Date leave;
  };

  SynthOptions o_;
  std::mt19937_64 rng_;
  std::mt19937_64 extra_;
  std::mt19937_64 profile_;  // who the children are (sex, ethnicity, UASC, age, legal status, reasons, moves)
  std::mt19937_64 family_;
  std::mt19937_64 local_;          // the local extracts of reports, cancellations, exceptions and notifications
  std::array<Spell, 8> recent_{};  // the last periods generated, for siblings
  std::size_t recent_next_ = 0;
  Date first_;
  Calendar cal_;
};

}  // namespace

SynthFiles synthesize(const SynthOptions& o) {
  if (o.children < 1 || o.children > 2000000)
    throw Error(Status::invalid_argument, "children " + std::to_string(o.children) + " is not 1 to 2,000,000");
  if (o.officers < 1 || o.officers > 100000)
    throw Error(Status::invalid_argument, "iros " + std::to_string(o.officers) + " is not 1 to 100,000");
  if (o.years < 1 || o.years > 20)
    throw Error(Status::invalid_argument, "years " + std::to_string(o.years) + " is not 1 to 20");
  if (o.end.year() < 1995 || o.end.year() > 2190)
    throw Error(Status::invalid_argument, "end " + o.end.iso() + " is not in 1995-2190");
  return Generator(o).run();
}

SynthOptions SynthOptions::for_policy(const Policy& policy) const {
  SynthOptions o = *this;
  o.ladder_stages.clear();
  for (const LadderStage& s : policy.ladder.stages) o.ladder_stages.push_back(s.name);
  o.dispute_categories.clear();
  for (const DisputeCategory& c : policy.dispute_categories) o.dispute_categories.push_back(c.code);
  return o;
}

Casebook casebook_from(const SynthFiles& files, const std::string& council, const Policy& policy) {
  Casebook book;
  book.council = council;
  book.children = import_903({files.header, files.episodes, files.reviews, files.placed_for_adoption,
                              files.review_records, files.midway_reviews, files.uasc, files.pre_meeting_reports,
                              files.review_cancellations, files.review_exceptions, files.notifications},
                             ImportMode::strict)
                      .children;
  read_roster_csv(book.roster, RosterFile::iros, files.officers, "iros.csv");
  read_roster_csv(book.roster, RosterFile::allocations, files.allocations, "allocations.csv");
  read_roster_csv(book.roster, RosterFile::absences, files.absences, "absences.csv");
  DisputeRegister reg(policy, policy.calendar(Calendar::england_and_wales()));
  read_disputes_csv(reg, files.disputes, "events.csv");
  book.disputes = reg.disputes();
  return book;
}

void write_synth_files(const SynthFiles& f, const std::string& directory) {
  const std::filesystem::path dir(directory);
  std::error_code ec;
  std::filesystem::create_directories(dir / "roster", ec);
  std::filesystem::create_directories(dir / "disputes", ec);
  const std::pair<std::string, const std::string*> files[] = {{"header.csv", &f.header},
                                                              {"episodes.csv", &f.episodes},
                                                              {"reviews.csv", &f.reviews},
                                                              {"placed_for_adoption.csv", &f.placed_for_adoption},
                                                              {"roster/iros.csv", &f.officers},
                                                              {"roster/allocations.csv", &f.allocations},
                                                              {"roster/absences.csv", &f.absences},
                                                              {"disputes/events.csv", &f.disputes},
                                                              {"review_records.csv", &f.review_records},
                                                              {"midway_reviews.csv", &f.midway_reviews},
                                                              {"uasc.csv", &f.uasc},
                                                              {"pre_meeting_reports.csv", &f.pre_meeting_reports},
                                                              {"review_cancellations.csv", &f.review_cancellations},
                                                              {"review_exceptions.csv", &f.review_exceptions},
                                                              {"notifications.csv", &f.notifications}};
  for (const auto& [name, text] : files) {
    std::ofstream out(dir / name, std::ios::binary);
    if (!out || !(out << *text) || !out.flush())
      throw Error(Status::io, "cannot write " + quote((dir / name).string(), 256));
  }
}

}  // namespace iro
