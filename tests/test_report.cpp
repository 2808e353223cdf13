// Tests of include/iro/report/report.hpp: the figures of a small hand-worked casebook (expected values worked
// out by hand from the statutory timescales, not by the library), a synthetic council's totals checked
// against a recount from its schedules, and the output formats.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "failure.hpp"
#include "seeds_register.hpp"
#include "iro/report/report.hpp"
#include "iro/report/report_figures.hpp"
#include "iro/report/report_format.hpp"
#include "iro/rules/schedule.hpp"
#include "tools/synth.hpp"

using iro::Date;
using iro::Status;
using iro::test::failure;

namespace {

Date d(const char* s) { return Date::parse(s); }

// Child A: in care from Mon 8 Jan 2024. First review due 20 working days later, 5 Feb 2024 (held
// 1 Feb, in time). Second due 3 months after the first, 1 May 2024 (held 10 May: late). Third due 6
// months after the second, 10 Nov 2024 (held 1 Nov: in time). Fourth due 1 May 2025, after the year.
// Child B: in care from Mon 3 Jun 2024 to 20 Jul 2024 (end = first day not looked after). First review
// due 20 working days after 3 Jun = 1 Jul 2024; none held, so it is missed; the child left before the next.
iro::Casebook hand_book() {
  iro::Casebook book;
  book.council = "Hand council";
  iro::Child a;
  a.id = "A";
  a.dob = d("2012-05-05");
  a.periods.push_back({d("2024-01-08"), std::nullopt, iro::Regime::standard, {}});
  a.reviews.push_back({d("2024-02-01"), false, iro::Participation::pn3, iro::ReviewReason::scheduled});
  a.reviews.push_back({d("2024-05-10"), false, iro::Participation::pn1, iro::ReviewReason::scheduled});
  a.reviews.push_back({d("2024-11-01"), false, iro::Participation::pn7, iro::ReviewReason::scheduled});
  // Records: 20 working days after 10 May 2024 is 10 Jun (27 May is a bank holiday): sent that day, in
  // time. 20 working days after Fri 1 Nov 2024 is Fri 29 Nov: sent Mon 2 Dec, late.
  a.reviews[1].record_sent = d("2024-06-10");
  a.reviews[2].record_sent = d("2024-12-02");
  // Midway reviews: none between 1 Feb and 10 May; 1 Aug between 10 May and 1 Nov; 1 Feb 2025 after.
  a.midways = {d("2024-08-01"), d("2025-02-01")};
  iro::Child b;
  b.id = "B";
  b.dob = d("2010-01-01");
  b.periods.push_back({d("2024-06-03"), d("2024-07-20"), iro::Regime::standard, {}});
  book.children = {a, b};
  book.roster.add_officer({"I1", 0.5, false, std::nullopt, std::nullopt, {}});
  book.roster.add_allocation("A", "I1", d("2024-01-08"), std::nullopt);
  book.roster.add_allocation("B", "I1", d("2024-06-03"), d("2024-07-20"));
  return book;
}

TEST(Report, HandWorkedFigures) {
  const iro::Report r =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(r.from, d("2024-04-01"));
  EXPECT_EQ(r.to, d("2025-03-31"));
  ASSERT_EQ(r.months.size(), 12u);
  EXPECT_EQ(r.months[0].label, "Apr 2024");
  EXPECT_EQ(r.months[11].label, "Mar 2025");
  // May 2024: A's second review, held late.
  EXPECT_EQ(r.months[1].due, 1u);
  EXPECT_EQ(r.months[1].held, 1u);
  EXPECT_EQ(r.months[1].in_time, 0u);
  EXPECT_EQ(r.months[1].late_or_missed, std::vector<std::string>{"A"});
  // Jul 2024: B's first review, missed.
  EXPECT_EQ(r.months[3].due, 1u);
  EXPECT_EQ(r.months[3].held, 0u);
  EXPECT_EQ(r.months[3].late_or_missed, std::vector<std::string>{"B"});
  // Nov 2024: A's third review, in time.
  EXPECT_EQ(r.months[7].due, 1u);
  EXPECT_EQ(r.months[7].in_time, 1u);
  for (std::size_t m : {0u, 2u, 4u, 5u, 6u, 8u, 9u, 10u, 11u}) EXPECT_EQ(r.months[m].due, 0u) << r.months[m].label;
  EXPECT_EQ(r.quarters[0].due, 1u);  // Apr-Jun
  EXPECT_EQ(r.quarters[1].due, 1u);  // Jul-Sep
  EXPECT_EQ(r.quarters[2].due, 1u);  // Oct-Dec
  EXPECT_EQ(r.quarters[3].due, 0u);
  EXPECT_EQ(r.total.due, 3u);
  EXPECT_EQ(r.total.held, 2u);
  EXPECT_EQ(r.total.in_time, 1u);
  EXPECT_NEAR(r.total.percent(), 100.0 / 3.0, 1e-9);
  // By number, held reviews by the year their due date fell in: 2022/23, 2023/24, 2024/25.
  ASSERT_EQ(r.by_number.size(), 3u);
  EXPECT_EQ(r.by_number[0].year, "2022/23");
  EXPECT_EQ(r.by_number[1].year, "2023/24");
  EXPECT_EQ(r.by_number[1].due, (std::array<std::size_t, 3>{1, 0, 0}));
  EXPECT_EQ(r.by_number[1].in_time, (std::array<std::size_t, 3>{1, 0, 0}));
  EXPECT_EQ(r.by_number[2].year, "2024/25");
  EXPECT_EQ(r.by_number[2].due, (std::array<std::size_t, 3>{1, 1, 1}));  // B's missed first review counts too
  EXPECT_EQ(r.by_number[2].in_time, (std::array<std::size_t, 3>{0, 0, 1}));
  // Participation of reviews held in the year: PN1 and PN7 (the PN3 review was in 2023/24).
  EXPECT_EQ(r.participation[1], 1u);
  EXPECT_EQ(r.participation[7], 1u);
  EXPECT_EQ(r.participation[3], 0u);
  EXPECT_DOUBLE_EQ(r.participation_rate, 50.0);
  EXPECT_EQ(r.looked_after_start, 1u);
  EXPECT_EQ(r.looked_after_end, 1u);
  EXPECT_EQ(r.entered, 1u);
  EXPECT_EQ(r.left, 1u);
  // On 31 March 2025 I1 (0.5 FTE) has A only: 2 per FTE.
  ASSERT_EQ(r.caseloads.officers.size(), 1u);
  EXPECT_EQ(r.caseloads.officers[0].children, 1u);
  EXPECT_DOUBLE_EQ(r.caseloads.officers[0].per_fte, 2.0);
  EXPECT_EQ(r.officer_ids, std::vector<std::string>{"I1"});
  EXPECT_EQ(r.disputes.raised, 0u);
  // Records of the two reviews held in the year: one within 20 working days, one late.
  EXPECT_EQ(r.records.target_working_days, 20);
  EXPECT_EQ(r.records.held, 2u);
  EXPECT_EQ(r.records.recorded, 2u);
  EXPECT_EQ(r.records.within_target, 1u);
  EXPECT_EQ(r.records.late, 1u);
  EXPECT_EQ(r.records.not_recorded, 0u);
  EXPECT_DOUBLE_EQ(r.records.percent(), 50.0);
  // Midway: two in the year, one child; of the two reviews with one before them, one had a midway.
  EXPECT_EQ(r.midway.held, 2u);
  EXPECT_EQ(r.midway.children, 1u);
  EXPECT_EQ(r.midway.intervals, 2u);
  EXPECT_EQ(r.midway.covered, 1u);
  EXPECT_EQ(r.overdue_at_end, 0u);  // A's next review is due 1 May 2025
}

TEST(Report, EachFigureLeadsToTheRowsBehindIt) {
  iro::Casebook book = hand_book();
  // C: looked after from Mon 2 Sep 2024 and never reviewed: first review due Mon 30 Sep, still overdue on 31 March.
  iro::Child c;
  c.id = "C";
  c.periods.push_back({d("2024-09-02"), std::nullopt, iro::Regime::standard, {}});
  book.children.push_back(c);
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const auto one = [&](const std::string& figure) {
    const auto rows = iro::report_query(r, figure);
    EXPECT_EQ(rows.size(), 1u) << figure;
    return rows.empty() ? iro::ReportTrace{} : rows[0];
  };
  const iro::ReportTrace late = one("timeliness.2024-05.late_or_missed");
  EXPECT_EQ(late.child, "A");
  EXPECT_EQ(late.date, d("2024-05-01"));
  EXPECT_EQ(late.detail, "review 2 due 2024-05-01, held 2024-05-10 (late by 9 days)");
  EXPECT_EQ(one("timeliness.2024-07.late_or_missed").detail, "review 1 due 2024-07-01, not held");  // B
  EXPECT_EQ(one("records.late").detail, "held 2024-11-01, record due 2024-11-29, sent 2024-12-02");
  EXPECT_EQ(one("midway.covered").detail, "reviews 2024-05-10 and 2024-11-01, midway between");
  EXPECT_EQ(one("participation.PN7").child, "A");
  EXPECT_EQ(one("population.left").date, d("2024-07-20"));
  const iro::ReportTrace overdue = one("overdue_at_end");
  EXPECT_EQ(overdue.child, "C");
  EXPECT_EQ(overdue.date, d("2024-09-30"));
  EXPECT_EQ(iro::report_query(r, "caseload.I1").size(), 1u);
  EXPECT_EQ(iro::report_query(r, "timeliness.year.due").size(), 4u);
  EXPECT_EQ(iro::report_query(r, "population.entered").size(), 2u);  // B and C
  // Unknown names are refused, saying how names are made.
  for (const char* bad : {"timeliness.2023-06.due", "timeliness.year", "participation.PN9", "caseload.NOBODY",
                          "disputes.category.x", ""}) {
    const auto f = failure([&] { iro::report_query(r, bad); });
    EXPECT_EQ(f.first, Status::not_found) << bad;
    EXPECT_NE(f.second.find("timeliness.PERIOD.MEASURE"), std::string::npos) << f.second;
  }
  EXPECT_EQ(iro::report_query_csv("records.late", {{"A", d("2024-11-01"), "a, \"quoted\" detail"}}),
            "figure,child,date,detail\nrecords.late,A,2024-11-01,\"a, \"\"quoted\"\" detail\"\n");
}

TEST(Report, EveryFigureOfASyntheticCouncilHasAsManyRowsAsItCounts) {
  iro::SynthOptions o;
  o.seed = 11;
  const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const auto& figures = iro::report_figures(r);
  EXPECT_GT(figures.size(), 120u);
  std::size_t nonzero = 0;
  for (const iro::Figure& f : figures) {
    EXPECT_EQ(iro::report_query(r, f.name).size(), f.count) << f.name;
    EXPECT_EQ(&iro::report_figure(r, f.name), &f) << f.name;
    nonzero += f.count > 0;
  }
  EXPECT_GT(nonzero, 100u);  // the check is not passing on empty figures
  EXPECT_GT(r.records.late, 0u);
  EXPECT_GT(r.records.not_recorded, 0u);
  EXPECT_GT(r.midway.covered, 0u);
  EXPECT_LT(r.midway.covered, r.midway.intervals);
}

TEST(Report, AYearWithNobodyIsRefused) {
  const auto f = failure(
      [] { iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2019); });
  EXPECT_EQ(f.first, Status::invalid_argument);
  EXPECT_NE(f.second.find("2019/20"), std::string::npos) << f.second;
}

