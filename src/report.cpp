#include "iro/report.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "iro/error.hpp"
#include "iro/schedule.hpp"

namespace iro {
namespace {

const char* const month_names[] = {"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};
const char* const number_labels[] = {"first", "second", "subsequent"};

bool in(Date d, Date from, Date to) { return from <= d && d <= to; }

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

std::string year_label(int y) { return std::to_string(y) + "/" + std::to_string((y + 1) % 100 < 10 ? 0 : (y + 1) % 100 / 10) + std::to_string((y + 1) % 10); }

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
std::string bar_chart(const std::string& title, const std::vector<std::string>& labels, const std::vector<double>& values,
                      double max, const std::string& unit, double band_low = -1, double band_high = -1) {
  const int w = 640, h = 240, left = 40, bottom = 40, top = 24;
  const double plot_h = h - bottom - top;
  const double bw = (w - left - 10) / std::max<double>(1.0, static_cast<double>(values.size()));
  const double scale = max > 0 ? plot_h / max : 0;
  std::ostringstream s;
  s << "<figure><svg class=\"chart\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\"" << escape(title)
    << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>" << escape(title) << "</title>\n";
  if (band_low >= 0) {
    const double y1 = top + plot_h - std::min(max, band_high) * scale, y2 = top + plot_h - std::min(max, band_low) * scale;
    s << "<rect class=\"band\" x=\"" << left << "\" y=\"" << fixed(y1, 1) << "\" width=\"" << (w - left - 10)
      << "\" height=\"" << fixed(y2 - y1, 1) << "\"/>\n";
  }
  s << "<line class=\"axis\" x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << w - 10 << "\" y2=\"" << top + plot_h << "\"/>\n";
  s << "<text class=\"tick\" x=\"" << left - 4 << "\" y=\"" << top + 4 << "\" text-anchor=\"end\">" << fixed(max, 0) << "</text>\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double bh = values[i] * scale, x = left + static_cast<double>(i) * bw + bw * 0.15;
    s << "<rect class=\"bar\" x=\"" << fixed(x, 1) << "\" y=\"" << fixed(top + plot_h - bh, 1) << "\" width=\"" << fixed(bw * 0.7, 1)
      << "\" height=\"" << fixed(bh, 1) << "\"><title>" << escape(labels[i]) << ": " << fixed(values[i], 1) << unit
      << "</title></rect>\n";
    s << "<text class=\"label\" x=\"" << fixed(x + bw * 0.35, 1) << "\" y=\"" << h - bottom + 16 << "\" text-anchor=\"middle\">"
      << escape(labels[i]) << "</text>\n";
  }
  s << "</svg><figcaption>" << escape(title) << "</figcaption></figure>\n";
  return s.str();
}

}  // namespace

AnnualReport annual_report(const Casebook& book, const Policy& policy, const Calendar& calendar, int year) {
  if (year < 1900 || year > 2198) {
    throw Error(Status::out_of_range, "year " + std::to_string(year) + ": the reporting year must start in 1900-2198");
  }
  AnnualReport r;
  r.council = book.council;
  r.year = year;
  r.from = Date::from_ymd(year, 4, 1);
  r.to = Date::from_ymd(year + 1, 3, 31);
  r.band_low = policy.caseload_low;
  r.band_high = policy.caseload_high;
  for (const LadderStage& s : policy.ladder.stages) r.ladder.push_back(s.name);
  for (int m = 0; m < 12; ++m) {
    TimelinessRow t;
    t.label = std::string(month_names[m]) + " " + std::to_string(m < 9 ? year : year + 1);
    r.months.push_back(t);
  }
  for (int q = 0; q < 4; ++q) {
    TimelinessRow t;
    t.label = "Q" + std::to_string(q + 1);
    r.quarters.push_back(t);
  }
  r.total.label = "Year";
  const Calendar cal = policy.calendar(calendar);
  const auto count_due = [&](Date due, bool held, bool on_time, const std::string& id) {
    const int m = (due.month() + 8) % 12;  // April = 0
    for (TimelinessRow* row : {&r.months[static_cast<std::size_t>(m)], &r.quarters[static_cast<std::size_t>(m / 3)], &r.total}) {
      ++row->due;
      row->held += held;
      row->in_time += on_time;
      if (!on_time) row->late_or_missed.push_back(id);
    }
  };
  std::size_t active = 0;
  Schedule s;
  for (int y = year - 2; y <= year; ++y) {
    ByNumberRow row;
    row.year = year_label(y);
    const Date from = Date::from_ymd(y, 4, 1), to = Date::from_ymd(y + 1, 3, 31);
    for (const Child& c : book.children) {
      try {
        evaluate(c, policy, cal, to, s);
      } catch (const Error&) {
        if (y == year) ++r.children_refused;
        continue;
      }
      for (const ReviewResult& rv : s.reviews) {
        if (!in(rv.due.date, from, to)) continue;
        const std::size_t k = rv.number >= 3 ? 2 : static_cast<std::size_t>(rv.number - 1);
        ++row.due[k];
        row.in_time[k] += rv.on_time;
        if (y == year) count_due(rv.due.date, true, rv.on_time, c.id);
      }
      if (y != year) continue;
      for (const MissedReview& m : s.missed) {
        if (in(m.due.date, from, to)) count_due(m.due.date, false, false, c.id);
      }
      for (const ReviewResult& rv : s.reviews) {
        if (!in(rv.date, from, to)) continue;
        const int code = static_cast<int>(rv.participation);
        ++r.participation[static_cast<std::size_t>(code < 0 ? 8 : code)];
      }
      bool any = false;
      for (const Period& p : c.periods) {
        const auto looked_after = [&](Date d) { return p.start <= d && (!p.end || d < *p.end); };
        r.looked_after_start += looked_after(r.from);
        r.looked_after_end += looked_after(r.to);
        r.entered += in(p.start, r.from, r.to);
        r.left += p.end && in(*p.end, r.from, r.to);
        any = any || (p.start <= r.to && (!p.end || *p.end >= r.from));
      }
      active += any;
    }
    r.by_number.push_back(row);
  }
  if (active == 0) {
    throw Error(Status::invalid_argument, "no child was looked after in " + year_label(year) + " (" + r.from.iso() + " to " +
                                              r.to.iso() + "): there is nothing to report");
  }
  std::size_t took_part = 0, over_four = 0;
  for (int code = 1; code <= 7; ++code) {
    over_four += r.participation[static_cast<std::size_t>(code)];
    if (code <= 6) took_part += r.participation[static_cast<std::size_t>(code)];
  }
  r.participation_rate = over_four == 0 ? 0.0 : 100.0 * static_cast<double>(took_part) / static_cast<double>(over_four);
  r.caseloads = check_caseloads(book.roster, policy, r.to);
  for (const IroRecord& i : book.roster.iros()) r.iro_ids.push_back(i.id);
  DisputeRegister reg(policy, cal);
  for (const Dispute& d : book.disputes) {
    reg.add(d.id, d.child, d.iro, d.category);
    for (const DisputeEvent& e : d.events) reg.add_event(d.id, e);
  }
  r.disputes = reg.figures(r.from, r.to);
  return r;
}

std::string report_text(const AnnualReport& r) {
  std::ostringstream s;
  s << "IRO annual report " << year_label(r.year) << (r.council.empty() ? "" : " - " + r.council) << " (" << r.from << " to "
    << r.to << ")\n\n";
  s << "Reviews due, held and held in timescale\n";
  const auto row = [&](const TimelinessRow& t) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "  %-10s %6zu %6zu %8zu %8s\n", t.label.c_str(), t.due, t.held, t.in_time, pct(t.percent()).c_str());
    s << buf;
  };
  s << "  month         due   held  in time        %\n";
  for (const auto& m : r.months) row(m);
  for (const auto& q : r.quarters) row(q);
  row(r.total);
  s << "\nHeld in timescale by review number\n  year        first     second    subsequent\n";
  for (const ByNumberRow& b : r.by_number) {
    s << "  " << b.year;
    for (int k = 0; k < 3; ++k) {
      const double p = b.due[static_cast<std::size_t>(k)] == 0 ? 0.0
                                                                : 100.0 * static_cast<double>(b.in_time[static_cast<std::size_t>(k)]) /
                                                                      static_cast<double>(b.due[static_cast<std::size_t>(k)]);
      char buf[48];
      std::snprintf(buf, sizeof buf, "  %5s of %-4zu", pct(p).c_str(), b.due[static_cast<std::size_t>(k)]);
      s << buf;
    }
    s << "\n";
  }
  s << "\nParticipation in reviews held (PN0: under 4)\n";
  for (int code = 0; code <= 7; ++code) s << "  PN" << code << "  " << r.participation[static_cast<std::size_t>(code)] << "\n";
  s << "  rate (PN1-PN6 of PN1-PN7): " << pct(r.participation_rate) << "\n";
  s << "\nLooked after: " << r.looked_after_start << " on " << r.from << ", " << r.looked_after_end << " on " << r.to << "; "
    << r.entered << " entered, " << r.left << " left\n";
  s << "\nCaseloads on " << r.to << " (band " << r.band_low << "-" << r.band_high << " per FTE)\n";
  for (const IroLoad& l : r.caseloads.iros) {
    s << "  " << r.iro_ids[l.iro] << "  " << l.children << " children, " << fixed(l.per_fte, 2) << " per FTE, " << band_name(l.band) << "\n";
  }
  s << "  team: " << fixed(r.caseloads.team.per_fte, 2) << " per FTE (" << band_name(r.caseloads.team.band) << "), range "
    << fixed(r.caseloads.team.min_per_fte, 2) << "-" << fixed(r.caseloads.team.max_per_fte, 2) << "\n";
  const DisputeFigures& d = r.disputes;
  s << "\nDisputes: " << d.raised << " raised (" << d.informal_raised << " informal, " << d.became_formal << " became formal), "
    << d.resolved << " resolved, " << d.cafcass << " to Cafcass; median " << fixed(d.median_working_days, 1) << " working days\n";
  for (const std::string& stage : r.ladder) {
    const auto it = d.resolved_at.find(stage);
    s << "  resolved at " << stage << ": " << (it == d.resolved_at.end() ? 0 : it->second) << "\n";
  }
  for (const auto& [category, n] : d.by_category) s << "  raised, category " << (category.empty() ? "(none)" : category) << ": " << n << "\n";
  if (r.children_refused > 0) s << "\n" << r.children_refused << " children could not be evaluated (see the import report)\n";
  return s.str();
}

