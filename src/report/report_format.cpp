// The annual report's layouts: terminal text, Markdown, HTML with SVG charts, JSON and one long CSV. Each
// only lays out what the Report holds (report.cpp computes it; report_figures.cpp names its figures).
#include "iro/report/report_format.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/csv.hpp"
#include "iro/core/error.hpp"

namespace iro {
namespace {

const char* const number_labels[] = {"first", "second", "subsequent"};

std::string pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

std::string fixed(double v, int places) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A vertical bar chart in SVG: one bar per value (0-max), labels under the bars.
std::string bar_chart(const std::string& title, const std::vector<std::string>& labels,
                      const std::vector<double>& values, double max, const std::string& unit, double band_low = -1,
                      double band_high = -1) {
  const int w = 640, h = 240, left = 40, bottom = 40, top = 24;
  const double plot_h = h - bottom - top;
  const double bw = (w - left - 10) / std::max<double>(1.0, static_cast<double>(values.size()));
  const double scale = max > 0 ? plot_h / max : 0;
  std::ostringstream s;
  s << "<figure><svg class=\"chart\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\""
    << escape(title) << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>" << escape(title) << "</title>\n";
  if (band_low >= 0) {
    const double y1 = top + plot_h - std::min(max, band_high) * scale,
                 y2 = top + plot_h - std::min(max, band_low) * scale;
    s << "<rect class=\"band\" x=\"" << left << "\" y=\"" << fixed(y1, 1) << "\" width=\"" << (w - left - 10)
      << "\" height=\"" << fixed(y2 - y1, 1) << "\"/>\n";
  }
  s << "<line class=\"axis\" x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << w - 10 << "\" y2=\""
    << top + plot_h << "\"/>\n";
  s << "<text class=\"tick\" x=\"" << left - 4 << "\" y=\"" << top + 4 << "\" text-anchor=\"end\">" << fixed(max, 0)
    << "</text>\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double bh = values[i] * scale, x = left + static_cast<double>(i) * bw + bw * 0.15;
    s << "<rect class=\"bar\" x=\"" << fixed(x, 1) << "\" y=\"" << fixed(top + plot_h - bh, 1) << "\" width=\""
      << fixed(bw * 0.7, 1) << "\" height=\"" << fixed(bh, 1) << "\"><title>" << escape(labels[i]) << ": "
      << fixed(values[i], 1) << unit << "</title></rect>\n";
    s << "<text class=\"label\" x=\"" << fixed(x + bw * 0.35, 1) << "\" y=\"" << h - bottom + 16
      << "\" text-anchor=\"middle\">" << escape(labels[i]) << "</text>\n";
  }
  s << "</svg><figcaption>" << escape(title) << "</figcaption></figure>\n";
  return s.str();
}

// A grouped bar chart in SVG: for each group (a measure), one bar per series (a year, oldest first, the last in the
// bar colour and the earlier ones lighter), with a legend naming the series.
std::string grouped_bar_chart(const std::string& title, const std::vector<std::string>& groups,
                              const std::vector<std::string>& series, const std::vector<std::vector<double>>& values,
                              double max, const std::string& unit) {
  const int w = 640, h = 260, left = 40, bottom = 40, top = 40;
  const double plot_h = h - bottom - top;
  const double gw = (w - left - 10) / std::max<double>(1.0, static_cast<double>(groups.size()));
  const double bw = gw * 0.8 / std::max<double>(1.0, static_cast<double>(series.size()));
  const double scale = max > 0 ? plot_h / max : 0;
  const auto bar_class = [&](std::size_t k) {
    const std::size_t back = series.size() - 1 - k;  // 0 for the last series
    return back == 0 ? std::string("bar") : "bar" + std::to_string(std::min<std::size_t>(back, 2));
  };
  std::ostringstream s;
  s << "<figure><svg class=\"chart\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\""
    << escape(title) << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>" << escape(title) << "</title>\n";
  s << "<line class=\"axis\" x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << w - 10 << "\" y2=\""
    << top + plot_h << "\"/>\n";
  s << "<text class=\"tick\" x=\"" << left - 4 << "\" y=\"" << top + 4 << "\" text-anchor=\"end\">" << fixed(max, 0)
    << "</text>\n";
  for (std::size_t k = 0; k < series.size(); ++k) {
    const double x = left + static_cast<double>(k) * 110.0;
    s << "<rect class=\"" << bar_class(k) << "\" x=\"" << fixed(x, 1) << "\" y=\"8\" width=\"12\" height=\"12\"/>"
      << "<text class=\"label\" x=\"" << fixed(x + 16, 1) << "\" y=\"18\">" << escape(series[k]) << "</text>\n";
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const double x0 = left + static_cast<double>(g) * gw + gw * 0.1;
    for (std::size_t k = 0; k < series.size() && k < values[g].size(); ++k) {
      const double v = values[g][k], bh = v * scale, x = x0 + static_cast<double>(k) * bw;
      s << "<rect class=\"" << bar_class(k) << "\" x=\"" << fixed(x, 1) << "\" y=\"" << fixed(top + plot_h - bh, 1)
        << "\" width=\"" << fixed(bw * 0.9, 1) << "\" height=\"" << fixed(bh, 1) << "\"><title>" << escape(groups[g])
        << ", " << escape(series[k]) << ": " << fixed(v, 1) << unit << "</title></rect>\n";
    }
    s << "<text class=\"label\" x=\"" << fixed(x0 + gw * 0.4, 1) << "\" y=\"" << h - bottom + 16
      << "\" text-anchor=\"middle\">" << escape(groups[g]) << "</text>\n";
  }
  s << "</svg><figcaption>" << escape(title) << "</figcaption></figure>\n";
  return s.str();
}

std::string percent_of(std::size_t part, std::size_t whole) {
  return pct(whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

const char* const pn_keys[] = {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7", "none"};
const char* const dispute_keys[] = {"raised",    "informal_raised", "became_formal", "resolved",
                                    "withdrawn", "cafcass",         "open",          "overdue"};

// One line of the disputes-by-category table: every category raised or resolved in the year, in natural order
// (A1, A2, ..., A10), with the policy's name for it ("" where it has none).
struct CategoryLine {
  std::string code;
  std::string name;
  std::size_t raised = 0;
  std::size_t resolved = 0;
};

std::vector<CategoryLine> category_lines(const Report& r) {
  CodeCounts codes = r.disputes.by_category;
  for (const auto& [code, n] : r.disputes.resolved_by_category) codes.emplace(code, 0);
  std::vector<CategoryLine> out;
  for (const auto& [code, raised] : codes) {
    const auto name = r.category_names.find(code);
    const auto resolved = r.disputes.resolved_by_category.find(code);
    out.push_back({code, name == r.category_names.end() ? std::string() : name->second, raised,
                   resolved == r.disputes.resolved_by_category.end() ? 0 : resolved->second});
  }
  return out;
}

// "40 children concerned, 63 issues; 5 became formal, for 6 children" (text, Markdown and HTML).
std::string dispute_people_sentence(const DisputeFigures& d) {
  return std::to_string(d.children) + " children concerned, " + std::to_string(d.issues) +
         " issues (categories named); " + std::to_string(d.formal) + " entered the formal process, for " +
         std::to_string(d.formal_children) + " children (children with a formal challenge)";
}

}  // namespace

std::string not_supplied_text(const std::string& table) {
  if (table == "records") return "not supplied: the casebook has no review record dates (review_records.csv)";
  if (table == "midway") return "not supplied: the casebook has no midway reviews (midway_reviews.csv)";
  if (table == "caseloads") return "not supplied: the casebook has no IRO roster (roster/iros.csv)";
  if (table == "disputes") return "not supplied: the casebook has no dispute events (disputes/events.csv)";
  if (table == "pre_meeting")
    return "not supplied: the casebook has no dates social workers' reports reached the IRO (pre_meeting_reports.csv)";
  if (table == "cancellations") return "not supplied: the casebook has no cancelled reviews (review_cancellations.csv)";
  if (table == "exceptions") return "not supplied: the casebook has no agreed exceptions (review_exceptions.csv)";
  if (table == "notifications")
    return "not supplied: the casebook has no dates the IRO service was told a child became looked after "
           "(notifications.csv)";
  return "not supplied";
}

namespace {

// One sentence each for records, midway reviews and overdue reviews (text, Markdown and HTML).
std::string records_sentence(const Report& r) {
  if (!r.supplied.review_records) return not_supplied_text("records") + ".";
  const RecordsFigures& x = r.records;
  return std::to_string(x.within_target) + " of the " + std::to_string(x.held) +
         " reviews held had their record circulated within " + std::to_string(x.target_working_days) +
         " working days (" + pct(x.percent()) + "); " + std::to_string(x.late) + " late, " +
         std::to_string(x.not_recorded) + " with no date recorded.";
}

std::string midway_sentence(const Report& r) {
  if (!r.supplied.midway_reviews) return not_supplied_text("midway") + ".";
  const MidwayFigures& m = r.midway;
  std::string s = std::to_string(m.held) + " midway reviews for " + std::to_string(m.children) + " children; " +
                  std::to_string(m.covered) + " of " + std::to_string(m.intervals) +
                  " reviews had one since the review before (" + pct(m.percent()) + ")";
  if (m.target_percent) {
    s += " against a target of " + std::to_string(*m.target_percent) + "%" +
         (m.percent() >= *m.target_percent ? " (met)" : " (not met)");
  }
  return s + ".";
}

std::string population_sentence(const Report& r) {
  return std::to_string(r.looked_after_start) + " looked after on " + r.from.add_days(-1).iso() + ", " +
         std::to_string(r.looked_after_end) + " on " + r.to.iso() + "; " + std::to_string(r.entered) +
         " entered care and " + std::to_string(r.left) + " left in the year; " + std::to_string(r.overdue_at_end) +
         " looked after on " + r.to.iso() + " with their next review already overdue.";
}

}  // namespace

// ---- The population profile: every table laid out the same way in each format ----

// A profile table's line key as a row in cells ("year" for a table of one figure).
std::string profile_row(const ProfileLine& l) { return l.key.empty() ? "year" : l.key; }

nlohmann::json profile_json(const Report& r) {
  nlohmann::json j = nlohmann::json::object();
  for (const ProfileTable& t : r.profile) {
    if (!t.supplied) {
      j[t.name] = nullptr;
      continue;
    }
    nlohmann::json o = nlohmann::json::object();
    for (const ProfileLine& l : t.lines) {
      const std::string key = l.key.empty() ? "children" : l.key;
      if (t.columns.size() == 1 && t.columns[0].empty()) {
        o[key] = l.counts[0];
      } else {
        nlohmann::json c = nlohmann::json::object();
        for (std::size_t k = 0; k < t.columns.size(); ++k) c[t.columns[k]] = l.counts[k];
        o[key] = std::move(c);
      }
    }
    j[t.name] = std::move(o);
  }
  return j;
}

std::string report_query_csv(const std::string& figure, const std::vector<ReportTrace>& rows) {
  std::string out = "figure,child,date,detail\n";
  const auto field = [](const std::string& v) { return csv_field(v); };
  for (const ReportTrace& t : rows)
    out += field(figure) + "," + field(t.child) + "," + t.date.iso() + "," + field(t.detail) + "\n";
  return out;
}

namespace {

// ---- The three years side by side (text, Markdown, HTML, JSON and CSV lay out the same lines) ----
// Whether the report holds the three years (a Report built by hand may not).
bool three_years(const Report& r) { return r.years.size() == 3 && r.by_number.size() == 3; }

struct YearLine {
  std::string key;               // the CSV measure and JSON key: "due", "percent_in_time_of_due"...
  std::string label;             // the words in text, Markdown and HTML
  std::array<std::string, 3> v;  // oldest year first
  std::string overall;           // a rate across the three years, weighted (sum of parts / sum of wholes), or ""
  bool percent = false;          // the values are percentages
};

std::vector<YearLine> year_lines(const Report& r) {
  std::vector<YearLine> out;
  if (!three_years(r)) return out;
  const auto count = [&](const std::string& key, const std::string& label, auto get) {
    YearLine l{key, label, {}, {}, false};
    for (std::size_t y = 0; y < 3; ++y) l.v[y] = std::to_string(get(r.years[y], y));
    out.push_back(std::move(l));
  };
  const auto rate = [&](const std::string& key, const std::string& label, auto part, auto whole) {
    YearLine l{key, label, {}, {}, true};
    std::size_t parts = 0, wholes = 0;
    for (std::size_t y = 0; y < 3; ++y) {
      const std::size_t a = part(r.years[y], y), b = whole(r.years[y], y);
      l.v[y] = fixed(YearFigures::ratio(a, b), 1);
      parts += a;
      wholes += b;
    }
    l.overall = fixed(YearFigures::ratio(parts, wholes), 1);
    out.push_back(std::move(l));
  };
  using Y = const YearFigures&;
  count("due", "reviews due", [](Y f, std::size_t) { return f.due; });
  count("due_held", "of those, held", [](Y f, std::size_t) { return f.due_held; });
  count("in_time", "of those, held in time", [](Y f, std::size_t) { return f.in_time; });
  rate(
      "percent_in_time_of_due", "% in time of due", [](Y f, std::size_t) { return f.in_time; },
      [](Y f, std::size_t) { return f.due; });
  count("held", "reviews held (by the date held)", [](Y f, std::size_t) { return f.held; });
  count("held_in_time", "of those, held in time", [](Y f, std::size_t) { return f.held_in_time; });
  rate(
      "percent_in_time_of_held", "% in time of held", [](Y f, std::size_t) { return f.held_in_time; },
      [](Y f, std::size_t) { return f.held; });
  for (std::size_t k = 0; k < 3; ++k) {
    const std::string number = number_labels[k];
    count(number + "_due", number + " reviews due", [&](Y, std::size_t y) { return r.by_number[y].due[k]; });
    rate(
        "percent_" + number + "_in_time", "% " + number + " in time",
        [&](Y, std::size_t y) { return r.by_number[y].in_time[k]; },
        [&](Y, std::size_t y) { return r.by_number[y].due[k]; });
  }
  for (std::size_t c = 0; c < 9; ++c) {
    count(pn_keys[c], std::string("participation ") + pn_keys[c], [c](Y f, std::size_t) { return f.participation[c]; });
  }
  rate(
      "participation_rate", "participation without under-4s (PN1-PN6 of PN1-PN7)",
      [](Y f, std::size_t) { return f.took_part(); }, [](Y f, std::size_t) { return f.four_and_over(); });
  rate(
      "participation_rate_with_under_4s", "participation with under-4s (PN1-PN6 of PN0-PN7)",
      [](Y f, std::size_t) { return f.took_part(); }, [](Y f, std::size_t) { return f.coded(); });
  if (r.supplied.review_records) {
    count("records_within_target", "records within target", [](Y f, std::size_t) { return f.within_target; });
    count("records_late", "records late", [](Y f, std::size_t) { return f.records_late; });
    count("records_not_recorded", "records not recorded", [](Y f, std::size_t) { return f.not_recorded; });
    rate(
        "percent_records_within_target", "% records within target of held",
        [](Y f, std::size_t) { return f.within_target; }, [](Y f, std::size_t) { return f.held; });
  }
  if (r.supplied.midway_reviews) {
    count("midway_intervals", "midway: intervals", [](Y f, std::size_t) { return f.midway_intervals; });
    count("midway_covered", "midway: covered", [](Y f, std::size_t) { return f.midway_covered; });
    rate(
        "percent_midway_covered", "% intervals with a midway review", [](Y f, std::size_t) { return f.midway_covered; },
        [](Y f, std::size_t) { return f.midway_intervals; });
  }
  count("looked_after_start", "looked after at the start", [](Y f, std::size_t) { return f.looked_after_start; });
  count("looked_after_end", "looked after at the end", [](Y f, std::size_t) { return f.looked_after_end; });
  count("entered", "entered care", [](Y f, std::size_t) { return f.entered; });
  count("left", "left care", [](Y f, std::size_t) { return f.left; });
  count("overdue_at_end", "overdue at the year end", [](Y f, std::size_t) { return f.overdue_at_end; });
  if (r.supplied.roster) {
    const auto words = [&](const char* key, const std::string& label, auto get) {
      YearLine l{key, label, {}, {}, false};
      for (std::size_t y = 0; y < 3; ++y) l.v[y] = get(r.years[y].caseloads);
      out.push_back(std::move(l));
    };
    count("iros_in_post", "workforce: IROs in post (headcount)", [](Y f, std::size_t) { return f.caseloads.officers; });
    count("iros_permanent", "workforce: permanent",
          [](Y f, std::size_t) { return f.caseloads.officers - f.caseloads.agency; });
    count("iros_agency", "workforce: agency", [](Y f, std::size_t) { return f.caseloads.agency; });
    count("iros_absent", "workforce: absent on 31 March",
          [](Y f, std::size_t) { return f.caseloads.officers - f.caseloads.present; });
    count("team_children", "team: children allocated", [](Y f, std::size_t) { return f.caseloads.children; });
    words("fte", "team: FTE", [](const TeamLoad& t) { return fixed(t.fte, 2); });
    words("per_fte", "team: children per FTE", [](const TeamLoad& t) { return fixed(t.per_fte, 2); });
    words("per_present_fte", "team: per FTE in practice (net of absences)",
          [](const TeamLoad& t) { return fixed(t.per_present_fte, 2); });
    words("band", "team: band", [](const TeamLoad& t) { return std::string(band_name(t.band)); });
    count("iros_above", "IROs above the band", [](Y f, std::size_t) { return f.caseloads.above; });
    count("iros_within", "IROs within the band", [](Y f, std::size_t) { return f.caseloads.within; });
    count("iros_below", "IROs below the band", [](Y f, std::size_t) { return f.caseloads.below; });
  }
  if (r.supplied.disputes) {
    count("disputes_raised", "disputes raised", [](Y f, std::size_t) { return f.disputes.raised; });
    count("disputes_resolved", "disputes resolved", [](Y f, std::size_t) { return f.disputes.resolved; });
    count("disputes_withdrawn", "disputes withdrawn", [](Y f, std::size_t) { return f.disputes.withdrawn; });
    count("disputes_cafcass", "disputes referred to Cafcass", [](Y f, std::size_t) { return f.disputes.cafcass; });
    count("disputes_children", "disputes: children concerned", [](Y f, std::size_t) { return f.disputes.children; });
    count("disputes_issues", "disputes: issues (categories named)", [](Y f, std::size_t) { return f.disputes.issues; });
    count("disputes_formal", "disputes entering the formal process",
          [](Y f, std::size_t) { return f.disputes.formal; });
    count("disputes_formal_children", "children with a formal challenge",
          [](Y f, std::size_t) { return f.disputes.formal_children; });
    for (const std::string& stage : r.ladder) {
      count("resolved_at." + stage, "resolved at " + stage, [&](Y f, std::size_t) {
        const auto it = f.disputes.resolved_at.find(stage);
        return it == f.disputes.resolved_at.end() ? std::size_t{0} : it->second;
      });
    }
  }
  return out;
}

std::string year_value(const YearLine& l, const std::string& v) { return l.percent ? v + "%" : v; }

// ---- Tables declared once (the rows and columns of each), laid out alike in every format ----
struct Grid {
  std::string id;                              // the cells' table and the JSON key
  std::string title;                           // the heading
  std::vector<std::string> headers;            // headers[0] heads the row labels; then one per value column
  std::vector<std::string> keys;               // the cells' measure (and JSON key) of each value column
  std::vector<std::vector<std::string>> rows;  // each: the label, then one value per column
  std::string note;                            // a sentence after the table ("" for none)
  std::string absent;                          // not empty: the input was not supplied, and this replaces the table
  int level = 2;                               // its heading's level in Markdown and HTML (3 under a section)
};

std::string month_label(const Report& r, std::size_t m) {
  return r.months.size() == 12 ? r.months[m].label : std::to_string(m + 1);
}

Grid targets_grid(const Report& r) {
  Grid g{"targets",
         "Local targets (the policy's, each against the year's figure)",
         {"target", "target", "actual", "result", "source"},
         {"target", "actual", "result", "source"},
         {},
         {},
         {}};
  for (const TargetCheck& t : r.targets) {
    const bool band = t.low.has_value();
    g.rows.push_back({t.measure + (band ? " (per FTE)" : " (%)"),
                      band ? fixed(*t.low, 0) + "-" + fixed(t.target, 0) : fixed(t.target, 0),
                      t.actual ? fixed(*t.actual, band ? 2 : 1) : "not supplied",
                      !t.actual ? "not supplied"
                      : t.met   ? "met"
                                : "not met",
                      t.source});
  }
  if (g.rows.empty()) g.note = "The policy sets no local targets.";
  return g;
}

Grid held_by_month_grid(const Report& r) {
  Grid g{"held_by_month",
         "Reviews held (chaired) by month of the meeting",
         {"month", "reviews held"},
         {"held"},
         {},
         {},
         {}};
  std::size_t total = 0, peak = 0, peak_month = 0;
  for (std::size_t m = 0; m < 12; ++m) {
    const std::size_t n = r.held_by_month[m];
    g.rows.push_back({month_label(r, m), std::to_string(n)});
    total += n;
    if (n > peak) {
      peak = n;
      peak_month = m;
    }
  }
  g.rows.push_back({"Year", std::to_string(total)});
  g.note = "On average " + fixed(static_cast<double>(total) / 12.0, 1) + " reviews a month, with a peak of " +
           std::to_string(peak) + " in " + month_label(r, peak_month) + ".";
  return g;
}

Grid participation_codes_grid(const Report& r) {
  Grid g{"participation_codes",
         "Participation in reviews held, by code (DfE wording)",
         {"code", "meaning", "reviews", "% of reviews held"},
         {"meaning", "reviews", "percent"},
         {},
         {},
         {}};
  std::size_t held = 0;
  for (std::size_t c = 0; c < 9; ++c) held += r.participation[c];
  for (std::size_t c = 0; c < 9; ++c) {
    const auto code = static_cast<Participation>(c < 8 ? static_cast<int>(c) : -1);
    g.rows.push_back({pn_keys[c], c < 8 ? participation_wording(code) : "No code recorded",
                      std::to_string(r.participation[c]), fixed(YearFigures::ratio(r.participation[c], held), 1)});
  }
  return g;
}

Grid participation_age_grid(const Report& r) {
  Grid g{"participation_by_age",
         "Participation by age at the review",
         {"age", "reviews held", "PN0", "took part (PN1-PN6)", "4 and over (PN1-PN7)", "rate (%)"},
         {"held", "PN0", "took_part", "four_and_over", "percent"},
         {},
         {},
         {}};
  for (std::size_t b = 0; b < 6; ++b) {
    const auto& n = r.participation_by_age[b];
    std::size_t held = 0, took = 0;
    for (std::size_t c = 0; c < 9; ++c) held += n[c];
    for (std::size_t c = 1; c <= 6; ++c) took += n[c];
    const std::size_t four = took + n[7];
    if (b == 5 && held == 0) continue;  // every child had a date of birth
    g.rows.push_back({b < 5 ? age_band_words(static_cast<AgeBand>(b)) : "date of birth not known", std::to_string(held),
                      std::to_string(n[0]), std::to_string(took), std::to_string(four),
                      four == 0 ? "" : fixed(YearFigures::ratio(took, four), 1)});
  }
  return g;
}

Grid caseload_months_grid(const Report& r) {
  Grid g{"caseload_months", "Caseloads at each month end (children per FTE)", {"IRO"}, {}, {}, {}, {}};
  if (!r.supplied.roster || r.month_end_caseloads.size() != 12) {
    g.absent = not_supplied_text("caseloads");
    return g;
  }
  for (std::size_t m = 0; m < 12; ++m) {
    g.headers.push_back(month_label(r, m));
    g.keys.push_back(r.month_end_caseloads[m].team.date.iso().substr(0, 7));
  }
  for (const char* k : {"average", "lowest", "highest"}) {
    g.headers.emplace_back(k);
    g.keys.emplace_back(k);
  }
  // Each IRO: the load at each month end in post (blank when not), and its mean, lowest and highest.
  std::vector<std::array<std::optional<double>, 12>> loads(r.officer_ids.size());
  std::vector<bool> seen(r.officer_ids.size(), false);
  std::vector<std::size_t> order;
  for (std::size_t m = 0; m < 12; ++m) {
    for (const OfficerLoad& l : r.month_end_caseloads[m].officers) {
      loads[l.officer][m] = l.per_fte;
      if (!seen[l.officer]) order.push_back(l.officer);
      seen[l.officer] = true;
    }
  }
  std::sort(order.begin(), order.end());
  const auto line = [&](const std::string& label, const std::array<std::optional<double>, 12>& v, int places = 2) {
    std::vector<std::string> row{label};
    double sum = 0, lo = 0, hi = 0;
    std::size_t n = 0;
    for (const auto& x : v) {
      row.push_back(x ? fixed(*x, places) : "");
      if (!x) continue;
      lo = n == 0 ? *x : std::min(lo, *x);
      hi = n == 0 ? *x : std::max(hi, *x);
      sum += *x;
      ++n;
    }
    row.push_back(n ? fixed(sum / static_cast<double>(n), 2) : "");
    row.push_back(n ? fixed(lo, places) : "");
    row.push_back(n ? fixed(hi, places) : "");
    g.rows.push_back(std::move(row));
  };
  for (std::size_t o : order) line(r.officer_ids[o], loads[o]);
  std::array<std::optional<double>, 12> team{}, practice{}, children{}, absent{};
  double lowest = 0, highest = 0;
  bool any = false;
  for (std::size_t m = 0; m < 12; ++m) {
    const TeamLoad& t = r.month_end_caseloads[m].team;
    if (t.officers == 0) continue;
    team[m] = t.per_fte;
    practice[m] = t.per_present_fte;
    children[m] = static_cast<double>(t.children);
    absent[m] = static_cast<double>(t.officers - t.present);
    lowest = any ? std::min(lowest, t.min_per_fte) : t.min_per_fte;
    highest = any ? std::max(highest, t.max_per_fte) : t.max_per_fte;
    any = true;
  }
  line("team", team);
  line("team in practice (net of absences)", practice);
  line("children allocated", children, 0);
  line("IROs absent", absent, 0);
  if (any) {
    double sum = 0;
    std::size_t n = 0;
    for (const auto& x : team) {
      if (!x) continue;
      sum += *x;
      ++n;
    }
    g.note = "The team's load averaged " + fixed(sum / static_cast<double>(n), 2) +
             " children per FTE over the month ends, ranging across IROs from " + fixed(lowest, 2) + " to " +
             fixed(highest, 2) + " (band " + std::to_string(r.band_low) + "-" + std::to_string(r.band_high) +
             "); in practice, with absent IROs' children carried by those present, up to " +
             fixed(**std::max_element(practice.begin(), practice.end()), 2) + ".";
  }
  return g;
}

Grid iro_changes_grid(const Report& r) {
  Grid g{"iro_changes",
         "Changes of IRO for children in the year",
         {"", "children allocated", "kept one IRO", "changed IRO", "changes"},
         {"children", "kept_one_iro", "changed", "changes"},
         {},
         {},
         {}};
  if (!r.supplied.roster) {
    g.absent = not_supplied_text("caseloads");
    return g;
  }
  const Continuity& c = r.iro_changes;
  g.rows.push_back({"year", std::to_string(c.children), std::to_string(c.kept_one_iro),
                    std::to_string(c.children - c.kept_one_iro), std::to_string(c.changes)});
  g.note = fixed(c.kept_percent(), 1) + "% of the children allocated in the year kept one IRO.";
  return g;
}

Grid pre_meeting_grid(const Report& r) {
  const PreMeetingFigures& x = r.pre_meeting;
  Grid g{"pre_meeting",
         "Social workers' reports before the review (due " + std::to_string(x.working_days_before) +
             " working days before the meeting)",
         {"", "reviews held", "report received", "on time", "late", "no date recorded", "% on time of held"},
         {"held", "received", "on_time", "late", "not_recorded", "percent_on_time"},
         {},
         {},
         {}};
  if (!r.supplied.pre_meeting_reports) {
    g.absent = not_supplied_text("pre_meeting");
    return g;
  }
  g.rows.push_back({"year", std::to_string(x.held), std::to_string(x.received), std::to_string(x.on_time),
                    std::to_string(x.late), std::to_string(x.not_recorded), fixed(x.percent(), 1)});
  return g;
}

Grid cancellations_grid(const Report& r) {
  Grid g{"cancellations", "Reviews cancelled, by reason", {"reason", "reviews"}, {"reviews"}, {}, {}, {}};
  if (!r.supplied.cancellations) {
    g.absent = not_supplied_text("cancellations");
    return g;
  }
  CodeCounts by_reason;
  for (const CancelledReview& c : r.cancelled) ++by_reason[c.reason.empty() ? "(none given)" : c.reason];
  for (const auto& [reason, n] : by_reason) g.rows.push_back({reason, std::to_string(n)});
  g.rows.push_back({"all", std::to_string(r.cancelled.size())});
  return g;
}

Grid exceptions_grid(const Report& r) {
  Grid g{"exceptions",
         "Reviews out of timescale for agreed and understood reasons",
         {"", "due", "in time", "late, agreed", "late or missed, not agreed", "% in time", "% in time or agreed"},
         {"due", "in_time", "agreed", "late_without", "percent_in_time", "percent_in_time_or_agreed"},
         {},
         {},
         {}};
  if (!r.supplied.exceptions) {
    g.absent = not_supplied_text("exceptions");
    return g;
  }
  const std::size_t agreed = r.agreed_late.size(), due = r.total.due, in_time = r.total.in_time;
  g.rows.push_back({"year", std::to_string(due), std::to_string(in_time), std::to_string(agreed),
                    std::to_string(due - in_time - agreed), fixed(YearFigures::ratio(in_time, due), 1),
                    fixed(YearFigures::ratio(in_time + agreed, due), 1)});
  std::map<std::string, std::size_t> by_reason;
  for (const AgreedLateReview& a : r.agreed_late) ++by_reason[a.reason];
  for (const auto& [reason, n] : by_reason) {
    g.note += (g.note.empty() ? "Agreed reasons: " : "; ") + reason + " (" + std::to_string(n) + ")";
  }
  if (!g.note.empty()) g.note += ".";
  return g;
}

Grid notifications_grid(const Report& r) {
  const NotificationFigures& x = r.notification;
  Grid g{"notifications",
         "When the IRO service was told a child had become looked after (times in care started in the year)",
         {"", "entered care", "notified", "no date", "within 1 working day", "2-5", "6-10", "over 10",
          "median working days", "90th percentile"},
         {"entered", "notified", "not_recorded", "within_1", "2_to_5", "6_to_10", "over_10", "median_working_days",
          "p90_working_days"},
         {},
         {},
         {}};
  if (!r.supplied.notifications) {
    g.absent = not_supplied_text("notifications");
    return g;
  }
  g.rows.push_back({"year", std::to_string(x.entered), std::to_string(x.notified), std::to_string(x.not_recorded),
                    std::to_string(x.bands[0]), std::to_string(x.bands[1]), std::to_string(x.bands[2]),
                    std::to_string(x.bands[3]), fixed(x.median_working_days, 1), fixed(x.p90_working_days, 1)});
  return g;
}

const Grid& grid(const std::vector<Grid>& all, const std::string& id) {
  for (const Grid& g : all) {
    if (g.id == id) return g;
  }
  throw Error(Status::internal, "report layout: no table " + id);
}

std::vector<Grid> grids(const Report& r) {
  return {held_by_month_grid(r),   participation_codes_grid(r), participation_age_grid(r), targets_grid(r),
          pre_meeting_grid(r),     cancellations_grid(r),       exceptions_grid(r),        notifications_grid(r),
          caseload_months_grid(r), iro_changes_grid(r)};
}

// A value as JSON: a number when all of it reads as one, null when empty, otherwise the words.
nlohmann::json json_value(const std::string& v) {
  if (v.empty()) return nullptr;
  char* end = nullptr;
  const double number = std::strtod(v.c_str(), &end);
  if (end != v.c_str() + v.size()) return v;
  const bool whole = v.size() <= 18 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  return whole ? nlohmann::json(std::stoll(v)) : nlohmann::json(number);
}

std::string grid_text(const Grid& g) {
  std::string s = "\n" + g.title + "\n";
  if (!g.absent.empty()) return s + "  " + g.absent + "\n";
  // Columns of numbers are aligned right, columns of words left.
  std::vector<std::size_t> width(g.headers.size(), 0);
  std::vector<bool> numbers(g.headers.size(), true);
  numbers[0] = false;
  for (std::size_t c = 0; c < g.headers.size(); ++c) width[c] = g.headers[c].size();
  for (const auto& row : g.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], row[c].size());
      if (!row[c].empty() && json_value(row[c]).is_string()) numbers[c] = false;
    }
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string pad(width[c] - std::min(width[c], cells[c].size()), ' ');
      l += "  " + (numbers[c] ? pad + cells[c] : cells[c] + pad);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    return l + "\n";
  };
  s += line(g.headers);
  for (const auto& row : g.rows) s += line(row);
  if (!g.note.empty()) s += "  " + g.note + "\n";
  return s;
}

std::string grid_markdown(const Grid& g) {
  std::string s = "\n" + std::string(static_cast<std::size_t>(g.level), '#') + " " + g.title + "\n\n";
  if (!g.absent.empty()) return s + g.absent + ".\n";
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string l = "|";
    for (const std::string& c : cells) l += " " + c + " |";
    return l + "\n";
  };
  s += line(g.headers) + "|" + [&] {
    std::string d;
    for (std::size_t c = 0; c < g.headers.size(); ++c) d += "---|";
    return d;
  }() + "\n";
  for (const auto& row : g.rows) s += line(row);
  if (!g.note.empty()) s += "\n" + g.note + "\n";
  return s;
}