TEST(Report, SyntheticTotalsMatchARecountFromSchedules) {
  iro::SynthOptions o;
  o.seed = 7;
  const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
  const iro::Policy policy = iro::Policy::england();
  const iro::Report r = iro::annual_report(book, policy, iro::Calendar::england_and_wales(), 2024);
  // Recount: every due date in the year, from each child's schedule as of 31 March 2025.
  std::size_t due = 0, held = 0, in_time = 0, pn_held = 0;
  const Date from = d("2024-04-01"), to = d("2025-03-31");
  for (const iro::Child& c : book.children) {
    const iro::Schedule s = iro::evaluate(c, policy, iro::Calendar::england_and_wales(), to);
    for (const auto& rv : s.reviews) {
      if (from <= rv.due.date && rv.due.date <= to) {
        ++due;
        ++held;
        in_time += rv.on_time;
      }
      if (from <= rv.date && rv.date <= to) ++pn_held;
    }
    for (const auto& m : s.missed) due += from <= m.due.date && m.due.date <= to;
    due += s.next && s.next->due.date == to;  // due on the year's last day and not held by it: missed
  }
  EXPECT_GT(due, 100u);
  EXPECT_EQ(r.total.due, due);
  EXPECT_EQ(r.total.held, held);
  EXPECT_EQ(r.total.in_time, in_time);
  std::size_t months = 0, quarters = 0, codes = 0;
  for (const auto& m : r.months) months += m.due;
  for (const auto& q : r.quarters) quarters += q.due;
  for (std::size_t n : r.participation) codes += n;
  EXPECT_EQ(months, due);
  EXPECT_EQ(quarters, due);
  EXPECT_EQ(codes, pn_held);
  EXPECT_EQ(r.children_refused, 0u);
  EXPECT_EQ(r.caseloads.officers.size(), 8u);
  EXPECT_GT(r.disputes.raised, 0u);
  std::size_t by_category = 0;
  const std::string md = iro::report_markdown(r), html = iro::report_html(r);
  for (const auto& [category, n] : r.disputes.by_category) {
    by_category += n;
    const auto resolved = r.disputes.resolved_by_category.find(category);
    const std::string done = std::to_string(resolved == r.disputes.resolved_by_category.end() ? 0 : resolved->second);
    // The England policy names no category: the name cell is empty.
    EXPECT_NE(md.find("| " + category + " |  | " + std::to_string(n) + " | " + done + " |"), std::string::npos)
        << category;
    EXPECT_NE(
        html.find("<tr><td>" + category + "</td><td></td><td>" + std::to_string(n) + "</td><td>" + done + "</td></tr>"),
        std::string::npos)
        << category;
  }
  // A dispute counts under each of its categories: the categories add up to the issues (category mentions),
  // which are at least the disputes raised (each names one or more; the synthetic council names every one).
  EXPECT_EQ(by_category, r.disputes.issues);
  EXPECT_GT(r.disputes.issues, r.disputes.raised);
}

TEST(Report, AYearOutsideTheDateRangeIsRefused) {
  for (int year : {1899, 2199, -5}) {
    const auto f = failure(
        [&] { iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), year); });
    EXPECT_EQ(f.first, Status::out_of_range) << year;
  }
}