std::string report_csv(const AnnualReport& r) {
  std::string out = "period,due,held,in_time,percent_in_time\n";
  const auto add = [&](const TimelinessRow& t) {
    out += t.label + "," + std::to_string(t.due) + "," + std::to_string(t.held) + "," + std::to_string(t.in_time) + "," +
           fixed(t.percent(), 1) + "\n";
  };
  for (const auto& m : r.months) add(m);
  for (const auto& q : r.quarters) add(q);
  add(r.total);
  return out;
}

std::string report_json(const AnnualReport& r) {
  nlohmann::json j;
  j["council"] = r.council;
  j["year"] = year_label(r.year);
  const auto rows = [](const std::vector<TimelinessRow>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : v) a.push_back({{"period", t.label}, {"due", t.due}, {"held", t.held}, {"in_time", t.in_time}});
    return a;
  };
  j["months"] = rows(r.months);
  j["quarters"] = rows(r.quarters);
  j["year_total"] = {{"due", r.total.due}, {"held", r.total.held}, {"in_time", r.total.in_time}};
  j["by_number"] = nlohmann::json::array();
  for (const auto& b : r.by_number) {
    j["by_number"].push_back({{"year", b.year}, {"due", b.due}, {"in_time", b.in_time}});
  }
  j["participation"] = nlohmann::json::object();
  for (int code = 0; code <= 7; ++code) j["participation"]["PN" + std::to_string(code)] = r.participation[static_cast<std::size_t>(code)];
  j["participation_rate_percent"] = r.participation_rate;
  j["population"] = {{"start", r.looked_after_start}, {"end", r.looked_after_end}, {"entered", r.entered}, {"left", r.left}};
  j["caseloads"] = nlohmann::json::array();
  for (const IroLoad& l : r.caseloads.iros) {
    j["caseloads"].push_back({{"iro", r.iro_ids[l.iro]}, {"children", l.children}, {"per_fte", l.per_fte}, {"band", band_name(l.band)}});
  }
  j["disputes"] = {{"raised", r.disputes.raised}, {"resolved", r.disputes.resolved}, {"resolved_at", r.disputes.resolved_at},
                   {"by_category", r.disputes.by_category}, {"cafcass", r.disputes.cafcass},
                   {"median_working_days", r.disputes.median_working_days}};
  j["children_refused"] = r.children_refused;
  return j.dump(1) + "\n";
}