std::string grid_html(const Grid& g) {
  const std::string h = "h" + std::to_string(g.level);
  std::string s = "<" + h + ">" + escape(g.title) + "</" + h + ">\n";
  if (!g.absent.empty()) return s + "<p class=\"absent\">" + escape(g.absent) + ".</p>\n";
  s += "<table class=\"" + g.id + "\"><tr>";
  for (const std::string& h : g.headers) s += "<th>" + escape(h) + "</th>";
  s += "</tr>\n";
  for (const auto& row : g.rows) {
    s += "<tr>";
    for (const std::string& c : row) s += "<td>" + escape(c) + "</td>";
    s += "</tr>\n";
  }
  s += "</table>\n";
  if (!g.note.empty()) s += "<p>" + escape(g.note) + "</p>\n";
  return s;
}

// A profile table (Report::profile) as a Grid, laid out by the same text, Markdown and HTML code as the others.
Grid profile_grid(const ProfileTable& t) {
  Grid g{"profile_" + t.name, t.title, {""}, t.columns, {}, {}, t.supplied ? std::string() : t.absent};
  g.headers.insert(g.headers.end(), t.column_labels.begin(), t.column_labels.end());
  g.level = 3;
  for (const ProfileLine& l : t.lines) {
    std::vector<std::string> row{l.label};
    for (std::size_t n : l.counts) row.push_back(std::to_string(n));
    g.rows.push_back(std::move(row));
  }
  return g;
}

