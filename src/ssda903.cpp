#include "iro/ssda903.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "csv.hpp"
#include "file_util.hpp"
#include "iro/error.hpp"

namespace iro {
namespace {

constexpr std::size_t max_file_bytes = 512u << 20;

// DD/MM/YYYY, or YYYY-MM-DD as some exports write.
std::optional<Date> parse_903_date(const std::string& text, std::string& why) {
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    int v[8];
    static const int at[8] = {0, 1, 3, 4, 6, 7, 8, 9};
    bool digits = true;
    for (int i = 0; i < 8; ++i) {
      const char ch = text[static_cast<std::size_t>(at[i])];
      digits = digits && ch >= '0' && ch <= '9';
      v[i] = ch - '0';
    }
    const int day = v[0] * 10 + v[1], month = v[2] * 10 + v[3], year = v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7];
    if (digits && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month) &&
        year >= Date::min_year && year <= Date::max_year) {
      return Date::from_days_unchecked(days_from_civil(year, month, day));
    }
    try {
      Date::from_ymd(digits ? year : -1, month, day);
    } catch (const Error& e) {
      why = quote(text) + " is not a date (" + e.what() + ")";
    }
    if (why.empty()) why = quote(text) + " is not a date in DD/MM/YYYY form";
    return std::nullopt;
  }
  const auto iso = Date::try_parse(text);
  if (!iso) why = quote(text) + " is not a date in DD/MM/YYYY form";
  return iso;
}