std::string report_markdown(const AnnualReport& r) {
  std::ostringstream s;
  s << "# IRO annual report " << year_label(r.year) << "\n\n## Reviews due, held and held in timescale\n\n"
    << "| period | due | held | in time | % |\n|---|---|---|---|---|\n";
  const auto row = [&](const TimelinessRow& t) {
    s << "| " << t.label << " | " << t.due << " | " << t.held << " | " << t.in_time << " | " << pct(t.percent()) << " |\n";
  };
  for (const auto& m : r.months) row(m);
  for (const auto& q : r.quarters) row(q);
  row(r.total);
  s << "\n## Participation\n\n| code | reviews |\n|---|---|\n";
  for (int code = 0; code <= 7; ++code) s << "| PN" << code << " | " << r.participation[static_cast<std::size_t>(code)] << " |\n";
  s << "\nRate (PN1-PN6 of PN1-PN7): " << pct(r.participation_rate) << "\n\n## Caseloads on " << r.to << "\n\n| IRO | children | per FTE | band |\n|---|---|---|---|\n";
  for (const IroLoad& l : r.caseloads.iros) {
    s << "| " << r.iro_ids[l.iro] << " | " << l.children << " | " << fixed(l.per_fte, 2) << " | " << band_name(l.band) << " |\n";
  }
  s << "\n## Disputes\n\n" << r.disputes.raised << " raised, " << r.disputes.resolved << " resolved, " << r.disputes.cafcass
    << " referred to Cafcass.\n\n| stage reached | resolved |\n|---|---|\n";
  for (const std::string& stage : r.ladder) {
    const auto it = r.disputes.resolved_at.find(stage);
    s << "| " << stage << " | " << (it == r.disputes.resolved_at.end() ? 0 : it->second) << " |\n";
  }
  s << "\n| category | raised |\n|---|---|\n";
  for (const auto& [category, n] : r.disputes.by_category) s << "| " << (category.empty() ? "(none)" : category) << " | " << n << " |\n";
  return s.str();
}