std::string profile_text(const Report& r) {
  std::string s = "\nWho the children are\n";
  for (const ProfileTable& t : r.profile) s += grid_text(profile_grid(t));
  return s;
}

std::string profile_markdown(const Report& r) {
  std::string s = "\n## Who the children are\n";
  for (const ProfileTable& t : r.profile) s += grid_markdown(profile_grid(t));
  return s;
}

std::string profile_html(const Report& r) {
  std::string s = "<h2>Who the children are</h2>\n";
  for (const ProfileTable& t : r.profile) s += grid_html(profile_grid(t));
  return s;
}

// A table as JSON: its rows, each {"row": label, key: value...} (null when its input was not supplied); the
// title and the sentence after it are words for the other layouts.
nlohmann::json grid_json(const Grid& g) {
  if (!g.absent.empty()) return nullptr;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : g.rows) {
    nlohmann::json o = {{"row", row[0]}};
    for (std::size_t c = 1; c < row.size(); ++c) o[g.keys[c - 1]] = json_value(row[c]);
    rows.push_back(std::move(o));
  }
  return rows;
}

}  // namespace

std::string report_text(const Report& r) {
  std::ostringstream s;
  s << "IRO annual report " << year_label(r.year) << (r.council.empty() ? "" : " - " + r.council) << " (" << r.from
    << " to " << r.to << ")\n\n";
  s << "Reviews due, held and held in timescale\n";
  const auto row = [&](const TimelinessRow& t) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "  %-10s %6zu %6zu %8zu %8s\n", t.label.c_str(), t.due, t.held, t.in_time,
                  pct(t.percent()).c_str());
    s << buf;
  };
  s << "  month         due   held  in time        %\n";
  for (const auto& m : r.months) row(m);
  for (const auto& q : r.quarters) row(q);
  row(r.total);
  const std::vector<Grid> tables = grids(r);
  s << grid_text(grid(tables, "held_by_month"));
  s << "\nHeld in timescale by review number\n  year        first     second    subsequent\n";
  for (const ByNumberRow& b : r.by_number) {
    s << "  " << b.year;
    for (int k = 0; k < 3; ++k) {
      const double p = b.due[static_cast<std::size_t>(k)] == 0
                           ? 0.0
                           : 100.0 * static_cast<double>(b.in_time[static_cast<std::size_t>(k)]) /
                                 static_cast<double>(b.due[static_cast<std::size_t>(k)]);
      char buf[48];
      std::snprintf(buf, sizeof buf, k < 2 ? "  %5s of %-4zu" : "  %5s of %zu", pct(p).c_str(),
                    b.due[static_cast<std::size_t>(k)]);
      s << buf;
    }
    s << "\n";
  }
  if (three_years(r)) {
    s << "\nThree years, each as of its own 31 March (overall: weighted, sum of parts / sum of wholes)\n";
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-52s %10s %10s %10s %8s\n", "", r.years[0].year.c_str(), r.years[1].year.c_str(),
                  r.years[2].year.c_str(), "overall");
    s << buf;
    for (const YearLine& l : year_lines(r)) {
      std::snprintf(buf, sizeof buf, "  %-52s %10s %10s %10s %8s\n", l.label.c_str(), year_value(l, l.v[0]).c_str(),
                    year_value(l, l.v[1]).c_str(), year_value(l, l.v[2]).c_str(),
                    l.overall.empty() ? "" : year_value(l, l.overall).c_str());
      s << buf;
    }
  }
  s << "\nParticipation in reviews held (PN0: under 4)\n";
  for (int code = 0; code <= 7; ++code)
    s << "  PN" << code << "  " << r.participation[static_cast<std::size_t>(code)] << "\n";
  s << "  none " << r.participation[8] << "\n";
  s << "  rate (PN1-PN6 of PN1-PN7): " << pct(r.participation_rate) << "\n";
  s << grid_text(grid(tables, "participation_codes")) << grid_text(grid(tables, "participation_by_age"));
  s << "\nReview records: " << records_sentence(r) << "\n";
  s << "Midway reviews: " << midway_sentence(r) << "\n";
  for (const char* id : {"targets", "pre_meeting", "cancellations", "exceptions", "notifications"})
    s << grid_text(grid(tables, id));
  s << "\nLooked after: " << population_sentence(r) << "\n";
  s << profile_text(r);
  s << "\nCaseloads on " << r.to << " (band " << r.band_low << "-" << r.band_high << " per FTE)\n";
  if (!r.supplied.roster) s << "  " << not_supplied_text("caseloads") << "\n";
  for (const OfficerLoad& l : r.caseloads.officers) {
    s << "  " << r.officer_ids[l.officer] << "  " << l.children << " children, " << fixed(l.per_fte, 2) << " per FTE, "
      << band_name(l.band) << "\n";
  }
  if (r.supplied.roster) {
    s << "  team: " << fixed(r.caseloads.team.per_fte, 2) << " per FTE (" << band_name(r.caseloads.team.band)
      << "), range " << fixed(r.caseloads.team.min_per_fte, 2) << "-" << fixed(r.caseloads.team.max_per_fte, 2) << "\n";
  }
  s << grid_text(grid(tables, "caseload_months")) << grid_text(grid(tables, "iro_changes"));
  const DisputeFigures& d = r.disputes;
  if (!r.supplied.disputes) {
    s << "\nDisputes: " << not_supplied_text("disputes") << "\n";
    if (r.children_refused > 0)
      s << "\n" << r.children_refused << " children could not be evaluated (see the import report)\n";
    return s.str();
  }
  s << "\nDisputes: " << d.raised << " raised (" << d.informal_raised << " informal, " << d.became_formal
    << " became formal), " << d.resolved << " resolved, " << d.withdrawn << " withdrawn, " << d.cafcass
    << " to Cafcass; median " << fixed(d.median_working_days, 1) << " working days (90th percentile "
    << fixed(d.p90_working_days, 1) << "); " << d.open << " open on " << r.to << ", " << d.overdue
    << " of them overdue\n";
  for (const std::string& stage : r.ladder) {
    const auto it = d.resolved_at.find(stage);
    s << "  resolved at " << stage << ": " << (it == d.resolved_at.end() ? 0 : it->second) << "\n";
  }
  s << "  " << dispute_people_sentence(d) << "\n";
  for (const CategoryLine& c : category_lines(r)) {
    s << "  category " << c.code << (c.name.empty() ? "" : " " + c.name) << ": " << c.raised << " raised, "
      << c.resolved << " resolved\n";
  }
  if (r.children_refused > 0)
    s << "\n" << r.children_refused << " children could not be evaluated (see the import report)\n";
  return s.str();
}