// SSDA903 legal status codes: C1 C2 D1 E1 J1-J3 L1-L3 V2-V4.
bool known_legal_status(const std::string& ls) {
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

struct Episode {
  Date start;
  std::optional<Date> end;
  char rne = 'S';
  std::string ls;
  std::size_t line = 0;
};

class Importer {
 public:
  explicit Importer(ImportMode mode) : mode_(mode) {}

  // The index of a child id; rows of one child usually come together, so the last answer is kept.
  std::optional<std::size_t> find(const std::string& id) {
    if (id == last_id_) return last_index_;
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    last_id_ = id;
    last_index_ = it->second;
    return last_index_;
  }

  void issue(const std::string& file, std::size_t line, const std::string& column, const std::string& message,
             bool rejected) {
    ImportIssue i{file, line, column, message, rejected};
    if (rejected && mode_ == ImportMode::strict) {
      throw Error(Status::parse, file + ":" + std::to_string(line) + (column.empty() ? "" : ": column " + column) + ": " +
                                     message);
    }
    (rejected ? report_.rejected : report_.doubtful)++;
    report_.issues.push_back(std::move(i));
  }

  std::optional<Date> date(const CsvReader& t, const char* column, bool required) {
    const std::string& v = t.field(t.column(column));
    if (v.empty()) {
      if (required) issue(t.source(), t.line(), column, "a date is required", true);
      return std::nullopt;
    }
    std::string why;
    const auto d = parse_903_date(v, why);
    if (!d) issue(t.source(), t.line(), column, why, true);
    return d;
  }

  Ssda903Import run(const Ssda903Files& files) {
    if (files.header.empty()) throw Error(Status::parse, "header.csv: missing: the Header table is required");
    if (files.episodes.empty()) throw Error(Status::parse, "episodes.csv: missing: the Episodes table is required");
    // Room for every child up front: one per header line at most.
    const std::size_t lines = static_cast<std::size_t>(std::count(files.header.begin(), files.header.end(), '\n')) + 1;
    index_.reserve(lines);
    children_.reserve(lines);
    episodes_.reserve(lines);
    adoptions_.reserve(lines);
    CsvReader header(files.header, "header.csv");
    read_header(header);
    CsvReader episodes(files.episodes, "episodes.csv");
    read_episodes(episodes);
    if (!files.placed_for_adoption.empty()) {
      CsvReader adoptions(files.placed_for_adoption, "placed_for_adoption.csv");
      read_adoptions(adoptions);
    }
    build_periods();
    if (!files.reviews.empty()) {
      CsvReader reviews(files.reviews, "reviews.csv");
      read_reviews(reviews);
    }
    if (!files.review_records.empty()) {
      CsvReader records(files.review_records, "review_records.csv");
      read_review_records(records);
    }
    if (!files.midway_reviews.empty()) {
      CsvReader midways(files.midway_reviews, "midway_reviews.csv");
      read_midway_reviews(midways);
    }
    return finish();
  }

 private:
  static void need(const CsvReader& t, std::initializer_list<const char*> columns) {
    for (const char* c : columns) {
      if (t.column(c) == std::string::npos) throw Error(Status::parse, t.source() + ":1: missing column " + c);
    }
  }

  void read_header(CsvReader& t) {
    need(t, {"CHILD", "DOB"});
    std::size_t& rows = report_.rows[t.source()];
    while (t.next()) {
      ++rows;
      const std::string id = t.field(t.column("CHILD"));
      if (id.empty()) {
        issue(t.source(), t.line(), "CHILD", "is empty", true);
        continue;
      }
      const auto dob = date(t, "DOB", false);
      const auto [it, added] = index_.try_emplace(id, children_.size());
      if (!added) {
        const bool same = children_[it->second].dob == dob;
        issue(t.source(), t.line(), "CHILD", "child " + quote(id) + " is listed again" +
                                                 (same ? " (same date of birth: counted once)" : " with another date of birth"),
              !same);
        continue;
      }
      Child c;
      c.id = id;
      c.dob = dob;
      children_.push_back(std::move(c));
      episodes_.emplace_back();
      adoptions_.emplace_back();
    }
  }

  void read_episodes(CsvReader& t) {
    need(t, {"CHILD", "DECOM", "RNE", "LS", "DEC"});
    const std::size_t child_col = t.column("CHILD"), rne_col = t.column("RNE"), ls_col = t.column("LS");
    static const std::string rne_codes = "SPLTUB";
    std::size_t& rows = report_.rows[t.source()];
    while (t.next()) {
      ++rows;
            const auto found = find(t.field(child_col));
      if (!found) {
        issue(t.source(), t.line(), "CHILD", "child " + quote(t.field(child_col)) + " is not in the Header table", true);
        continue;
      }
      const std::size_t before = report_.rejected;
      const auto start = date(t, "DECOM", true);
      const auto end = date(t, "DEC", false);
      const std::string& rne = t.field(rne_col);
      const std::string& ls = t.field(ls_col);
      if (rne.size() != 1 || rne_codes.find(rne[0]) == std::string::npos) {
        issue(t.source(), t.line(), "RNE", quote(rne) + " is not a reason for new episode (S, P, L, T, U, B)", true);
      }
      if (!known_legal_status(ls)) {
        issue(t.source(), t.line(), "LS", quote(ls) + " is not a legal status code", true);
      }
      if (report_.rejected != before || !start) continue;
      if (end && *end < *start) {
        issue(t.source(), t.line(), "DEC", end->iso() + " is before DECOM " + start->iso(), true);
        continue;
      }
      auto& list = episodes_[*found];
      const auto same = std::find_if(list.begin(), list.end(), [&](const Episode& e) { return e.start == *start; });
      if (same != list.end()) {
        issue(t.source(), t.line(), "DECOM", "an episode of child " + quote(t.field(child_col)) + " starting " +
                                                 start->iso() + " is already listed (line " + std::to_string(same->line) +
                                                 "): counted once",
              false);
        if (!same->end && end) same->end = end;  // a later year's copy may close it
        continue;
      }
      list.push_back({*start, end, rne[0], ls, t.line()});
    }
  }

  void read_adoptions(CsvReader& t) {
    need(t, {"CHILD", "DATE_PLACED"});
    std::size_t& rows = report_.rows[t.source()];
    while (t.next()) {
      ++rows;
      const auto found = find(t.field(t.column("CHILD")));
      if (!found) {
        issue(t.source(), t.line(), "CHILD", "child " + quote(t.field(t.column("CHILD"))) + " is not in the Header table", true);
        continue;
      }
      const auto placed = date(t, "DATE_PLACED", true);
      const auto ceased = date(t, "DATE_PLACED_CEASED", false);
      if (placed) adoptions_[*found].push_back({*placed, ceased, t.line()});
    }
  }

  void build_periods() {
    for (std::size_t i = 0; i < children_.size(); ++i) {
      auto& list = episodes_[i];
      std::sort(list.begin(), list.end(), [](const Episode& a, const Episode& b) { return a.start < b.start; });
      Child& c = children_[i];
      const Episode* last = nullptr;
      std::vector<std::size_t> first_lines;  // the line of each period's first episode
      for (const Episode& e : list) {
        const bool breaks = e.ls == "V3" || e.ls == "V4";
        if (last && !last->end) {
          issue("episodes.csv", e.line, "DECOM", "the episode before it (line " + std::to_string(last->line) +
                                                     ") has no DEC: taken to end on " + e.start.iso(),
                false);
        } else if (last && e.rne != 'S' && *last->end != e.start) {
          issue("episodes.csv", e.line, "DECOM", "continues a period (RNE " + std::string(1, e.rne) +
                                                     ") but the episode before it ended on " + last->end->iso(),
                false);
        }
        if (c.periods.empty() || e.rne == 'S') {
          if (!c.periods.empty() && !c.periods.back().end) c.periods.back().end = e.start;
          c.periods.push_back(Period{e.start, std::nullopt, breaks ? Regime::short_breaks : Regime::standard, {}});
          first_lines.push_back(e.line);
        }
        Period& p = c.periods.back();
        const Regime running = p.switches.empty() ? p.regime : p.switches.back().regime;
        if (running == Regime::short_breaks && !breaks && e.start > p.start) p.switches.push_back({e.start, Regime::standard});
        p.end = e.end;
        // A new placement starts with every episode except a change of legal status only (RNE L).
        if (e.rne != 'L') {
          if (!c.placements.empty() && !c.placements.back().end) c.placements.back().end = e.start;
          c.placements.push_back(Placement{e.start, std::nullopt, false});
        }
        if (!c.placements.empty()) c.placements.back().end = e.end;
        last = &e;
      }
      // A period with no day in care (it ends the day it starts) cannot be a period of care: its rows are
      // rejected, and the rest of the child is kept. One that runs past the 18th birthday is used, ending
      // on it (Children Act 1989 s105(1)); one that starts on or after it is rejected.
      const std::optional<Date> birthday = c.dob ? eighteenth_birthday(*c.dob) : std::nullopt;
      for (std::size_t k = c.periods.size(); k-- > 0;) {
        const Period& p = c.periods[k];
        std::string why;
        if (p.end && *p.end <= p.start) {
          why = "a period of care from " + p.start.iso() + " that ends the same day (no day in care): not used";
        } else if (birthday && p.start >= *birthday) {
          why = "a period of care from " + p.start.iso() + " starts on or after the 18th birthday " + birthday->iso() +
                ": not used";
        } else if (birthday && p.end && *p.end > *birthday) {
          issue("episodes.csv", first_lines[k], "DEC", "the period of care from " + p.start.iso() + " ends " +
                                                           p.end->iso() + ", after the 18th birthday " + birthday->iso() +
                                                           ": care is taken to end on the birthday",
                false);
        }
        if (!why.empty()) {
          issue("episodes.csv", first_lines[k], "DECOM", why, true);
          c.periods.erase(c.periods.begin() + static_cast<std::ptrdiff_t>(k));
        }
      }
      if (!list.empty()) report_.periods += c.periods.size();
      for (const Adoption& a : adoptions_[i]) place_for_adoption(c, a);
    }
  }

  struct Adoption {
    Date placed;
    std::optional<Date> ceased;
    std::size_t line;
  };

  void place_for_adoption(Child& c, const Adoption& a) {
    for (Period& p : c.periods) {
      if (a.placed < p.start || (p.end && a.placed >= *p.end)) continue;
      const bool after_switches = p.switches.empty() || p.switches.back().date < a.placed;
      if (!after_switches) {
        issue("placed_for_adoption.csv", a.line, "DATE_PLACED", a.placed.iso() + " comes before another change of regime: not used", true);
        return;
      }
      p.switches.push_back({a.placed, Regime::adoption_placed});
      if (a.ceased && *a.ceased > a.placed && (!p.end || *a.ceased < *p.end)) p.switches.push_back({*a.ceased, Regime::standard});
      return;
    }
    issue("placed_for_adoption.csv", a.line, "DATE_PLACED", a.placed.iso() + " is outside the child's periods of care", true);
  }

  // Each row of a table keyed by CHILD: counts it, refuses a child not in the header, and passes the
  // others to row(child, id).
  template <class Row>
  void for_each_child_row(CsvReader& t, Row&& row) {
    const std::size_t child_col = t.column("CHILD");
    std::size_t& rows = report_.rows[t.source()];
    while (t.next()) {
      ++rows;
      const std::string& id = t.field(child_col);
      const auto found = find(id);
      if (!found) {
        issue(t.source(), t.line(), "CHILD", "child " + quote(id) + " is not in the Header table", true);
        continue;
      }
      row(children_[*found], id);
    }
  }

  static bool in_care(const Child& c, Date d) {
    return std::any_of(c.periods.begin(), c.periods.end(), [&](const Period& p) { return p.start <= d && (!p.end || d <= *p.end); });
  }

  void read_reviews(CsvReader& t) {
    need(t, {"CHILD", "REVIEW", "REVIEW_CODE"});
    const std::size_t dob_column = t.column("DOB"), code_col = t.column("REVIEW_CODE");
    for_each_child_row(t, [&](Child& c, const std::string& id) {
      const auto when = date(t, "REVIEW", true);
      const auto code = participation_from_code(t.field(code_col));
      if (!code) {
        issue(t.source(), t.line(), "REVIEW_CODE", quote(t.field(code_col)) + " is not PN0-PN7", true);
        return;
      }
      if (!when) return;
      if (dob_column != std::string::npos && !t.field(dob_column).empty()) {
        std::string why;
        const auto dob = parse_903_date(t.field(dob_column), why);
        if (dob && c.dob && *dob != *c.dob) {
          issue(t.source(), t.line(), "DOB", dob->iso() + " differs from the Header table's " + c.dob->iso(), false);
        }
      }
      if (c.periods.empty()) {
        issue(t.source(), t.line(), "REVIEW", "child " + quote(id) + " has a review but no episode", true);
        return;
      }
      if (!in_care(c, *when)) {
        issue(t.source(), t.line(), "REVIEW", when->iso() + " is outside the child's periods of care", true);
        return;
      }
      const std::optional<Date> eighteen = c.dob ? eighteenth_birthday(*c.dob) : std::nullopt;
      if (eighteen && *when > *eighteen) {
        issue(t.source(), t.line(), "REVIEW", when->iso() + " is after the 18th birthday " + eighteen->iso() +
                                                  ", when the child stopped being looked after (not a looked-after "
                                                  "child's review)",
              true);
        return;
      }
      if (c.reviews.empty()) c.reviews.reserve(8);  // most children have several
      c.reviews.push_back(Review{*when, false, *code, ReviewReason::scheduled, std::nullopt});
    });
  }

  // review_records.csv (a local extract, not part of the 903): CHILD, REVIEW, RECORD_SENT.
  void read_review_records(CsvReader& t) {
    need(t, {"CHILD", "REVIEW", "RECORD_SENT"});
    for_each_child_row(t, [&](Child& c, const std::string& id) {
      const auto held = date(t, "REVIEW", true);
      const auto sent = date(t, "RECORD_SENT", true);
      if (!held || !sent) return;
      const auto r = std::find_if(c.reviews.begin(), c.reviews.end(), [&](const Review& rv) { return rv.date == *held; });
      if (r == c.reviews.end()) {
        issue(t.source(), t.line(), "REVIEW", "child " + quote(id) + " has no review on " + held->iso() + " in reviews.csv", true);
      } else if (*sent < *held) {
        issue(t.source(), t.line(), "RECORD_SENT", sent->iso() + " is before the review was held (" + held->iso() + ")", true);
      } else if (r->record_sent) {
        issue(t.source(), t.line(), "RECORD_SENT",
              "the review of " + held->iso() + " already has a record date (" + r->record_sent->iso() + ")", true);
      } else {
        r->record_sent = *sent;
      }
    });
  }

  // midway_reviews.csv (a local extract, not part of the 903): CHILD, MIDWAY.
  void read_midway_reviews(CsvReader& t) {
    need(t, {"CHILD", "MIDWAY"});
    for_each_child_row(t, [&](Child& c, const std::string&) {
      const auto when = date(t, "MIDWAY", true);
      if (!when) return;
      if (!in_care(c, *when)) {
        issue(t.source(), t.line(), "MIDWAY", when->iso() + " is outside the child's periods of care", true);
        return;
      }
      c.midways.push_back(*when);
    });
  }

  Ssda903Import finish() {
    Ssda903Import out;
    out.children.reserve(children_.size());
    for (Child& c : children_) {
      try {
        validate(c);
      } catch (const Error& e) {
        issue("episodes.csv", 0, "", e.what(), true);
        continue;
      }
      report_.reviews += c.reviews.size();
      out.children.push_back(std::move(c));
    }
    report_.children = out.children.size();
    std::stable_sort(report_.issues.begin(), report_.issues.end(), [](const ImportIssue& a, const ImportIssue& b) {
      return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    out.report = std::move(report_);
    return out;
  }

  ImportMode mode_;
  std::string last_id_;
  std::optional<std::size_t> last_index_;
  ImportReport report_;
  std::vector<Child> children_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::vector<Episode>> episodes_;
  std::vector<std::vector<Adoption>> adoptions_;
};

std::string read_optional(const std::filesystem::path& path, bool required) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (required) throw Error(Status::io, "missing " + quote(path.string(), 256) + ": a 903 return needs it");
    return "";
  }
  return read_text_file(path.string(), max_file_bytes);
}

}  // namespace

Ssda903Import import_903(const Ssda903Files& files, ImportMode mode) { return Importer(mode).run(files); }

Ssda903Import import_903_directory(const std::string& directory, ImportMode mode) {
  const std::filesystem::path dir(directory);
  Ssda903Files f;
  f.header = read_optional(dir / "header.csv", true);
  f.episodes = read_optional(dir / "episodes.csv", true);
  f.reviews = read_optional(dir / "reviews.csv", false);
  f.placed_for_adoption = read_optional(dir / "placed_for_adoption.csv", false);
  f.review_records = read_optional(dir / "review_records.csv", false);
  f.midway_reviews = read_optional(dir / "midway_reviews.csv", false);
  return import_903(f, mode);
}

}  // namespace iro
