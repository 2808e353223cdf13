// Tests of include/iro/report.hpp: the figures of a small hand-worked casebook (expected values worked
// out by hand from the statutory timescales, not by the library), a synthetic council's totals checked
// against a recount from its schedules, and the output formats.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/report.hpp"
#include "iro/schedule.hpp"
#include "iro/synth.hpp"

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
  iro::Child b;
  b.id = "B";
  b.dob = d("2010-01-01");
  b.periods.push_back({d("2024-06-03"), d("2024-07-20"), iro::Regime::standard, {}});
  book.children = {a, b};
  book.roster.add_iro({"I1", 0.5, false, std::nullopt, std::nullopt, {}});
  book.roster.add_allocation("A", "I1", d("2024-01-08"), std::nullopt);
  book.roster.add_allocation("B", "I1", d("2024-06-03"), d("2024-07-20"));
  return book;
}

TEST(Report, HandWorkedFigures) {
  const iro::AnnualReport r = iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
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
  EXPECT_EQ(r.by_number[2].due, (std::array<std::size_t, 3>{0, 1, 1}));
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
  ASSERT_EQ(r.caseloads.iros.size(), 1u);
  EXPECT_EQ(r.caseloads.iros[0].children, 1u);
  EXPECT_DOUBLE_EQ(r.caseloads.iros[0].per_fte, 2.0);
  EXPECT_EQ(r.iro_ids, std::vector<std::string>{"I1"});
  EXPECT_EQ(r.disputes.raised, 0u);
}

TEST(Report, AYearWithNobodyIsRefused) {
  const auto f = failure([] { iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2019); });
  EXPECT_EQ(f.first, Status::invalid_argument);
  EXPECT_NE(f.second.find("2019/20"), std::string::npos) << f.second;
}

TEST(Report, SyntheticTotalsMatchARecountFromSchedules) {
  iro::SynthOptions o;
  o.seed = 7;
  const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
  const iro::Policy policy = iro::Policy::england();
  const iro::AnnualReport r = iro::annual_report(book, policy, iro::Calendar::england_and_wales(), 2024);
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
  EXPECT_EQ(r.caseloads.iros.size(), 8u);
  EXPECT_GT(r.disputes.raised, 0u);
  std::size_t by_category = 0;
  const std::string md = iro::report_markdown(r), html = iro::report_html(r);
  for (const auto& [category, n] : r.disputes.by_category) {
    by_category += n;
    EXPECT_NE(md.find("| " + category + " | " + std::to_string(n) + " |"), std::string::npos) << category;
    EXPECT_NE(html.find("<tr><td>" + category + "</td><td>" + std::to_string(n) + "</td></tr>"), std::string::npos) << category;
  }
  EXPECT_EQ(by_category, r.disputes.raised);
}

TEST(Report, AYearOutsideTheDateRangeIsRefused) {
  for (int year : {1899, 2199, -5}) {
    const auto f = failure([&] { iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), year); });
    EXPECT_EQ(f.first, Status::out_of_range) << year;
  }
}

TEST(Report, Formats) {
  const iro::AnnualReport r = iro::annual_report(hand_book(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  const std::string csv = iro::report_csv(r);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "period,due,held,in_time,percent_in_time");
  EXPECT_NE(csv.find("May 2024,1,1,0,0.0\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Year,3,2,1,33.3\n"), std::string::npos) << csv;
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
  EXPECT_EQ(svgs, 5u);
}

TEST(Report, HtmlEscapesNames) {
  iro::Casebook book = hand_book();
  book.council = "A & B <Council>";
  const std::string html = iro::report_html(iro::annual_report(book, iro::Policy::england(), iro::Calendar::england_and_wales(), 2024));
  EXPECT_NE(html.find("A &amp; B &lt;Council&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<Council>"), std::string::npos);
}

}  // namespace