std::vector<ReportCell> report_cells(const Report& r) {
  std::vector<ReportCell> out;
  const auto add = [&](const char* table, const std::string& row, const char* measure, const std::string& value) {
    // A value is a number when all of it reads as one ("48.00", "71"); otherwise words ("within", "no").
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    const bool numeric = !value.empty() && end == value.c_str() + value.size();
    out.push_back({table, row, measure, value, numeric ? std::optional<double>(number) : std::nullopt});
  };
  const auto n = [](std::size_t v) { return std::to_string(v); };
  const auto timeliness = [&](const TimelinessRow& t) {
    add("timeliness", t.label, "due", n(t.due));
    add("timeliness", t.label, "held", n(t.held));
    add("timeliness", t.label, "in_time", n(t.in_time));
    add("timeliness", t.label, "percent_in_time", fixed(t.percent(), 1));
  };
  for (const auto& m : r.months) timeliness(m);
  for (const auto& q : r.quarters) timeliness(q);
  timeliness(r.total);
  for (const ByNumberRow& b : r.by_number) {
    for (std::size_t k = 0; k < 3; ++k) {
      add("by_number", b.year + " " + number_labels[k], "due", n(b.due[k]));
      add("by_number", b.year + " " + number_labels[k], "in_time", n(b.in_time[k]));
      add("by_number", b.year + " " + number_labels[k], "percent_in_time",
          fixed(b.due[k] == 0 ? 0.0 : 100.0 * static_cast<double>(b.in_time[k]) / static_cast<double>(b.due[k]), 1));
    }
  }
  for (const YearLine& l : year_lines(r)) {
    for (std::size_t y = 0; y < 3; ++y) add("years", r.years[y].year, l.key.c_str(), l.v[y]);
    if (!l.overall.empty()) add("years", "overall", l.key.c_str(), l.overall);
  }
  for (std::size_t c = 0; c < 9; ++c) add("participation", pn_keys[c], "reviews", n(r.participation[c]));
  add("participation", "PN1-PN6 of PN1-PN7", "percent", fixed(r.participation_rate, 1));
  // A table whose input was not supplied has one row saying so, and none of its figures.
  const auto absent = [&](const char* table) { add(table, "year", "supplied", "no"); };
  const RecordsFigures& x = r.records;
  if (!r.supplied.review_records) {
    absent("records");
  } else {
    add("records", "year", "target_working_days", std::to_string(x.target_working_days));
    add("records", "year", "held", n(x.held));
    add("records", "year", "recorded", n(x.recorded));
    add("records", "year", "within_target", n(x.within_target));
    add("records", "year", "late", n(x.late));
    add("records", "year", "not_recorded", n(x.not_recorded));
    add("records", "year", "percent_within_target", fixed(x.percent(), 1));
  }
  const MidwayFigures& m = r.midway;
  if (!r.supplied.midway_reviews) {
    absent("midway");
  } else {
    add("midway", "year", "held", n(m.held));
    add("midway", "year", "children", n(m.children));
    add("midway", "year", "intervals", n(m.intervals));
    add("midway", "year", "covered", n(m.covered));
    add("midway", "year", "percent_covered", fixed(m.percent(), 1));
    if (m.target_percent) add("midway", "year", "target_percent", std::to_string(*m.target_percent));
  }
  add("population", "year", "start", n(r.looked_after_start));
  add("population", "year", "end", n(r.looked_after_end));
  add("population", "year", "entered", n(r.entered));
  add("population", "year", "left", n(r.left));
  add("population", "year", "overdue_at_end", n(r.overdue_at_end));
  for (const Grid& g : grids(r)) {
    if (!g.absent.empty()) {
      add(g.id.c_str(), "year", "supplied", "no");
      continue;
    }
    for (const auto& row : g.rows) {
      for (std::size_t c = 1; c < row.size(); ++c) add(g.id.c_str(), row[0], g.keys[c - 1].c_str(), row[c]);
    }
  }
  for (const ProfileTable& t : r.profile) {
    const std::string table = "profile_" + t.name;
    if (!t.supplied) {
      add(table.c_str(), "year", "supplied", "no");
      continue;
    }
    for (const ProfileLine& l : t.lines) {
      for (std::size_t k = 0; k < t.columns.size(); ++k)
        add(table.c_str(), profile_row(l), t.columns[k].empty() ? "children" : t.columns[k].c_str(), n(l.counts[k]));
    }
  }
  if (!r.supplied.roster) {
    absent("caseloads");
  } else {
    for (const OfficerLoad& l : r.caseloads.officers) {
      const std::string& iro = r.officer_ids[l.officer];
      add("caseloads", iro, "children", n(l.children));
      add("caseloads", iro, "weighted", fixed(l.weighted, 2));
      add("caseloads", iro, "per_fte", fixed(l.per_fte, 2));
      add("caseloads", iro, "weighted_per_fte", fixed(l.weighted_per_fte, 2));
      add("caseloads", iro, "band", band_name(l.band));
      add("caseloads", iro, "absent", l.absent ? "yes" : "no");
    }
    const TeamLoad& t = r.caseloads.team;
    add("caseloads", "team", "iros", n(t.officers));
    add("caseloads", "team", "children", n(t.children));
    add("caseloads", "team", "fte", fixed(t.fte, 2));
    add("caseloads", "team", "per_fte", fixed(t.per_fte, 2));
    add("caseloads", "team", "min_per_fte", fixed(t.min_per_fte, 2));
    add("caseloads", "team", "max_per_fte", fixed(t.max_per_fte, 2));
    add("caseloads", "team", "band", band_name(t.band));
    add("caseloads", "team", "below", n(t.below));
    add("caseloads", "team", "within", n(t.within));
    add("caseloads", "team", "above", n(t.above));
  }
  if (!r.supplied.disputes) {
    absent("disputes");
    return out;
  }
  const DisputeFigures& d = r.disputes;
  const std::size_t counts[] = {d.raised,    d.informal_raised, d.became_formal, d.resolved,
                                d.withdrawn, d.cafcass,         d.open,          d.overdue};
  for (std::size_t i = 0; i < 8; ++i) add("disputes", "year", dispute_keys[i], n(counts[i]));
  add("disputes", "year", "median_working_days", fixed(d.median_working_days, 1));
  add("disputes", "year", "p90_working_days", fixed(d.p90_working_days, 1));
  add("disputes", "year", "children", n(d.children));
  add("disputes", "year", "issues", n(d.issues));
  add("disputes", "year", "formal", n(d.formal));
  add("disputes", "year", "formal_children", n(d.formal_children));
  for (const CategoryLine& c : category_lines(r)) {
    if (!c.name.empty()) add("disputes_by_category", c.code, "name", c.name);
    add("disputes_by_category", c.code, "raised", n(c.raised));
    add("disputes_by_category", c.code, "resolved", n(c.resolved));
  }
  for (const std::string& stage : r.ladder) {
    const auto it = d.resolved_at.find(stage);
    add("disputes_resolved_at", stage, "resolved", n(it == d.resolved_at.end() ? 0 : it->second));
  }
  for (const auto& [k, v] : d.open_by_stage) add("disputes_open_at", k, "open", n(v));
  return out;
}