TEST(Report, Formats) {
  const iro::Report r =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const std::string csv = iro::report_csv(r);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "table,row,measure,value");
  EXPECT_NE(csv.find("timeliness,May 2024,due,1\ntimeliness,May 2024,held,1\ntimeliness,May 2024,in_time,0\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("timeliness,Year,percent_in_time,33.3\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("by_number,2024/25 first,due,1\nby_number,2024/25 first,in_time,0\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("records,year,late,1\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("midway,year,covered,1\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("caseloads,I1,per_fte,2.00\n"), std::string::npos) << csv;
  // Every row has four fields (a value with a comma, such as the DfE wording of PN4, is quoted).
  std::size_t lines = 0;
  for (std::size_t at = 0; at < csv.size(); at = csv.find('\n', at) + 1, ++lines) {
    const std::string line = csv.substr(at, csv.find('\n', at) - at);
    std::size_t commas = 0;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      commas += c == ',' && !quoted;
    }
    EXPECT_EQ(commas, 3u) << line;
  }
  EXPECT_NE(csv.find("participation_codes,PN4,meaning,\"Child physically attends but does not speak for him or "
                     "herself, does not"),
            std::string::npos);
  EXPECT_GT(lines, 100u);
  EXPECT_NE(iro::report_json(r).find("\"participation_rate_percent\": 50.0"), std::string::npos);
  EXPECT_NE(iro::report_markdown(r).find("| Year | 3 | 2 | 1 | 33.3% |"), std::string::npos);
  EXPECT_NE(iro::report_text(r).find("IRO annual report 2024/25 - Hand council"), std::string::npos);
  const std::string html = iro::report_html(r);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);  // self-contained: nothing fetched
  EXPECT_EQ(html.find("href="), std::string::npos);
  std::size_t svgs = 0;
  for (std::size_t p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
  EXPECT_EQ(svgs, 5u);  // the hand council supplied no dispute events: that chart is "not supplied"
  // The Three years chart: five rates, three years each, the reporting year in the bar colour. 2024/25's in time of
  // due is 1 of 3 (33.3%); 2023/24's participation: A's PN3 review of 1 Feb 2024, 100%.
  const std::size_t three = html.find("aria-label=\"Three years: the headline rates (%)\"");
  ASSERT_NE(three, std::string::npos);
  const std::string chart = html.substr(three, html.find("</svg>", three) - three);
  EXPECT_NE(chart.find("<title>in time of due, 2024/25: 33.3%</title>"), std::string::npos) << chart;
  EXPECT_NE(chart.find("<title>participation, 2023/24: 100.0%</title>"), std::string::npos) << chart;
  std::size_t bars = 0;
  for (std::size_t p = chart.find("<title>"); p != std::string::npos; p = chart.find("<title>", p + 1)) ++bars;
  EXPECT_EQ(bars, 1u + 5u * 3u);  // the chart's own title, then a bar for each rate and year
  EXPECT_NE(html.find("not supplied: the casebook has no dispute events"), std::string::npos);
}

// Issue 15: a council that supplies only its 903 return gets "not supplied", never zeros that look like facts.
TEST(Report, TablesWhoseInputWasNotSuppliedSaySo) {
  iro::Casebook only_903 = hand_book();
  for (iro::Child& c : only_903.children) {
    c.midways.clear();
    for (iro::Review& v : c.reviews) v.record_sent.reset();
  }
  only_903.roster = iro::Roster();
  const iro::Report r = iro::annual_report(only_903, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_FALSE(r.supplied.review_records);
  EXPECT_FALSE(r.supplied.midway_reviews);
  EXPECT_FALSE(r.supplied.roster);
  EXPECT_FALSE(r.supplied.disputes);
  const std::string text = iro::report_text(r);
  for (const char* what : {"no review record dates", "no midway reviews", "no IRO roster", "no dispute events"}) {
    EXPECT_NE(text.find(std::string("not supplied: the casebook has ") + what), std::string::npos) << what << "\n"
                                                                                                   << text;
    EXPECT_NE(iro::report_markdown(r).find(std::string("not supplied: the casebook has ") + what), std::string::npos)
        << what;
    EXPECT_NE(iro::report_html(r).find(std::string("not supplied: the casebook has ") + what), std::string::npos)
        << what;
  }
  const std::string records_line = text.substr(
      text.find("Review records:"), text.find('\n', text.find("Review records:")) - text.find("Review records:"));
  EXPECT_EQ(records_line.find('%'), std::string::npos) << records_line;  // no percentage of nothing
  EXPECT_EQ(text.find("per FTE (below)"), std::string::npos) << text;
  EXPECT_EQ(text.find("0 raised"), std::string::npos) << text;
  const std::string json = iro::report_json(r);
  for (const char* key : {"\"records\": null", "\"midway\": null", "\"caseloads\": null", "\"disputes\": null"}) {
    EXPECT_NE(json.find(key), std::string::npos) << key;
  }
  const std::string csv = iro::report_csv(r);
  EXPECT_NE(csv.find("\nrecords,year,supplied,no\n"), std::string::npos);
  EXPECT_EQ(csv.find("records,year,held"), std::string::npos);
  for (const iro::Figure& f : iro::report_figures(r)) {
    EXPECT_NE(f.name.rfind("records.", 0), 0u) << f.name;
    EXPECT_NE(f.name.rfind("disputes.", 0), 0u) << f.name;
  }
  // The reviews themselves are still counted.
  EXPECT_GT(r.total.due, 0u);
  // Supplied inputs show their figures, zero or not.
  const iro::Report full =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_TRUE(full.supplied.review_records && full.supplied.midway_reviews && full.supplied.roster);
  EXPECT_NE(iro::report_text(full).find("reviews held had their record circulated"), std::string::npos);
}

TEST(Report, HtmlEscapesNames) {
  iro::Casebook book = hand_book();
  book.council = "A & B <Council>";
  const std::string html =
      iro::report_html(iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024));
  EXPECT_NE(html.find("A &amp; B &lt;Council&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<Council>"), std::string::npos);
}

}  // namespace

// Issue 14/15: the population counts times in care: abutting periods are one (a change of legal status is
// not leaving care), and a child stops being looked after on the 18th birthday.
TEST(Report, PopulationCountsTimesInCare) {
  iro::Casebook book = hand_book();
  iro::Child c;
  c.id = "C";
  c.dob = d("2006-09-01");  // 18 on 2024-09-01, inside the year
  c.periods.push_back({d("2023-01-09"), d("2024-06-03"), iro::Regime::standard, {}});
  c.periods.push_back({d("2024-06-03"), std::nullopt, iro::Regime::standard, {}});  // abuts: one time in care
  c.reviews.push_back({d("2023-02-03"), false, iro::Participation::pn1, iro::ReviewReason::scheduled});
  book.children.push_back(c);
  const iro::Report with = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const iro::Report without =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(with.looked_after_start, without.looked_after_start + 1);  // C was looked after on 31 March 2024
  EXPECT_EQ(with.entered, without.entered);                            // the join is no entry ...
  EXPECT_EQ(with.left, without.left + 1);                              // ... and C left once: at 18
  EXPECT_EQ(with.looked_after_end, without.looked_after_end);          // not looked after at 18¾
  EXPECT_EQ(with.looked_after_start + with.entered - with.left, with.looked_after_end);
}

TEST(Report, EveryParticipationCodeIsListedAndAMidwayMustFallBetweenReviews) {  // mutation survivors
  iro::Casebook book = hand_book();
  const iro::Report base = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const std::string text = iro::report_text(base);
  for (int code = 0; code <= 7; ++code) {
    EXPECT_NE(text.find("  PN" + std::to_string(code) + "  "), std::string::npos) << code;
  }
  // A "midway" on the day of the review before (or of the review itself) is not between them.
  book.children[0].midways.push_back(d("2024-05-10"));  // the day of A's second review
  const iro::Report same_day =
      iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(same_day.midway.covered, base.midway.covered);
  book.children[0].midways.push_back(d("2024-05-11"));  // the day after: between 10 May and 1 Nov
  const iro::Report between =
      iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(between.midway.covered, base.midway.covered);  // that interval was already covered by 1 Aug
}

TEST(Report, TheTextListsDisputesResolvedAtEveryStage) {  // a mutation survivor: a stage with none reads 0
  // The first seed whose council has a stage with none resolved and a stage with some (seed 1 had both until
  // the synthetic council's population changed with its profile; the test needs both, not a seed).
  bool some_zero = false, some_more = false;
  for (std::uint64_t seed = 1; seed <= 30 && !(some_zero && some_more); ++seed) {
    iro::SynthOptions o;
    o.children = 450;
    o.seed = seed;
    const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
    const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
    const std::string text = iro::report_text(r);
    some_zero = some_more = false;
    for (const std::string& stage : r.ladder) {
      const auto it = r.disputes.resolved_at.find(stage);
      const std::size_t n = it == r.disputes.resolved_at.end() ? 0 : it->second;
      (n == 0 ? some_zero : some_more) = true;
      EXPECT_NE(text.find("  resolved at " + stage + ": " + std::to_string(n) + "\n"), std::string::npos) << stage;
    }
  }
  EXPECT_TRUE(some_zero && some_more);
}

TEST(ReportFigures, EachKindIsDeclaredOnceAndDocsReportMdQuotesItsDefinition) {
  std::ifstream in(std::string(IRO_DOCS) + "/report.md");
  ASSERT_TRUE(in) << IRO_DOCS;
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  std::set<std::string> patterns;
  for (const iro::FigureKind& k : iro::report_figure_kinds()) {
    EXPECT_TRUE(patterns.insert(k.pattern).second) << k.pattern << " is declared twice";
    const std::string row = std::string("| `") + k.pattern + "` | " + k.table + " | " + k.definition + " |";
    EXPECT_NE(doc.find(row), std::string::npos) << "docs/report.md lacks the row\n" << row;
  }
  EXPECT_EQ(patterns.size(), 44u);
  // Every figure of a full report comes from one of the kinds, and every kind gives some figure.
  iro::SynthOptions o;
  o.seed = 3;
  const iro::Report r = iro::annual_report(iro::casebook_from(iro::synthesize(o), "Synthetic"), iro::Policy::england(),
                                           iro::Calendar::england_and_wales(), 2024);
  std::set<std::size_t> used;
  for (const iro::Figure& f : iro::report_figures(r)) used.insert(f.kind);
  EXPECT_EQ(used.size(), iro::report_figure_kinds().size());
}

TEST(Report, AChildThatCannotBeEvaluatedIsCountedOnceAndLeftOutOfTheFigures) {
  const iro::Report clean =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  iro::Casebook book = hand_book();
  iro::Child z;  // two periods that overlap: evaluate() refuses the child in every year
  z.id = "Z";
  z.dob = d("2011-01-01");
  z.periods.push_back({d("2022-01-10"), std::nullopt, iro::Regime::standard, {}});
  z.periods.push_back({d("2023-06-01"), std::nullopt, iro::Regime::standard, {}});
  book.children.push_back(z);
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(clean.children_refused, 0u);
  EXPECT_EQ(r.children_refused, 1u);  // once, not once per year evaluated
  EXPECT_EQ(r.total.due, clean.total.due);
  EXPECT_EQ(r.looked_after_end, clean.looked_after_end);
  EXPECT_EQ(std::count(r.children.begin(), r.children.end(), "Z"), 0);
  EXPECT_NE(iro::report_text(r).find("1 children could not be evaluated"), std::string::npos);
}

TEST(Report, TwoThreadsGiveTheReportOneThreadGives) {
  iro::SynthOptions o;
  o.children = 601;  // an odd count: the halves differ
  o.seed = 21;
  iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
  iro::Child z;  // refused, in the second half
  z.id = "Z";
  z.dob = d("2011-01-01");
  z.periods.push_back({d("2022-01-10"), std::nullopt, iro::Regime::standard, {}});
  z.periods.push_back({d("2023-06-01"), std::nullopt, iro::Regime::standard, {}});
  book.children.push_back(z);
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  const iro::Report one = iro::annual_report(book, policy, cal, 2024, iro::ReportOptions{1});
  const iro::Report two = iro::annual_report(book, policy, cal, 2024, iro::ReportOptions{2});
  EXPECT_EQ(two.children_refused, 1u);
  EXPECT_EQ(iro::report_json(two), iro::report_json(one));
  EXPECT_EQ(iro::report_csv(two), iro::report_csv(one));
  EXPECT_EQ(two.children, one.children);
  ASSERT_EQ(iro::report_figures(two).size(), iro::report_figures(one).size());
  for (std::size_t i = 0; i < iro::report_figures(one).size(); ++i) {
    const iro::Figure& a = iro::report_figures(one)[i];
    const iro::Figure& b = iro::report_figures(two)[i];
    ASSERT_EQ(b.name, a.name);
    EXPECT_EQ(b.count, a.count) << a.name;
    const auto ra = iro::report_query(one, a.name), rb = iro::report_query(two, b.name);
    ASSERT_EQ(rb.size(), ra.size()) << a.name;
    for (std::size_t k = 0; k < ra.size(); ++k) {
      EXPECT_EQ(rb[k].child, ra[k].child) << a.name;
      EXPECT_EQ(rb[k].date, ra[k].date) << a.name;
      EXPECT_EQ(rb[k].detail, ra[k].detail) << a.name;
    }
  }
}

// The three years side by side, worked by hand. The hand casebook plus D: born 1 Jun 2022 (under 4, so PN0),
// looked after from Mon 4 Sep 2023 to 1 Jun 2024. First review due 20 working days after 4 Sep 2023 = Mon
// 2 Oct 2023: held 28 Sep (in time). Second due 3 months after it, 28 Dec 2023: held 10 Jan 2024 (late). Third
// due 6 months after that, 10 Jul 2024, after D left: owed nothing. No midway review, no record date.
TEST(Report, ThreeYearsHandWorked) {
  iro::Casebook book = hand_book();
  iro::Child dd;
  dd.id = "D";
  dd.dob = d("2022-06-01");
  dd.periods.push_back({d("2023-09-04"), d("2024-06-01"), iro::Regime::standard, {}});
  dd.reviews.push_back({d("2023-09-28"), false, iro::Participation::pn0, iro::ReviewReason::scheduled});
  dd.reviews.push_back({d("2024-01-10"), false, iro::Participation::pn0, iro::ReviewReason::scheduled});
  book.children.push_back(dd);
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  ASSERT_EQ(r.years.size(), 3u);
  const iro::YearFigures &y22 = r.years[0], &y23 = r.years[1], &y24 = r.years[2];
  EXPECT_EQ(y22.year, "2022/23");
  EXPECT_EQ(y23.year, "2023/24");
  EXPECT_EQ(y24.year, "2024/25");
  EXPECT_EQ(y23.to, d("2024-03-31"));
  // 2022/23: nobody looked after; I1 (0.5 FTE) in post with no child.
  EXPECT_EQ(y22.due + y22.held + y22.looked_after_end + y22.entered + y22.caseloads.children, 0u);
  EXPECT_DOUBLE_EQ(y22.caseloads.fte, 0.5);
  // 2023/24, as of 31 Mar 2024: due A 5 Feb (held 1 Feb), D 2 Oct (held 28 Sep), D 28 Dec (held 10 Jan, late).
  EXPECT_EQ(y23.due, 3u);
  EXPECT_EQ(y23.due_held, 3u);
  EXPECT_EQ(y23.in_time, 2u);
  EXPECT_EQ(y23.held, 3u);  // 28 Sep, 10 Jan, 1 Feb
  EXPECT_EQ(y23.held_in_time, 2u);
  EXPECT_NEAR(y23.in_time_of_due(), 200.0 / 3.0, 1e-9);
  EXPECT_NEAR(y23.in_time_of_held(), 200.0 / 3.0, 1e-9);
  EXPECT_EQ(y23.participation[0], 2u);                                   // D's two
  EXPECT_EQ(y23.participation[3], 1u);                                   // A's first
  EXPECT_DOUBLE_EQ(y23.participation_rate(), 100.0);                     // PN3 of PN3
  EXPECT_NEAR(y23.participation_rate_with_under_4s(), 100.0 / 3, 1e-9);  // PN3 of PN0, PN0, PN3
  EXPECT_EQ(y23.not_recorded, 3u);
  EXPECT_EQ(y23.within_target + y23.records_late, 0u);
  EXPECT_EQ(y23.midway_intervals, 1u);  // D's second review; A's first has none before it
  EXPECT_EQ(y23.midway_covered, 0u);
  EXPECT_EQ(y23.looked_after_start, 0u);
  EXPECT_EQ(y23.looked_after_end, 2u);  // A and D
  EXPECT_EQ(y23.entered, 2u);
  EXPECT_EQ(y23.left, 0u);
  EXPECT_EQ(y23.overdue_at_end, 0u);      // A's next due 1 May 2024, D's 10 Jul 2024
  EXPECT_EQ(y23.caseloads.children, 1u);  // A with I1 on 31 Mar 2024
  EXPECT_DOUBLE_EQ(y23.caseloads.per_fte, 2.0);
  // 2024/25: as HandWorkedFigures, with D looked after at the start and leaving on 1 Jun.
  EXPECT_EQ(y24.due, 3u);
  EXPECT_EQ(y24.due_held, 2u);
  EXPECT_EQ(y24.in_time, 1u);
  EXPECT_EQ(y24.held, 2u);  // 10 May (late), 1 Nov (in time)
  EXPECT_EQ(y24.held_in_time, 1u);
  EXPECT_DOUBLE_EQ(y24.in_time_of_held(), 50.0);
  EXPECT_DOUBLE_EQ(y24.participation_rate(), 50.0);
  EXPECT_DOUBLE_EQ(y24.participation_rate_with_under_4s(), 50.0);
  EXPECT_EQ(y24.looked_after_start, 2u);
  EXPECT_EQ(y24.looked_after_end, 1u);
  EXPECT_EQ(y24.entered, 1u);
  EXPECT_EQ(y24.left, 2u);  // B and D
  // The rows behind the earlier years' figures.
  const auto rows = [&](const std::string& name) { return iro::report_query(r, name); };
  ASSERT_EQ(rows("years.2023/24.participation.PN0").size(), 2u);
  EXPECT_EQ(rows("years.2023/24.participation.PN0")[0].child, "D");
  EXPECT_EQ(rows("years.2023/24.held").size(), 3u);
  EXPECT_EQ(rows("years.2023/24.held_in_time").size(), 2u);
  const auto late = rows("years.2023/24.due");
  ASSERT_EQ(late.size(), 3u);
  EXPECT_EQ(rows("years.2023/24.in_time").size(), 2u);
  EXPECT_EQ(rows("years.2023/24.midway.intervals")[0].date, d("2024-01-10"));
  EXPECT_EQ(rows("years.2023/24.caseload.children")[0].child, "A");
  EXPECT_EQ(rows("years.2024/25.left").size(), 2u);
  EXPECT_EQ(rows("years.2022/23.due").size(), 0u);
  // The layouts: weighted overall rates across the three years.
  // In time of due (0 + 2 + 1) / (0 + 3 + 3) = 50.0; of held (2 + 1) / (3 + 2) = 60.0; participation without
  // under-4s (1 + 1) / (1 + 2) = 66.7, with them (1 + 1) / (3 + 2) = 40.0.
  const std::string csv = iro::report_csv(r);
  for (const char* line :
       {"years,2023/24,due,3\n", "years,2023/24,percent_in_time_of_held,66.7\n",
        "years,overall,percent_in_time_of_due,50.0\n", "years,overall,percent_in_time_of_held,60.0\n",
        "years,overall,participation_rate,66.7\n", "years,overall,participation_rate_with_under_4s,40.0\n",
        "years,2023/24,PN0,2\n", "years,2022/23,team_children,0\n"}) {
    EXPECT_NE(csv.find(line), std::string::npos) << line;
  }
  const std::string text = iro::report_text(r), md = iro::report_markdown(r), html = iro::report_html(r);
  EXPECT_NE(text.find("Three years"), std::string::npos);
  EXPECT_NE(md.find("| % in time of held | 0.0% | 66.7% | 50.0% | 60.0% |"), std::string::npos) << md;
  EXPECT_NE(html.find("<h2>Three years</h2>"), std::string::npos);
  EXPECT_NE(iro::report_json(r).find("\"years_overall_weighted\""), std::string::npos);
}

// The reporting year's column is the year's own tables, on a council with every input.
TEST(Report, TheReportingYearsColumnEqualsTheYearsTables) {
  iro::SynthOptions o;
  o.seed = 11;
  const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const iro::YearFigures& y = r.years[2];
  EXPECT_EQ(y.due, r.total.due);
  EXPECT_EQ(y.due_held, r.total.held);
  EXPECT_EQ(y.in_time, r.total.in_time);
  EXPECT_EQ(y.held, r.records.held);
  EXPECT_EQ(y.participation, r.participation);
  EXPECT_DOUBLE_EQ(y.participation_rate(), r.participation_rate);
  EXPECT_EQ(y.within_target, r.records.within_target);
  EXPECT_EQ(y.records_late, r.records.late);
  EXPECT_EQ(y.not_recorded, r.records.not_recorded);
  EXPECT_EQ(y.midway_intervals, r.midway.intervals);
  EXPECT_EQ(y.midway_covered, r.midway.covered);
  EXPECT_EQ(y.looked_after_start, r.looked_after_start);
  EXPECT_EQ(y.looked_after_end, r.looked_after_end);
  EXPECT_EQ(y.entered, r.entered);
  EXPECT_EQ(y.left, r.left);
  EXPECT_EQ(y.overdue_at_end, r.overdue_at_end);
  EXPECT_EQ(y.caseloads.children, r.caseloads.team.children);
  EXPECT_EQ(y.disputes.raised, r.disputes.raised);
  EXPECT_EQ(y.disputes.resolved_at, r.disputes.resolved_at);
  // Each year's end is the next year's start, and the earlier years are not empty.
  EXPECT_EQ(r.years[0].looked_after_end, r.years[1].looked_after_start);
  EXPECT_EQ(r.years[1].looked_after_end, r.years[2].looked_after_start);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_GT(r.years[k].held, 0u) << k;
    if (k > 0) {  // the synthetic disputes start in 2023
      EXPECT_GT(r.years[k].disputes.raised, 0u) << k;
    }
    EXPECT_GT(r.years[k].caseloads.children, 0u) << k;
    EXPECT_EQ(r.years[k].due, r.by_number[k].due[0] + r.by_number[k].due[1] + r.by_number[k].due[2]) << k;
  }
}