std::string report_html(const AnnualReport& r) {
  std::ostringstream s;
  s << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>IRO annual report " << year_label(r.year)
    << "</title>\n<style>body{font-family:sans-serif;max-width:860px;margin:2em auto;color:#111}"
       "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:2px 8px;text-align:right}"
       "th:first-child,td:first-child{text-align:left}.chart{width:100%;height:auto}.bar{fill:#1d5f8a}"
       ".band{fill:#cde8c6}.axis{stroke:#333}.label,.tick{font-size:11px;fill:#333}"
       "@media print{body{margin:0}figure{break-inside:avoid}}</style></head><body>\n";
  s << "<h1>IRO annual report " << year_label(r.year) << "</h1>\n<p>" << escape(r.council) << " - " << r.from << " to " << r.to << "</p>\n";
  s << "<h2>Reviews held in timescale</h2>\n<table><tr><th>period</th><th>due</th><th>held</th><th>in time</th><th>%</th></tr>\n";
  std::vector<std::string> labels;
  std::vector<double> values;
  const auto row = [&](const TimelinessRow& t) {
    s << "<tr><td>" << escape(t.label) << "</td><td>" << t.due << "</td><td>" << t.held << "</td><td>" << t.in_time << "</td><td>"
      << pct(t.percent()) << "</td></tr>\n";
  };
  for (const auto& m : r.months) {
    row(m);
    labels.push_back(m.label.substr(0, 3));
    values.push_back(m.percent());
  }
  for (const auto& q : r.quarters) row(q);
  row(r.total);
  s << "</table>\n" << bar_chart("Reviews held in timescale by month (%)", labels, values, 100, "%");
  labels.clear();
  values.clear();
  for (const ByNumberRow& b : r.by_number) {
    for (int k = 0; k < 3; ++k) {
      labels.push_back(b.year.substr(2) + " " + number_labels[k]);
      values.push_back(b.due[static_cast<std::size_t>(k)] == 0 ? 0.0
                                                                : 100.0 * static_cast<double>(b.in_time[static_cast<std::size_t>(k)]) /
                                                                      static_cast<double>(b.due[static_cast<std::size_t>(k)]));
    }
  }
  s << "<h2>In time by review number</h2>\n" << bar_chart("Held in timescale: first, second, subsequent, by year (%)", labels, values, 100, "%");
  labels.clear();
  values.clear();
  double most = 1;
  for (int code = 0; code <= 7; ++code) {
    labels.push_back("PN" + std::to_string(code));
    values.push_back(static_cast<double>(r.participation[static_cast<std::size_t>(code)]));
    most = std::max(most, values.back());
  }
  s << "<h2>Participation</h2>\n<p>Rate (PN1-PN6 of PN1-PN7, children 4 and over): " << pct(r.participation_rate) << "</p>\n"
    << bar_chart("Reviews by participation code", labels, values, most, " reviews");
  labels.clear();
  values.clear();
  double top = r.band_high + 10.0;
  for (const IroLoad& l : r.caseloads.iros) {
    labels.push_back(r.iro_ids[l.iro]);
    values.push_back(l.per_fte);
    top = std::max(top, l.per_fte);
  }
  s << "<h2>Caseloads on " << r.to << "</h2>\n<p>Team: " << fixed(r.caseloads.team.per_fte, 2) << " children per FTE ("
    << band_name(r.caseloads.team.band) << " the " << r.band_low << "-" << r.band_high << " band); "
    << r.caseloads.team.above << " IROs above it.</p>\n"
    << bar_chart("Children per FTE by IRO (band shaded)", labels, values, top, " per FTE", r.band_low, r.band_high);
  labels.clear();
  values.clear();
  most = 1;
  for (const std::string& stage : r.ladder) {
    const auto it = r.disputes.resolved_at.find(stage);
    labels.push_back(stage);
    values.push_back(it == r.disputes.resolved_at.end() ? 0.0 : static_cast<double>(it->second));
    most = std::max(most, values.back());
  }
  s << "<h2>Disputes</h2>\n<p>" << r.disputes.raised << " raised, " << r.disputes.resolved << " resolved, " << r.disputes.cafcass
    << " referred to Cafcass; median " << fixed(r.disputes.median_working_days, 1) << " working days to resolve.</p>\n"
    << bar_chart("Disputes resolved by the stage reached", labels, values, most, " disputes");
  s << "<table><tr><th>category</th><th>raised</th></tr>\n";
  for (const auto& [category, n] : r.disputes.by_category) {
    s << "<tr><td>" << escape(category.empty() ? "(none)" : category) << "</td><td>" << n << "</td></tr>\n";
  }
  s << "</table>\n";
  s << "<h2>Looked after</h2>\n<p>" << r.looked_after_start << " on " << r.from << ", " << r.looked_after_end << " on " << r.to
    << "; " << r.entered << " entered care and " << r.left << " left in the year.</p>\n</body></html>\n";
  return s.str();
}

}  // namespace iro