std::string report_csv(const Report& r) {
  std::string out = "table,row,measure,value\n";
  for (const ReportCell& c : report_cells(r))
    out += c.table + "," + csv_field(c.row) + "," + c.measure + "," + csv_field(c.text) + "\n";
  return out;
}

std::string report_json(const Report& r) {
  nlohmann::json j;
  j["council"] = r.council;
  j["year"] = year_label(r.year);
  const auto rows = [](const std::vector<TimelinessRow>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : v) {
      a.push_back({{"period", t.label},
                   {"due", t.due},
                   {"held", t.held},
                   {"in_time", t.in_time},
                   {"late_or_missed", t.late_or_missed}});
    }
    return a;
  };
  j["months"] = rows(r.months);
  j["quarters"] = rows(r.quarters);
  j["year_total"] = {{"due", r.total.due},
                     {"held", r.total.held},
                     {"in_time", r.total.in_time},
                     {"late_or_missed", r.total.late_or_missed}};
  j["years"] = nlohmann::json::array();
  nlohmann::json overall = nlohmann::json::object();
  const std::vector<YearLine> lines = year_lines(r);
  for (std::size_t y = 0; y < lines.size() && y < 3; ++y) {
    nlohmann::json o = {{"year", r.years[y].year}, {"from", r.years[y].from.iso()}, {"to", r.years[y].to.iso()}};
    for (const YearLine& l : lines) {
      char* end = nullptr;
      const double v = std::strtod(l.v[y].c_str(), &end);
      if (end == l.v[y].c_str() + l.v[y].size() && !l.v[y].empty()) {
        o[l.key] = l.percent || l.v[y].find('.') != std::string::npos ? nlohmann::json(v)
                                                                      : nlohmann::json(std::stoull(l.v[y]));
      } else {
        o[l.key] = l.v[y];
      }
      if (y == 0 && !l.overall.empty()) overall[l.key] = std::strtod(l.overall.c_str(), nullptr);
    }
    if (!r.supplied.review_records) o["records"] = nullptr;
    if (!r.supplied.midway_reviews) o["midway"] = nullptr;
    if (!r.supplied.roster) o["caseloads"] = nullptr;
    if (!r.supplied.disputes) o["disputes"] = nullptr;
    j["years"].push_back(std::move(o));
  }
  j["years_overall_weighted"] = overall;
  j["by_number"] = nlohmann::json::array();
  for (const auto& b : r.by_number) {
    j["by_number"].push_back({{"year", b.year}, {"due", b.due}, {"in_time", b.in_time}});
  }
  j["participation"] = nlohmann::json::object();
  for (std::size_t code = 0; code < 9; ++code) j["participation"][pn_keys[code]] = r.participation[code];
  j["participation_rate_percent"] = r.participation_rate;
  j["records"] = {{"target_working_days", r.records.target_working_days},
                  {"held", r.records.held},
                  {"recorded", r.records.recorded},
                  {"within_target", r.records.within_target},
                  {"late", r.records.late},
                  {"not_recorded", r.records.not_recorded}};
  j["midway"] = {{"held", r.midway.held},
                 {"children", r.midway.children},
                 {"intervals", r.midway.intervals},
                 {"covered", r.midway.covered},
                 {"target_percent", nullptr}};
  if (r.midway.target_percent) j["midway"]["target_percent"] = *r.midway.target_percent;
  // A table whose input was not supplied is null: never zeros that look like facts.
  j["supplied"] = {{"review_records", r.supplied.review_records},
                   {"midway_reviews", r.supplied.midway_reviews},
                   {"roster", r.supplied.roster},
                   {"disputes", r.supplied.disputes},
                   {"sex", r.supplied.sex},
                   {"ethnicity", r.supplied.ethnicity},
                   {"legal_status", r.supplied.legal_status},
                   {"uasc", r.supplied.uasc},
                   {"leaving_reasons", r.supplied.leaving_reasons},
                   {"placements", r.supplied.placements},
                   {"pre_meeting_reports", r.supplied.pre_meeting_reports},
                   {"cancellations", r.supplied.cancellations},
                   {"exceptions", r.supplied.exceptions},
                   {"notifications", r.supplied.notifications}};
  if (!r.supplied.review_records) j["records"] = nullptr;
  if (!r.supplied.midway_reviews) j["midway"] = nullptr;
  j["population"] = {{"start", r.looked_after_start},
                     {"end", r.looked_after_end},
                     {"entered", r.entered},
                     {"left", r.left},
                     {"overdue_at_end", r.overdue_at_end}};
  j["caseloads"] = nlohmann::json::array();
  for (const OfficerLoad& l : r.caseloads.officers) {
    j["caseloads"].push_back({{"iro", r.officer_ids[l.officer]},
                              {"children", l.children},
                              {"weighted", l.weighted},
                              {"per_fte", l.per_fte},
                              {"weighted_per_fte", l.weighted_per_fte},
                              {"band", band_name(l.band)},
                              {"absent", l.absent}});
  }
  const TeamLoad& t = r.caseloads.team;
  j["caseload_team"] = {{"iros", t.officers},
                        {"children", t.children},
                        {"fte", t.fte},
                        {"per_fte", t.per_fte},
                        {"min_per_fte", t.min_per_fte},
                        {"max_per_fte", t.max_per_fte},
                        {"band", band_name(t.band)},
                        {"below", t.below},
                        {"within", t.within},
                        {"above", t.above},
                        {"band_low", r.band_low},
                        {"band_high", r.band_high}};
  if (!r.supplied.roster) {
    j["caseloads"] = nullptr;
    j["caseload_team"] = nullptr;
  }
  const DisputeFigures& d = r.disputes;
  nlohmann::json categories = nlohmann::json::array();  // in natural order (an object's keys are not)
  for (const CategoryLine& c : category_lines(r)) {
    categories.push_back({{"code", c.code},
                          {"name", c.name.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.name)},
                          {"raised", c.raised},
                          {"resolved", c.resolved}});
  }
  j["disputes"] = {{"raised", d.raised},
                   {"informal_raised", d.informal_raised},
                   {"became_formal", d.became_formal},
                   {"resolved", d.resolved},
                   {"withdrawn", d.withdrawn},
                   {"cafcass", d.cafcass},
                   {"open", d.open},
                   {"overdue", d.overdue},
                   {"resolved_at", d.resolved_at},
                   {"by_category", d.by_category},
                   {"resolved_by_category", d.resolved_by_category},
                   {"children", d.children},
                   {"issues", d.issues},
                   {"formal", d.formal},
                   {"formal_children", d.formal_children},
                   {"categories", categories},
                   {"open_by_stage", d.open_by_stage},
                   {"median_working_days", d.median_working_days},
                   {"p90_working_days", d.p90_working_days}};
  if (!r.supplied.disputes) j["disputes"] = nullptr;
  j["tables"] = nlohmann::json::object();
  for (const Grid& g : grids(r)) j["tables"][g.id] = grid_json(g);
  j["profile"] = profile_json(r);
  j["children_refused"] = r.children_refused;
  return j.dump(1) + "\n";
}