// The hand-worked casebook with a second IRO (agency, full time), an absence of I1 through June 2024, and A moved
// from I1 to I2 on 1 Sep 2024.
iro::Casebook book_with_a_changing_team() {
  iro::Casebook book = hand_book();
  book.roster = iro::Roster();
  book.roster.add_officer({"I1", 0.5, false, std::nullopt, std::nullopt, {}});
  book.roster.add_officer({"I2", 1.0, true, d("2024-01-01"), std::nullopt, {}});
  book.roster.add_allocation("A", "I1", d("2024-01-08"), d("2024-09-01"));
  book.roster.add_allocation("A", "I2", d("2024-09-01"), std::nullopt);
  book.roster.add_allocation("B", "I1", d("2024-06-03"), d("2024-07-20"));
  book.roster.add_absence("I1", d("2024-06-01"), d("2024-06-30"));
  return book;
}

TEST(Report, ReviewsHeldByTheMonthOfTheMeetingAndParticipationByAge) {
  const iro::Report r =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  // A's reviews held in the year: 10 May 2024 (PN1) and 1 Nov 2024 (PN7); born 5 May 2012, so 12 at both.
  std::array<std::size_t, 12> held{};
  held[1] = 1;  // May
  held[7] = 1;  // Nov
  EXPECT_EQ(r.held_by_month, held);
  EXPECT_EQ(iro::report_figure(r, "held.2024-05").count, 1u);
  EXPECT_EQ(iro::report_figure(r, "held.2024-06").count, 0u);
  const auto rows = iro::report_query(r, "held.2024-11");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].child, "A");
  EXPECT_EQ(rows[0].date, d("2024-11-01"));
  const auto ten_to_15 = static_cast<std::size_t>(iro::AgeBand::ten_to_15);
  EXPECT_EQ(r.participation_by_age[ten_to_15][1], 1u);
  EXPECT_EQ(r.participation_by_age[ten_to_15][7], 1u);
  std::size_t elsewhere = 0;
  for (std::size_t b = 0; b < 6; ++b) {
    for (std::size_t c = 0; c < 9; ++c) elsewhere += b == ten_to_15 ? 0 : r.participation_by_age[b][c];
  }
  EXPECT_EQ(elsewhere, 0u);
  EXPECT_EQ(iro::report_figure(r, "participation.age.10_15.held").count, 2u);
  EXPECT_EQ(iro::report_figure(r, "participation.age.10_15.took_part").count, 1u);  // PN1; PN7 did not take part
  EXPECT_EQ(iro::report_figure(r, "participation.age.10_15.four_and_over").count, 2u);
  EXPECT_EQ(iro::report_figure(r, "participation.age.5_9.held").count, 0u);
  // The same child born a year later is 11 at both: still 10-15; born 2015 (9 at both): 5-9.
  iro::Casebook younger = hand_book();
  younger.children[0].dob = d("2015-01-01");
  const iro::Report y = iro::annual_report(younger, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(iro::report_figure(y, "participation.age.5_9.held").count, 2u);
  // With no date of birth the reviews are counted as "unknown".
  younger.children[0].dob.reset();
  const iro::Report u = iro::annual_report(younger, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(iro::report_figure(u, "participation.age.unknown.held").count, 2u);
  EXPECT_NE(iro::report_text(u).find("date of birth not known"), std::string::npos);
  EXPECT_EQ(iro::report_text(r).find("date of birth not known"), std::string::npos);  // none: no row
  // The DfE wording is printed beside each code in every layout.
  const std::string pn4 = iro::participation_wording(iro::Participation::pn4);
  for (iro::ReportFormat f :
       {iro::ReportFormat::text, iro::ReportFormat::markdown, iro::ReportFormat::json, iro::ReportFormat::csv}) {
    EXPECT_NE(iro::format_report(r, f).find(pn4), std::string::npos) << static_cast<int>(f);
  }
  EXPECT_NE(iro::report_html(r).find("does not ask an advocate to speak for him or her"), std::string::npos);
}

TEST(Report, CaseloadsAtEachMonthEndInPracticeAndChangesOfIro) {
  const iro::Report r =
      iro::annual_report(book_with_a_changing_team(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  ASSERT_EQ(r.month_end_caseloads.size(), 12u);
  const iro::TeamLoad& april = r.month_end_caseloads[0].team;  // 30 Apr: A with I1 (0.5 FTE), I2 none
  EXPECT_EQ(april.date, d("2024-04-30"));
  EXPECT_EQ(april.children, 1u);
  EXPECT_DOUBLE_EQ(april.fte, 1.5);
  EXPECT_EQ(april.officers, 2u);
  EXPECT_EQ(april.agency, 1u);
  EXPECT_EQ(april.present, 2u);
  EXPECT_DOUBLE_EQ(april.per_present_fte, 1.0 / 1.5);
  // 30 Jun: A and B with I1, who is away (the absence's last day): 2 children carried by I2's 1.0 FTE.
  const iro::CaseloadCheck& june = r.month_end_caseloads[2];
  EXPECT_EQ(june.team.date, d("2024-06-30"));
  EXPECT_EQ(june.team.children, 2u);
  EXPECT_EQ(june.team.present, 1u);
  EXPECT_DOUBLE_EQ(june.team.present_fte, 1.0);
  EXPECT_DOUBLE_EQ(june.team.per_fte, 2.0 / 1.5);
  EXPECT_DOUBLE_EQ(june.team.per_present_fte, 2.0);
  EXPECT_DOUBLE_EQ(june.officers[0].per_fte, 4.0);
  EXPECT_TRUE(june.officers[0].absent);
  // 31 Jul: B left on 20 Jul; I1 is back.
  EXPECT_EQ(r.month_end_caseloads[3].team.children, 1u);
  EXPECT_EQ(r.month_end_caseloads[3].team.present, 2u);
  // 30 Sep: A is with I2.
  EXPECT_EQ(r.month_end_caseloads[5].officers[0].children, 0u);
  EXPECT_EQ(r.month_end_caseloads[5].officers[1].children, 1u);
  EXPECT_EQ(iro::report_figure(r, "caseload.month_end.2024-06").count, 2u);
  const auto june_rows = iro::report_query(r, "caseload.month_end.2024-06");
  ASSERT_EQ(june_rows.size(), 2u);
  EXPECT_EQ(june_rows[0].child, "A");
  EXPECT_EQ(june_rows[1].child, "B");
  EXPECT_EQ(june_rows[0].date, d("2024-06-30"));
  // The last month end is the 31 March of the caseload table.
  EXPECT_EQ(r.month_end_caseloads[11].team.children, r.caseloads.team.children);
  // Changes of IRO in the year: A moved once (1 Sep); B kept I1. Both were allocated in the year.
  EXPECT_EQ(r.iro_changes.children, 2u);
  EXPECT_EQ(r.iro_changes.kept_one_iro, 1u);
  EXPECT_EQ(r.iro_changes.changes, 1u);
  EXPECT_EQ(iro::report_figure(r, "iro_changes.children").count, 1u);
  const auto moved = iro::report_query(r, "iro_changes.changes");
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].child, "A");
  EXPECT_EQ(moved[0].date, d("2024-09-01"));
  EXPECT_EQ(moved[0].detail, "IRO changed from I1 to I2");
  // The workforce, each year on its 31 March: on 31 Mar 2025 two IROs, one agency; on 31 Mar 2023 only I1.
  EXPECT_EQ(r.years[2].caseloads.officers, 2u);
  EXPECT_EQ(r.years[2].caseloads.agency, 1u);
  EXPECT_EQ(r.years[0].caseloads.officers, 1u);
  EXPECT_EQ(r.years[0].caseloads.agency, 0u);
  // Every layout has the month-end table, the load in practice and the workforce.
  const std::string text = iro::report_text(r);
  EXPECT_NE(text.find("Caseloads at each month end"), std::string::npos);
  EXPECT_NE(text.find("team in practice (net of absences)"), std::string::npos);
  EXPECT_NE(text.find("workforce: agency"), std::string::npos);
  EXPECT_NE(iro::report_markdown(r).find("| team in practice (net of absences) |"), std::string::npos);
  EXPECT_NE(iro::report_html(r).find("<td>team in practice (net of absences)</td>"), std::string::npos);
  EXPECT_NE(iro::report_csv(r).find("caseload_months,team in practice (net of absences),2024-06,2.00"),
            std::string::npos);
  EXPECT_NE(iro::report_json(r).find("\"iros_agency\""), std::string::npos);
  // Without a roster the tables say so.
  iro::Casebook none = hand_book();
  none.roster = iro::Roster();
  const iro::Report n = iro::annual_report(none, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_TRUE(n.month_end_caseloads.empty());
  EXPECT_NE(iro::report_csv(n).find("caseload_months,year,supplied,no"), std::string::npos);
  EXPECT_THROW(iro::report_figure(n, "caseload.month_end.2024-06"), iro::Error);
}

TEST(Report, LocalTargetsMetNotMetOrNotSupplied) {
  iro::Policy policy = iro::Policy::england();
  policy.timeliness_target_percent = 30;     // 1 of 3 due in time: 33.3%, met
  policy.participation_target_percent = 60;  // PN1 of PN1 and PN7: 50%, not met
  policy.records_target_percent = 50;        // 1 of 2 records in time: 50%, met (the target itself is met)
  policy.midway_target_percent = 51;         // 1 of 2 intervals: 50%, not met
  policy.pre_meeting_target_percent = 80;    // no dates reports reached the IRO: not supplied
  policy.target_sources["timeliness_target_percent"] = "Hand council plan, priority 1";
  const iro::Report r = iro::annual_report(hand_book(), policy, iro::Calendar::england_and_wales(), 2024);
  std::map<std::string, const iro::TargetCheck*> by_key;
  for (const iro::TargetCheck& t : r.targets) by_key[t.key] = &t;
  ASSERT_EQ(by_key.size(), 6u);
  EXPECT_TRUE(by_key["timeliness_target_percent"]->met);
  EXPECT_NEAR(*by_key["timeliness_target_percent"]->actual, 100.0 / 3.0, 1e-9);
  EXPECT_EQ(by_key["timeliness_target_percent"]->source, "Hand council plan, priority 1");
  EXPECT_FALSE(by_key["participation_target_percent"]->met);
  EXPECT_TRUE(by_key["records_target_percent"]->met);
  EXPECT_FALSE(by_key["midway_target_percent"]->met);
  EXPECT_FALSE(by_key["pre_meeting_target_percent"]->actual.has_value());
  // On 31 March I1 (0.5 FTE) holds A: 2 per FTE, below 50-70.
  EXPECT_FALSE(by_key["caseload_band"]->met);
  EXPECT_DOUBLE_EQ(*by_key["caseload_band"]->actual, 2.0);
  EXPECT_DOUBLE_EQ(*by_key["caseload_band"]->low, 50.0);
  // In every layout: the result beside each target.
  const std::string text = iro::report_text(r);
  EXPECT_NE(text.find("Local targets"), std::string::npos);
  EXPECT_NE(text.find("Hand council plan, priority 1"), std::string::npos);
  EXPECT_NE(
      iro::report_csv(r).find("targets,reviews due in the year held in timescale (% in time of due) (%),result,met"),
      std::string::npos);
  EXPECT_NE(iro::report_csv(r).find(",result,not supplied"), std::string::npos);
  EXPECT_NE(iro::report_markdown(r).find("| 30 | 33.3 | met |"), std::string::npos);
  EXPECT_NE(iro::report_html(r).find("<td>51</td><td>50.0</td><td>not met</td>"), std::string::npos);
  EXPECT_NE(iro::report_json(r).find("\"result\": \"not supplied\""), std::string::npos);
  // A records target without review record dates is not supplied, not "not met" on zeros.
  iro::Casebook no_records = hand_book();
  for (iro::Review& v : no_records.children[0].reviews) v.record_sent.reset();
  const iro::Report n = iro::annual_report(no_records, policy, iro::Calendar::england_and_wales(), 2024);
  for (const iro::TargetCheck& t : n.targets) {
    if (t.key == "records_target_percent") {
      EXPECT_FALSE(t.actual.has_value());
    }
  }
  // A policy without targets has the caseload band alone.
  const iro::Report plain =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  ASSERT_EQ(plain.targets.size(), 1u);
  EXPECT_EQ(plain.targets[0].key, "caseload_band");
}

namespace {

// Who the children are, worked by hand for 2024/25 (1 April 2024 to 31 March 2025):
// P: born 2024-06-01 (under 1 on 31 March), girl, MWBC; in care from 2024-07-01, interim order C1 then C2 from
//    2024-12-01; placements from 2024-07-01, 2024-09-01 and 2025-01-10: three in the year.
// Q: born 2008-02-10 (17 on 31 March, 16 when care began on 2024-10-15), boy, BAFR, UASC until 2026-02-10; V2;
//    one placement.
// R: born 2015-05-05, no SEX or ETHNIC; in care 2020-01-01 to 2024-08-20, adopted (E11): left aged 9.
// S: born 2007-01-15, boy, WBRI; in care from 2023-05-01 with no end: care ends on the 18th birthday,
//    2025-01-15 (aged 18 then).
// T: born 2012-03-31, boy, WBRI; in care 2023-01-01 to 2024-04-01 (the first day out of care), returned home
//    (E4A): looked after on 31 March 2024 and left in April, aged 12.
iro::Casebook profile_book() {
  iro::Casebook book;
  book.council = "Profile council";
  const auto child = [&](const char* id, const char* dob, iro::Sex sex, const char* ethnic) -> iro::Child& {
    iro::Child c;
    c.id = id;
    c.dob = d(dob);
    c.sex = sex;
    c.ethnicity = ethnic;
    book.children.push_back(c);
    return book.children.back();
  };
  iro::Child& p = child("P", "2024-06-01", iro::Sex::female, "MWBC");
  p.periods.push_back({d("2024-07-01"), std::nullopt, iro::Regime::standard, {}});
  p.periods[0].legal_statuses = {{d("2024-07-01"), "C1"}, {d("2024-12-01"), "C2"}};
  p.placements = {{d("2024-07-01"), d("2024-09-01"), false},
                  {d("2024-09-01"), d("2025-01-10"), false},
                  {d("2025-01-10"), std::nullopt, false}};
  iro::Child& q = child("Q", "2008-02-10", iro::Sex::male, "BAFR");
  q.periods.push_back({d("2024-10-15"), std::nullopt, iro::Regime::standard, {}});
  q.periods[0].legal_statuses = {{d("2024-10-15"), "V2"}};
  q.placements = {{d("2024-10-15"), std::nullopt, false}};
  q.uasc = true;
  q.uasc_ceased = d("2026-02-10");
  iro::Child& r = child("R", "2015-05-05", iro::Sex::not_recorded, "");
  r.periods.push_back({d("2020-01-01"), d("2024-08-20"), iro::Regime::standard, {}});
  r.periods[0].legal_statuses = {{d("2020-01-01"), "C2"}};
  r.periods[0].reason_ended = "E11";
  r.placements = {{d("2020-01-01"), d("2024-08-20"), false}};
  iro::Child& s = child("S", "2007-01-15", iro::Sex::male, "WBRI");
  s.periods.push_back({d("2023-05-01"), std::nullopt, iro::Regime::standard, {}});
  s.periods[0].legal_statuses = {{d("2023-05-01"), "C2"}};
  iro::Child& t = child("T", "2012-03-31", iro::Sex::male, "WBRI");
  t.periods.push_back({d("2023-01-01"), d("2024-04-01"), iro::Regime::standard, {}});
  t.periods[0].legal_statuses = {{d("2023-01-01"), "C2"}};
  t.periods[0].reason_ended = "E4A";
  return book;
}

std::size_t count(const iro::Report& r, const std::string& name) { return iro::report_figure(r, name).count; }

}  // namespace

TEST(ReportProfile, HandWorkedTables) {
  const iro::Report r =
      iro::annual_report(profile_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_EQ(r.looked_after_end, 2u);
  EXPECT_EQ(count(r, "profile.age.under_1.female"), 1u);
  EXPECT_EQ(count(r, "profile.age.under_1.all"), 1u);
  EXPECT_EQ(count(r, "profile.age.16_plus.male"), 1u);
  EXPECT_EQ(count(r, "profile.age.16_plus.all"), 1u);
  EXPECT_EQ(count(r, "profile.age.10_15.all"), 0u);
  EXPECT_EQ(count(r, "profile.ethnicity.mixed"), 1u);
  EXPECT_EQ(count(r, "profile.ethnicity.black"), 1u);
  EXPECT_EQ(count(r, "profile.ethnicity.white"), 0u);  // S left on his birthday, T in April
  EXPECT_EQ(count(r, "profile.ethnicity_code.BAFR"), 1u);
  EXPECT_EQ(count(r, "profile.legal_status.C2"), 1u);  // P's full order from December
  EXPECT_EQ(count(r, "profile.legal_status.C1"), 0u);
  EXPECT_EQ(count(r, "profile.legal_status.V2"), 1u);
  EXPECT_EQ(count(r, "profile.uasc.uasc"), 1u);
  EXPECT_EQ(count(r, "profile.uasc.not_uasc"), 1u);
  EXPECT_EQ(count(r, "profile.any_time"), 5u);
  const std::size_t month_ends[] = {2, 2, 2, 3, 2, 2, 3, 3, 3, 2, 2, 2};  // Apr 2024 .. Mar 2025
  const char* const months[] = {"2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
                                "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"};
  for (std::size_t m = 0; m < 12; ++m)
    EXPECT_EQ(count(r, std::string("profile.month_end.") + months[m]), month_ends[m]) << months[m];
  EXPECT_EQ(count(r, "profile.movements.2024-07.admitted"), 1u);
  EXPECT_EQ(count(r, "profile.movements.2024-10.admitted"), 1u);
  EXPECT_EQ(count(r, "profile.movements.2024-04.left"), 1u);
  EXPECT_EQ(count(r, "profile.movements.2024-08.left"), 1u);
  EXPECT_EQ(count(r, "profile.movements.2025-01.left"), 1u);
  EXPECT_EQ(count(r, "profile.movements_by_age.under_1.admitted"), 1u);
  EXPECT_EQ(count(r, "profile.movements_by_age.16_plus.admitted"), 1u);
  EXPECT_EQ(count(r, "profile.movements_by_age.10_15.left"), 1u);
  EXPECT_EQ(count(r, "profile.movements_by_age.5_9.left"), 1u);
  EXPECT_EQ(count(r, "profile.movements_by_age.16_plus.left"), 1u);
  EXPECT_EQ(count(r, "profile.left_reason.adopted"), 1u);
  EXPECT_EQ(count(r, "profile.left_reason.returned_home"), 1u);
  EXPECT_EQ(count(r, "profile.left_reason.aged_18"), 1u);
  EXPECT_EQ(count(r, "profile.left_reason.not_recorded"), 0u);
  EXPECT_EQ(count(r, "profile.stability.3_or_more"), 1u);
  EXPECT_EQ(count(r, "profile.stability.2_or_fewer"), 1u);
  // The rows behind a figure: the child, the day and what the row is.
  const auto rows = iro::report_query(r, "profile.left_reason.adopted");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].child, "R");
  EXPECT_EQ(rows[0].date, d("2024-08-20"));
  EXPECT_NE(rows[0].detail.find("(E11)"), std::string::npos) << rows[0].detail;
  const auto aged = iro::report_query(r, "profile.left_reason.aged_18");
  ASSERT_EQ(aged.size(), 1u);
  EXPECT_EQ(aged[0].child, "S");
  EXPECT_EQ(aged[0].date, d("2025-01-15"));
  // Every profile figure has as many rows as it counts.
  for (const iro::Figure& f : iro::report_figures(r)) {
    if (f.name.rfind("profile.", 0) == 0) {
      EXPECT_EQ(iro::report_query(r, f).size(), f.count) << f.name;
    }
  }
}

TEST(ReportProfile, EveryFormatHasTheTables) {
  const iro::Report r =
      iro::annual_report(profile_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const std::string text = iro::report_text(r), md = iro::report_markdown(r), html = iro::report_html(r);
  for (const char* title :
       {"Age on 2025-03-31 by gender", "Ethnic group on 2025-03-31", "Legal status on 2025-03-31",
        "Unaccompanied asylum-seeking children on 2025-03-31", "Looked after at any time in the year",
        "Looked after at each month end", "Started and ceased to be looked after, by month", "Why care ended"}) {
    EXPECT_NE(text.find(title), std::string::npos) << title;
    EXPECT_NE(md.find(std::string("### ") + title), std::string::npos) << title;
    EXPECT_NE(html.find(std::string("<h3>") + title + "</h3>"), std::string::npos) << title;
  }
  EXPECT_NE(text.find("  Adopted (E11, E12)"), std::string::npos);
  EXPECT_NE(md.find("| Returned home (E13, E4A, E4B) | 1 |"), std::string::npos);
  const std::string json = iro::report_json(r);
  EXPECT_NE(json.find("\"left_reason\": {"), std::string::npos);
  EXPECT_NE(json.find("\"any_time\": {\n   \"children\": 5"), std::string::npos)
      << json.substr(json.find("\"any_time\""), 80);
  bool cell = false;
  for (const iro::ReportCell& c : iro::report_cells(r))
    cell = cell || (c.table == "profile_age" && c.row == "16_plus" && c.measure == "male" && c.text == "1");
  EXPECT_TRUE(cell);
  EXPECT_NE(iro::report_csv(r).find("profile_month_end,2024-07,children,3\n"), std::string::npos);
}

TEST(ReportProfile, InputsNotSuppliedSaySoAndHaveNoFigures) {
  iro::Casebook book = profile_book();
  for (iro::Child& c : book.children) {  // as a return without SEX, ETHNIC, LS, REC, uasc.csv or placements
    c.sex = iro::Sex::not_recorded;
    c.ethnicity.clear();
    c.uasc = false;
    c.placements.clear();
    for (iro::Period& p : c.periods) {
      p.legal_statuses.clear();
      p.reason_ended.clear();
    }
  }
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_FALSE(r.supplied.sex || r.supplied.ethnicity || r.supplied.legal_status || r.supplied.uasc ||
               r.supplied.leaving_reasons || r.supplied.placements);
  for (const char* gone :
       {"profile.ethnicity.white", "profile.ethnicity_code.WBRI", "profile.legal_status.C2", "profile.uasc.uasc",
        "profile.left_reason.adopted", "profile.stability.3_or_more", "profile.age.16_plus.male"}) {
    EXPECT_EQ(failure([&] { iro::report_figure(r, gone); }).first, Status::not_found) << gone;
  }
  EXPECT_EQ(count(r, "profile.age.16_plus.all"), 1u);  // the age table stays, without gender
  EXPECT_EQ(count(r, "profile.any_time"), 5u);         // and the tables from the times in care
  EXPECT_EQ(count(r, "profile.movements.2024-08.left"), 1u);
  const std::string text = iro::report_text(r);
  for (const char* said :
       {"not supplied: the casebook has no ethnicity (ETHNIC in header.csv)",
        "not supplied: the casebook has no legal statuses (LS in episodes.csv)",
        "not supplied: the casebook has no UASC table (uasc.csv)",
        "not supplied: the casebook has no reasons care ended (REC in episodes.csv)",
        "not supplied: the casebook has no placements (episodes.csv)", "gender not supplied: no SEX in header.csv"}) {
    EXPECT_NE(text.find(said), std::string::npos) << said;
    EXPECT_NE(iro::report_html(r).find(said), std::string::npos) << said;
  }
  EXPECT_NE(iro::report_json(r).find("\"uasc\": null"), std::string::npos);
  EXPECT_NE(iro::report_csv(r).find("profile_left_reason,year,supplied,no\n"), std::string::npos);
}

namespace {

// The register of test_dispute.cpp's FiguresAsTheSeedsCountThem, worked by hand there, for 2024/25:
//   D1 raised 1 May 2024 for C1, C2, C3 about A2, A10, A1; team manager (formal) 3 May; resolved 10 May.
//   D2 raised 3 Jun 2024 for C2 about A15; resolved 5 Jun.
//   D3 raised 20 Mar 2024 (2023/24) for C4 about A2; escalated (formal) 2 Apr 2024; withdrawn 10 Apr.
//   D4 raised 1 Jul 2024 at the team manager (formal) for C5 and C6 about A13 and A2; open.
//   D5 raised 1 Aug 2024 with no child and no category; resolved 2 Aug.

iro::Casebook seeds_book() {
  iro::Casebook book = hand_book();
  iro::DisputeRegister reg(iro::test::seeds_policy(), iro::Calendar::england_and_wales());
  iro::read_disputes_csv(reg, iro::test::seeds_register, "events.csv");
  book.disputes = reg.disputes();
  return book;
}

}  // namespace

TEST(Report, DisputesAsTheSeedsCountThem) {
  const iro::Report r =
      iro::annual_report(seeds_book(), iro::test::seeds_policy(), iro::Calendar::england_and_wales(), 2024);
  const auto count = [&](const std::string& name) { return iro::report_figure(r, name).count; };
  EXPECT_EQ(count("disputes.raised"), 4u);
  EXPECT_EQ(count("disputes.children"), 5u);  // C1, C2, C3, C5, C6: C2 once though in D1 and D2
  EXPECT_EQ(count("disputes.issues"), 7u);    // 3 + 1 + 2 + 1 (D5's, "(none)")
  EXPECT_EQ(count("disputes.formal"), 3u);    // D1, D3, D4
  EXPECT_EQ(count("disputes.formal_children"), 6u);
  EXPECT_EQ(count("disputes.category.A2"), 2u);
  EXPECT_EQ(count("disputes.resolved_category.A2"), 1u);  // D1 (D4 is open)
  EXPECT_EQ(count("disputes.resolved_category.(none)"), 1u);
  EXPECT_EQ(failure([&] { iro::report_figure(r, "disputes.resolved_category.A13"); }).first, Status::not_found);
  // The categories in natural order, among the figures and in every layout.
  std::string order;
  for (const iro::Figure& f : iro::report_figures(r)) {
    if (f.name.rfind("disputes.category.", 0) == 0) order += f.name.substr(18) + " ";
  }
  EXPECT_EQ(order, "(none) A1 A2 A10 A13 A15 ");
  const std::string text = iro::report_text(r), md = iro::report_markdown(r), html = iro::report_html(r),
                    csv = iro::report_csv(r), json = iro::report_json(r);
  EXPECT_LT(text.find("category A2 "), text.find("category A10 "));
  EXPECT_NE(text.find("  category A10 Placement choice and/or standard of care: 1 raised, 1 resolved\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("5 children concerned, 7 issues (categories named); 3 entered the formal process, for 6 "
                      "children (children with a formal challenge)"),
            std::string::npos)
      << text;
  EXPECT_NE(md.find("| A13 | Safeguarding concerns | 1 | 0 |\n"), std::string::npos) << md;
  EXPECT_LT(md.find("| A2 |"), md.find("| A10 |"));
  EXPECT_NE(html.find("<tr><td>A2</td><td>Non-completion/failure to meet the timescale in review "
                      "decisions</td><td>2</td><td>1</td></tr>"),
            std::string::npos);
  EXPECT_NE(csv.find("disputes,year,children,5\n"), std::string::npos);
  EXPECT_NE(csv.find("disputes,year,issues,7\n"), std::string::npos);
  EXPECT_NE(csv.find("disputes,year,formal_children,6\n"), std::string::npos);
  EXPECT_NE(csv.find("disputes_by_category,A15,name,Other\ndisputes_by_category,A15,raised,1\n"
                     "disputes_by_category,A15,resolved,1\n"),
            std::string::npos)
      << csv;
  EXPECT_LT(csv.find("disputes_by_category,A2,"), csv.find("disputes_by_category,A10,"));
  EXPECT_NE(json.find("\"code\": \"A10\""), std::string::npos);
  EXPECT_LT(json.find("\"code\": \"A2\""), json.find("\"code\": \"A10\""));
  // The rows: one per child for the per-child figures, at the earliest dispute.
  const auto rows = [&](const std::string& name) {
    std::string out;
    for (const iro::ReportTrace& t : iro::report_query(r, name)) out += t.child + "@" + t.date.iso() + " ";
    return out;
  };
  EXPECT_EQ(rows("disputes.children"), "C1@2024-05-01 C2@2024-05-01 C3@2024-05-01 C5@2024-07-01 C6@2024-07-01 ");
  EXPECT_EQ(rows("disputes.formal_children"),
            "C1@2024-05-03 C2@2024-05-03 C3@2024-05-03 C4@2024-04-02 C5@2024-07-01 C6@2024-07-01 ");
  EXPECT_EQ(rows("disputes.formal"), "C1;C2;C3@2024-05-03 C4@2024-04-02 C5;C6@2024-07-01 ");
  EXPECT_EQ(rows("disputes.raised"), "C1;C2;C3@2024-05-01 C2@2024-06-03 C5;C6@2024-07-01 @2024-08-01 ");
  EXPECT_EQ(rows("disputes.category.A2"), "C1;C2;C3@2024-05-01 C5;C6@2024-07-01 ");
  const std::vector<iro::ReportTrace> issues = iro::report_query(r, "disputes.issues");
  ASSERT_EQ(issues.size(), 7u);
  EXPECT_EQ(issues[0].child, "C1;C2;C3");
  EXPECT_EQ(issues[0].detail.rfind("issue A2 (Non-completion/failure to meet the timescale in review decisions): "
                                   "dispute D1 (A2;A10;A1, team_manager, resolved 2024-05-10)",
                                   0),
            0u)
      << issues[0].detail;
  EXPECT_EQ(issues[6].detail.rfind("issue (none): dispute D5", 0), 0u) << issues[6].detail;
  // The three years: D3 was raised in 2023/24 (one child, one issue) and became formal in 2024/25.
  ASSERT_EQ(r.years.size(), 3u);
  EXPECT_EQ(count("years.2023/24.disputes.raised"), 1u);
  EXPECT_EQ(count("years.2023/24.disputes.children"), 1u);
  EXPECT_EQ(count("years.2023/24.disputes.issues"), 1u);
  EXPECT_EQ(count("years.2023/24.disputes.formal_children"), 0u);
  EXPECT_EQ(count("years.2024/25.disputes.formal_children"), 6u);
  EXPECT_EQ(rows("years.2023/24.disputes.children"), "C4@2024-03-20 ");
  EXPECT_NE(csv.find("years,2023/24,disputes_children,1\n"), std::string::npos);
  EXPECT_NE(csv.find("years,2024/25,disputes_formal_children,6\n"), std::string::npos);
  // Every figure has as many rows as it counts.
  for (const iro::Figure& f : iro::report_figures(r)) EXPECT_EQ(iro::report_query(r, f).size(), f.count) << f.name;
}

TEST(Report, PreMeetingReportsCancellationsAgreedExceptionsAndNotification) {
  iro::Casebook book = hand_book();
  iro::Child& a = book.children[0];
  // England's policy: reports due 3 working days before the meeting. A's review of Fri 10 May 2024 (due 1 May,
  // held late): report due Tue 7 May, received then (on time); an agreed reason for its lateness. Its review of
  // Fri 1 Nov 2024: report due Tue 29 Oct, received Wed 30 Oct (late).
  a.reviews[1].report_received = d("2024-05-07");
  a.reviews[1].exception_reason = "to follow a court hearing";
  a.reviews[2].report_received = d("2024-10-30");
  // Cancelled meetings: two in the year (one with no reason given), one in 2023/24.
  for (const auto& [day, why] : {std::pair<const char*, const char*>{"2024-04-29", "IRO unavailable"},
                                 {"2024-10-20", ""},
                                 {"2024-01-20", "carer unavailable"}}) {
    iro::Review cancelled{d(day), true, iro::Participation::none, iro::ReviewReason::scheduled, std::nullopt};
    cancelled.cancellation_reason = why;
    a.reviews.push_back(cancelled);
  }
  // B entered care Mon 3 Jun 2024; the IRO service was told Fri 7 Jun: 4 working days. A entered before the year.
  book.children[1].periods[0].notified = d("2024-06-07");
  const iro::Report r = iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_TRUE(r.supplied.pre_meeting_reports);
  EXPECT_EQ(r.pre_meeting.working_days_before, 3);
  EXPECT_EQ(r.pre_meeting.held, 2u);
  EXPECT_EQ(r.pre_meeting.received, 2u);
  EXPECT_EQ(r.pre_meeting.on_time, 1u);
  EXPECT_EQ(r.pre_meeting.late, 1u);
  EXPECT_EQ(r.pre_meeting.not_recorded, 0u);
  EXPECT_DOUBLE_EQ(r.pre_meeting.percent(), 50.0);
  const auto late = iro::report_query(r, "pre_meeting.late");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].detail, "held 2024-11-01, report due 2024-10-29, received 2024-10-30");
  // A report one working day earlier would have been on time: the boundary is the due day itself.
  book.children[0].reviews[2].report_received = d("2024-10-29");
  EXPECT_EQ(
      iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024).pre_meeting.on_time,
      2u);
  ASSERT_EQ(r.cancelled.size(), 2u);
  EXPECT_EQ(iro::report_figure(r, "cancellations.all").count, 2u);
  EXPECT_EQ(iro::report_figure(r, "cancellations.reason.IRO unavailable").count, 1u);
  EXPECT_EQ(iro::report_figure(r, "cancellations.reason.(none given)").count, 1u);
  EXPECT_THROW(iro::report_figure(r, "cancellations.reason.carer unavailable"), iro::Error);  // 2023/24
  // Of the year's 3 due dates: 1 in time, A's second held late for an agreed reason, B's first missed.
  ASSERT_EQ(r.agreed_late.size(), 1u);
  EXPECT_EQ(r.agreed_late[0].due, d("2024-05-01"));
  EXPECT_EQ(r.agreed_late[0].held, d("2024-05-10"));
  EXPECT_EQ(iro::report_figure(r, "exceptions.agreed").count, 1u);
  EXPECT_EQ(iro::report_figure(r, "exceptions.late_without").count, 1u);
  EXPECT_EQ(iro::report_query(r, "exceptions.late_without")[0].child, "B");
  EXPECT_EQ(r.total.in_time, 1u);  // an exception never makes a late review in time
  EXPECT_NE(iro::report_csv(r).find("exceptions,year,percent_in_time_or_agreed,66.7\n"), std::string::npos);
  EXPECT_NE(iro::report_csv(r).find("exceptions,year,percent_in_time,33.3\n"), std::string::npos);
  // Notification: one time in care started in the year, told after 4 working days.
  EXPECT_EQ(r.notification.entered, 1u);
  EXPECT_EQ(r.notification.notified, 1u);
  EXPECT_EQ(r.notification.bands, (std::array<std::size_t, 4>{0, 1, 0, 0}));
  EXPECT_DOUBLE_EQ(r.notification.median_working_days, 4.0);
  EXPECT_EQ(iro::report_query(r, "notification.2_to_5")[0].detail,
            "looked after from 2024-06-03, IRO service told 2024-06-07 (4 working days)");
  // Every layout has the four tables; a target for reports is now met or not on the figure.
  for (iro::ReportFormat f : {iro::ReportFormat::text, iro::ReportFormat::markdown, iro::ReportFormat::html}) {
    const std::string out = iro::format_report(r, f);
    for (const char* title :
         {"Social workers' reports before the review", "Reviews cancelled, by reason",
          "Reviews out of timescale for agreed and understood reasons", "When the IRO service was told"})
      EXPECT_NE(out.find(title), std::string::npos) << static_cast<int>(f) << " " << title;
  }
  EXPECT_NE(iro::report_json(r).find("\"pre_meeting_reports\": true"), std::string::npos);
  iro::Policy hounslow_like = iro::Policy::england();
  hounslow_like.pre_meeting_target_percent = 50;
  for (const iro::TargetCheck& t :
       iro::annual_report(book_with_a_changing_team(), hounslow_like, iro::Calendar::england_and_wales(), 2024)
           .targets) {
    if (t.key == "pre_meeting_target_percent") {
      EXPECT_FALSE(t.actual.has_value());  // the hand book has no report dates
    }
  }
  // Without the extracts the tables say so, and have no figures.
  const iro::Report plain =
      iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  EXPECT_FALSE(plain.supplied.pre_meeting_reports || plain.supplied.cancellations || plain.supplied.exceptions ||
               plain.supplied.notifications);
  EXPECT_THROW(iro::report_figure(plain, "pre_meeting.held"), iro::Error);
  EXPECT_THROW(iro::report_figure(plain, "notification.entered"), iro::Error);
  const std::string csv = iro::report_csv(plain);
  for (const char* table : {"pre_meeting", "cancellations", "exceptions", "notifications"})
    EXPECT_NE(csv.find(std::string(table) + ",year,supplied,no\n"), std::string::npos) << table;
}