std::string report_markdown(const Report& r) {
  std::ostringstream s;
  s << "# IRO annual report " << year_label(r.year) << "\n\n## Reviews due, held and held in timescale\n\n"
    << "| period | due | held | in time | % |\n|---|---|---|---|---|\n";
  const auto row = [&](const TimelinessRow& t) {
    s << "| " << t.label << " | " << t.due << " | " << t.held << " | " << t.in_time << " | " << pct(t.percent())
      << " |\n";
  };
  for (const auto& m : r.months) row(m);
  for (const auto& q : r.quarters) row(q);
  row(r.total);
  const std::vector<Grid> tables = grids(r);
  s << grid_markdown(grid(tables, "held_by_month"));
  s << "\n## Participation\n\n| code | reviews |\n|---|---|\n";
  for (int code = 0; code <= 7; ++code)
    s << "| PN" << code << " | " << r.participation[static_cast<std::size_t>(code)] << " |\n";
  s << "| none | " << r.participation[8] << " |\n";
  s << "\nRate (PN1-PN6 of PN1-PN7): " << pct(r.participation_rate) << "\n";
  s << grid_markdown(grid(tables, "participation_codes")) << grid_markdown(grid(tables, "participation_by_age"));
  s << "\n## Held in timescale by review number\n\n| year | first | second | subsequent |\n|---|---|---|---|\n";
  for (const ByNumberRow& b : r.by_number) {
    s << "| " << b.year;
    for (std::size_t k = 0; k < 3; ++k)
      s << " | " << b.in_time[k] << " of " << b.due[k] << " (" << percent_of(b.in_time[k], b.due[k]) << ")";
    s << " |\n";
  }
  if (three_years(r)) {
    s << "\n## Three years\n\nEach year as of its own 31 March. Overall: weighted across the three years (sum of parts "
         "/ "
         "sum of wholes), not a mean of the three rates.\n\n| | "
      << r.years[0].year << " | " << r.years[1].year << " | " << r.years[2].year
      << " | overall |\n|---|---|---|---|---|\n";
    for (const YearLine& l : year_lines(r)) {
      s << "| " << l.label << " | " << year_value(l, l.v[0]) << " | " << year_value(l, l.v[1]) << " | "
        << year_value(l, l.v[2]) << " | " << (l.overall.empty() ? "" : year_value(l, l.overall)) << " |\n";
    }
  }
  s << "\n## Review records and midway reviews\n\n" << records_sentence(r) << "\n\n" << midway_sentence(r) << "\n";
  for (const char* id : {"targets", "pre_meeting", "cancellations", "exceptions", "notifications"})
    s << grid_markdown(grid(tables, id));
  s << "\n## Looked after\n\n" << population_sentence(r) << "\n";
  s << profile_markdown(r);
  s << "\n## Caseloads on " << r.to << "\n\n";
  if (!r.supplied.roster) {
    s << not_supplied_text("caseloads") << ".\n";
  } else {
    s << "| IRO | children | per FTE | band |\n|---|---|---|---|\n";
    for (const OfficerLoad& l : r.caseloads.officers) {
      s << "| " << r.officer_ids[l.officer] << " | " << l.children << " | " << fixed(l.per_fte, 2) << " | "
        << band_name(l.band) << " |\n";
    }
    s << "\nTeam: " << fixed(r.caseloads.team.per_fte, 2) << " per FTE, range "
      << fixed(r.caseloads.team.min_per_fte, 2) << "-" << fixed(r.caseloads.team.max_per_fte, 2) << " (band "
      << r.band_low << "-" << r.band_high << ").\n";
  }
  s << grid_markdown(grid(tables, "caseload_months")) << grid_markdown(grid(tables, "iro_changes"));
  if (!r.supplied.disputes) {
    s << "\n## Disputes\n\n" << not_supplied_text("disputes") << ".\n";
    return s.str();
  }
  s << "\n## Disputes\n\n"
    << r.disputes.raised << " raised, " << r.disputes.resolved << " resolved, " << r.disputes.withdrawn
    << " withdrawn, " << r.disputes.cafcass << " referred to Cafcass; " << r.disputes.open << " open at the year end ("
    << r.disputes.overdue << " overdue).\n\n| stage reached | resolved |\n|---|---|\n";
  for (const std::string& stage : r.ladder) {
    const auto it = r.disputes.resolved_at.find(stage);
    s << "| " << stage << " | " << (it == r.disputes.resolved_at.end() ? 0 : it->second) << " |\n";
  }
  s << "\n"
    << dispute_people_sentence(r.disputes) << ".\n\n| category | name | raised | resolved |\n|---|---|---|---|\n";
  for (const CategoryLine& c : category_lines(r))
    s << "| " << c.code << " | " << c.name << " | " << c.raised << " | " << c.resolved << " |\n";
  return s.str();
}

std::string report_html(const Report& r) {
  std::ostringstream s;
  s << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>IRO annual report "
    << year_label(r.year)
    << "</title>\n<style>body{font-family:sans-serif;max-width:860px;margin:2em auto;color:#111}"
       "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:2px 8px;text-align:right}"
       "th:first-child,td:first-child{text-align:left}.chart{width:100%;height:auto}.bar{fill:#1d5f8a}"
       ".bar1{fill:#6f9fc0}.bar2{fill:#b9d0e0}.band{fill:#cde8c6}.axis{stroke:#333}.label,.tick{font-size:11px;fill:#"
       "333}"
       "@media print{body{margin:0}figure{break-inside:avoid}}</style></head><body>\n";
  s << "<h1>IRO annual report " << year_label(r.year) << "</h1>\n<p>" << escape(r.council) << " - " << r.from << " to "
    << r.to << "</p>\n";
  s << "<h2>Reviews held in timescale</h2>\n<table><tr><th>period</th><th>due</th><th>held</th><th>in "
       "time</th><th>%</th></tr>\n";
  std::vector<std::string> labels;
  std::vector<double> values;
  const auto row = [&](const TimelinessRow& t) {
    s << "<tr><td>" << escape(t.label) << "</td><td>" << t.due << "</td><td>" << t.held << "</td><td>" << t.in_time
      << "</td><td>" << pct(t.percent()) << "</td></tr>\n";
  };
  for (const auto& m : r.months) {
    row(m);
    labels.push_back(m.label.substr(0, 3));
    values.push_back(m.percent());
  }
  for (const auto& q : r.quarters) row(q);
  row(r.total);
  s << "</table>\n" << bar_chart("Reviews held in timescale by month (%)", labels, values, 100, "%");
  const std::vector<Grid> tables = grids(r);
  s << grid_html(grid(tables, "held_by_month"));
  labels.clear();
  values.clear();
  for (const ByNumberRow& b : r.by_number) {
    for (int k = 0; k < 3; ++k) {
      static const char* const short_labels[] = {"1st", "2nd", "3rd+"};  // full words overlap at 9 bars
      labels.push_back(b.year.substr(2) + " " + short_labels[k]);
      values.push_back(b.due[static_cast<std::size_t>(k)] == 0
                           ? 0.0
                           : 100.0 * static_cast<double>(b.in_time[static_cast<std::size_t>(k)]) /
                                 static_cast<double>(b.due[static_cast<std::size_t>(k)]));
    }
  }
  s << "<h2>In time by review "
       "number</h2>\n<table><tr><th>year</th><th>first</th><th>second</th><th>subsequent</th></tr>\n";
  for (const ByNumberRow& b : r.by_number) {
    s << "<tr><td>" << escape(b.year) << "</td>";
    for (std::size_t k = 0; k < 3; ++k)
      s << "<td>" << b.in_time[k] << " of " << b.due[k] << " (" << percent_of(b.in_time[k], b.due[k]) << ")</td>";
    s << "</tr>\n";
  }
  s << "</table>\n" << bar_chart("Held in timescale: first, second, subsequent, by year (%)", labels, values, 100, "%");
  if (three_years(r)) {
    s << "<h2>Three years</h2>\n<p>Each year as of its own 31 March. Overall: weighted across the three years (sum of "
         "parts / sum of wholes), not a mean of the three rates.</p>\n<table><tr><th></th><th>"
      << escape(r.years[0].year) << "</th><th>" << escape(r.years[1].year) << "</th><th>" << escape(r.years[2].year)
      << "</th><th>overall</th></tr>\n";
    for (const YearLine& l : year_lines(r)) {
      s << "<tr><td>" << escape(l.label) << "</td><td>" << escape(year_value(l, l.v[0])) << "</td><td>"
        << escape(year_value(l, l.v[1])) << "</td><td>" << escape(year_value(l, l.v[2])) << "</td><td>"
        << (l.overall.empty() ? "" : escape(year_value(l, l.overall))) << "</td></tr>\n";
    }
    s << "</table>\n";
    // The rates of the table, each year beside the others (the lines whose key is one of these).
    const std::pair<const char*, const char*> charted[] = {{"percent_in_time_of_due", "in time of due"},
                                                           {"percent_in_time_of_held", "in time of held"},
                                                           {"participation_rate", "participation"},
                                                           {"percent_records_within_target", "records"},
                                                           {"percent_midway_covered", "midway"}};
    std::vector<std::string> groups;
    std::vector<std::vector<double>> rates;
    for (const auto& [key, label] : charted) {
      for (const YearLine& l : year_lines(r)) {
        if (l.key != key) continue;
        groups.emplace_back(label);
        rates.push_back({std::strtod(l.v[0].c_str(), nullptr), std::strtod(l.v[1].c_str(), nullptr),
                         std::strtod(l.v[2].c_str(), nullptr)});
      }
    }
    s << grouped_bar_chart("Three years: the headline rates (%)", groups,
                           {r.years[0].year, r.years[1].year, r.years[2].year}, rates, 100, "%");
  }
  labels.clear();
  values.clear();
  double most = 1;
  for (int code = 0; code <= 7; ++code) {
    labels.push_back("PN" + std::to_string(code));
    values.push_back(static_cast<double>(r.participation[static_cast<std::size_t>(code)]));
    most = std::max(most, values.back());
  }
  s << "<h2>Participation</h2>\n<p>Rate (PN1-PN6 of PN1-PN7, children 4 and over): " << pct(r.participation_rate)
    << "</p>\n"
    << bar_chart("Reviews by participation code", labels, values, most, " reviews");
  s << grid_html(grid(tables, "participation_codes")) << grid_html(grid(tables, "participation_by_age"));
  s << "<h2>Review records and midway reviews</h2>\n<p>" << escape(records_sentence(r)) << "</p>\n<p>"
    << escape(midway_sentence(r)) << "</p>\n";
  for (const char* id : {"targets", "pre_meeting", "cancellations", "exceptions", "notifications"})
    s << grid_html(grid(tables, id));
  labels.clear();
  values.clear();
  double top = r.band_high + 10.0;
  for (const OfficerLoad& l : r.caseloads.officers) {
    labels.push_back(r.officer_ids[l.officer]);
    values.push_back(l.per_fte);
    top = std::max(top, l.per_fte);
  }
  if (!r.supplied.roster) {
    s << "<h2>Caseloads on " << r.to << "</h2>\n<p class=\"absent\">" << escape(not_supplied_text("caseloads"))
      << ".</p>\n";
  } else {
    s << "<h2>Caseloads on " << r.to << "</h2>\n<p>Team: " << fixed(r.caseloads.team.per_fte, 2)
      << " children per FTE (" << band_name(r.caseloads.team.band) << " the " << r.band_low << "-" << r.band_high
      << " band); " << r.caseloads.team.above << " IROs above it.</p>\n"
      << bar_chart("Children per FTE by IRO (band shaded)", labels, values, top, " per FTE", r.band_low, r.band_high);
  }
  s << grid_html(grid(tables, "caseload_months")) << grid_html(grid(tables, "iro_changes"));
  labels.clear();
  values.clear();
  most = 1;
  for (const std::string& stage : r.ladder) {
    const auto it = r.disputes.resolved_at.find(stage);
    labels.push_back(stage);
    values.push_back(it == r.disputes.resolved_at.end() ? 0.0 : static_cast<double>(it->second));
    most = std::max(most, values.back());
  }
  if (!r.supplied.disputes) {
    s << "<h2>Disputes</h2>\n<p class=\"absent\">" << escape(not_supplied_text("disputes")) << ".</p>\n";
    s << "<h2>Looked after</h2>\n<p>" << escape(population_sentence(r)) << "</p>\n"
      << profile_html(r) << "</body></html>\n";
    return s.str();
  }
  s << "<h2>Disputes</h2>\n<p>" << r.disputes.raised << " raised, " << r.disputes.resolved << " resolved, "
    << r.disputes.cafcass << " referred to Cafcass; median " << fixed(r.disputes.median_working_days, 1)
    << " working days to resolve.</p>\n"
    << bar_chart("Disputes resolved by the stage reached", labels, values, most, " disputes");
  s << "<p>" << escape(dispute_people_sentence(r.disputes)) << ".</p>\n";
  s << "<table><tr><th>category</th><th>name</th><th>raised</th><th>resolved</th></tr>\n";
  for (const CategoryLine& c : category_lines(r)) {
    s << "<tr><td>" << escape(c.code) << "</td><td>" << escape(c.name) << "</td><td>" << c.raised << "</td><td>"
      << c.resolved << "</td></tr>\n";
  }
  s << "</table>\n";
  s << "<h2>Looked after</h2>\n<p>" << escape(population_sentence(r)) << "</p>\n"
    << profile_html(r) << "</body></html>\n";
  return s.str();
}

std::string report_figures_csv(const Report& report) {
  std::string out = "figure,count\n";
  for (const Figure& f : report_figures(report)) out += csv_field(f.name) + "," + std::to_string(f.count) + "\n";
  return out;
}

std::string format_report(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::csv: return report_csv(report);
    case ReportFormat::json: return report_json(report);
    case ReportFormat::markdown: return report_markdown(report);
    case ReportFormat::html: return report_html(report);
    case ReportFormat::text: break;
  }
  return report_text(report);
}

}  // namespace iro
