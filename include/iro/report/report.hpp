/// @file report.hpp
/// @brief The IRO annual report: the tables every council publishes, computed once from a casebook for a
/// reporting year (1 April to 31 March). Its figures by name and the rows behind them: report_figures.hpp;
/// its terminal, CSV, JSON, Markdown and HTML layouts: report_format.hpp.
///
/// Definitions (docs/report.md): a review counts as due in the month of its due date; "held in
/// timescale" means held on or before it; a due date that passed with no review counts as due and not
/// held; children who left care before a due date owe nothing. Schedules are evaluated as of the year's
/// last day.
#ifndef IRO_REPORT_HPP
#define IRO_REPORT_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/data/casebook.hpp"
#include "iro/model/child.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// Reviews due, held and held in timescale (one month, quarter or year).
struct TimelinessRow {
  std::string label;                        ///< "Apr 2024", "Q1", "Year".
  std::size_t due = 0;                      ///< Reviews due.
  std::size_t held = 0;                     ///< Of those, held.
  std::size_t in_time = 0;                  ///< Of those, held on or before the due date.
  std::vector<std::string> late_or_missed;  ///< Children behind the due reviews not held in time.
  /// in_time / due in percent (0 when none due).
  /// @return the percentage.
  double percent() const noexcept {
    return due == 0 ? 0.0 : 100.0 * static_cast<double>(in_time) / static_cast<double>(due);
  }
};

/// In time by review number for one reporting year.
struct ByNumberRow {
  std::string year;                      ///< "2024/25".
  std::array<std::size_t, 3> due{};      ///< First, second, subsequent reviews due in the year.
  std::array<std::size_t, 3> in_time{};  ///< Of those, held in time.
};

/// Review records circulated within the local target (reviews held in the year).
struct RecordsFigures {
  std::int32_t target_working_days = 20;  ///< The policy's target (record_working_days).
  std::size_t held = 0;                   ///< Reviews held in the year.
  std::size_t recorded = 0;               ///< Of those, with a date the record was circulated.
  std::size_t within_target = 0;          ///< Of those, circulated on or before the target date.
  std::size_t late = 0;                   ///< Circulated after the target date.
  std::size_t not_recorded = 0;           ///< No date recorded.
  /// within_target / held in percent (0 when none held).
  /// @return the percentage.
  double percent() const noexcept {
    return held == 0 ? 0.0 : 100.0 * static_cast<double>(within_target) / static_cast<double>(held);
  }
};

/// Midway reviews: the IRO's checks half way between two reviews.
struct MidwayFigures {
  std::size_t held = 0;       ///< Midway reviews dated in the year.
  std::size_t children = 0;   ///< Children with at least one of them.
  std::size_t intervals = 0;  ///< Reviews held in the year that had a review before them in their chain.
  std::size_t covered = 0;    ///< Of those, with a midway review after the review before and before them.
  std::optional<std::int32_t> target_percent;  ///< The policy's local target for covered / intervals.
  /// covered / intervals in percent (0 when none).
  /// @return the percentage.
  double percent() const noexcept {
    return intervals == 0 ? 0.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(intervals);
  }
};

/// A review due in the reporting year or one of the two before: the rows behind the timeliness figures.
struct DueReview {
  std::uint32_t child = 0;   ///< Index into AnnualReport::children.
  std::int32_t year = 0;     ///< 0: the reporting year; 1: the year before; 2: two years before.
  Date due;                  ///< The due date.
  std::optional<Date> held;  ///< When it was held (empty: the due date passed with no review).
  std::int32_t number = 0;   ///< Its number in its chain (1 = first).
  bool in_time = false;      ///< Held on or before the due date.
  bool agreed = false;       ///< Held late for an agreed and understood reason (review_exceptions.csv).
};

/// A review held in the reporting year or one of the two before (by the date held): the rows behind
/// participation, records and midway figures.
struct HeldReview {
  std::uint32_t child = 0;                            ///< Index into AnnualReport::children.
  std::int32_t year = 0;                              ///< 0: the reporting year; 1: the year before; 2: two before.
  bool in_time = false;                               ///< Held on or before its due date.
  Date date;                                          ///< When it was held.
  Participation participation = Participation::none;  ///< Its PN code.
  Date record_due;                                    ///< The local target for its record.
  std::optional<Date> record_sent;                    ///< When its record was circulated.
  std::optional<Date> previous;                       ///< The review before it in its chain (empty for a first review).
  bool midway = false;                                ///< A midway review fell between the review before and this one.
  std::int32_t age_band = -1;                         ///< The child's AgeBand at the review (-1: no date of birth).
  std::optional<Date> report_received;                ///< When the social worker's report reached the IRO.
  Date report_due;  ///< The meeting less the policy's report_working_days_before (set when reports are supplied).
};

/// One period of care overlapping the reporting year: the rows behind the population figures.
struct CareSpell {
  std::uint32_t child = 0;  ///< Index into AnnualReport::children.
  Date start;               ///< The first day looked after.
  std::optional<Date> end;  ///< The first day out of care (empty: still looked after); at latest the 18th birthday.
  /// Why it ended, grouped (docs/report.md): from the REC of the period that ended it; aged_18 when care was cut
  /// at the 18th birthday; not_recorded while open or when the period had no REC.
  LeavingReason reason = LeavingReason::not_recorded;
  std::array<char, 4> rec{};  ///< That REC ("E4A", NUL-padded; all NUL when none).
  bool at_18 = false;         ///< It ended on the 18th birthday while the period ran on (Children Act 1989 s105(1)).
  /// When the IRO service was told the child had become looked after (notifications.csv), for the period that
  /// starts this time in care.
  std::optional<Date> notified = std::nullopt;
  /// Working days from the start to the notification (working_days_between(); negative when told in advance).
  std::int32_t notice_working_days = 0;
};

/// What the population profile keeps of a child (by index into Report::children, as of the year's 31 March). The
/// codes are kept as their lines in the profile's code tables (report_population.cpp lists them), so that the
/// report walks integers.
struct ChildFacts {
  std::optional<Date> dob;         ///< Date of birth.
  Sex sex = Sex::not_recorded;     ///< SEX.
  std::uint8_t ethnicity = 20;     ///< The ETHNIC code's line in the ethnicity_code table (20: not recorded).
  std::uint8_t legal_status = 13;  ///< The LS on 31 March, its line in the legal_status table (13: not recorded).
  bool uasc_at_end = false;        ///< An unaccompanied asylum-seeking child on 31 March.
  std::uint32_t placements = 0;    ///< Placements with a day in the year (the one in place on 1 April included).
};

/// One line of a profile table: a category and its counts, one per column.
struct ProfileLine {
  std::string key;                  ///< The category's key in figure names ("10_15", "white", "C2", "2024-06").
  std::string label;                ///< Its label in the tables ("10-15", "White", "C2", "Jun 2024").
  std::vector<std::size_t> counts;  ///< One count per column of its table.
};

/// One table of the population profile ("Who the children are"; docs/report.md defines each).
struct ProfileTable {
  std::string name;                        ///< Its name: the figures' stem (profile.NAME...) and the cells' table.
  std::string title;                       ///< Its title in the report.
  bool supplied = true;                    ///< False when its input was not supplied (then it has no lines).
  std::string absent;                      ///< Why not supplied ("not supplied: ... (SEX in header.csv)").
  std::vector<std::string> columns;        ///< The columns' keys ("male", "female", "all"); one "" for a single count.
  std::vector<std::string> column_labels;  ///< The columns' labels ("Male", "All"; "Children" for a single count).
  std::vector<ProfileLine> lines;          ///< Its lines, in order.
};

/// A local target of the policy (Policy::timeliness_target_percent ..., the caseload band) against the
/// reporting year's figure: met or not met, or not supplied when the figure's input is missing.
struct TargetCheck {
  std::string key;               ///< The policy's key: "timeliness_target_percent" ... or "caseload_band".
  std::string measure;           ///< What is measured, in words.
  double target = 0;             ///< The target in percent (the caseload band: its high end, per FTE).
  std::optional<double> low;     ///< The caseload band's low end (empty for a percentage target).
  std::optional<double> actual;  ///< The year's figure (empty: its input was not supplied).
  bool met = false;              ///< actual >= target (the band: low <= actual <= high); false when not supplied.
  std::string source;            ///< Where the target comes from (the policy's targets.sources), or "".
};

/// The headline figures of one year, as of its own 31 March (the report's "Three years" table). Where the
/// seeds define a measure two ways, both are given, named.
struct YearFigures {
  std::string year;                            ///< "2024/25".
  Date from;                                   ///< 1 April.
  Date to;                                     ///< 31 March.
  std::size_t due = 0;                         ///< Review due dates in the year.
  std::size_t due_held = 0;                    ///< Of those, held (on time or late).
  std::size_t in_time = 0;                     ///< Of those, held on or before the due date.
  std::size_t held = 0;                        ///< Reviews held in the year (by the date held).
  std::size_t held_in_time = 0;                ///< Of those, held on or before their due date.
  std::array<std::size_t, 9> participation{};  ///< Reviews held in the year by code: PN0..PN7, then none.
  std::size_t within_target = 0;               ///< Reviews held in the year whose record was sent within target.
  std::size_t records_late = 0;                ///< Whose record was sent after the target date.
  std::size_t not_recorded = 0;                ///< With no date recorded.
  std::size_t midway_intervals = 0;            ///< Reviews held in the year with a review before them.
  std::size_t midway_covered = 0;              ///< Of those, with a midway review between.
  std::size_t looked_after_start = 0;          ///< Looked after on the 31 March before the year.
  std::size_t looked_after_end = 0;            ///< Looked after on the year's 31 March.
  std::size_t entered = 0;                     ///< Times in care started in the year.
  std::size_t left = 0;                        ///< Times in care ended in the year.
  std::size_t overdue_at_end = 0;              ///< Children looked after on 31 March whose next review was overdue.
  TeamLoad caseloads;                          ///< The team on 31 March (check_caseloads()).
  DisputeFigures disputes;                     ///< DisputeRegister::figures() for the year.
  /// "In time of due": in_time / due in percent (0 when none due).
  /// @return the percentage.
  double in_time_of_due() const noexcept { return ratio(in_time, due); }
  /// "In time of held": held_in_time / held in percent (0 when none held).
  /// @return the percentage.
  double in_time_of_held() const noexcept { return ratio(held_in_time, held); }
  /// PN1-PN6 (took part) in the year.
  /// @return the count.
  std::size_t took_part() const noexcept {
    std::size_t n = 0;
    for (std::size_t c = 1; c <= 6; ++c) n += participation[c];
    return n;
  }
  /// PN1-PN7: children aged 4 and over.
  /// @return the count.
  std::size_t four_and_over() const noexcept { return took_part() + participation[7]; }
  /// PN0-PN7: every review with a code.
  /// @return the count.
  std::size_t coded() const noexcept { return four_and_over() + participation[0]; }
  /// "Participation without under-4s": PN1-PN6 of PN1-PN7 in percent (Report::participation_rate).
  /// @return the percentage.
  double participation_rate() const noexcept { return ratio(took_part(), four_and_over()); }
  /// "Participation with under-4s": PN1-PN6 of PN0-PN7 in percent (Medway counts PN0 in the whole).
  /// @return the percentage.
  double participation_rate_with_under_4s() const noexcept { return ratio(took_part(), coded()); }
  /// part / whole in percent, 0 when whole is 0.
  /// @param part the numerator.
  /// @param whole the denominator.
  /// @return the percentage.
  static double ratio(std::size_t part, std::size_t whole) noexcept {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  }
};

/// Which of the report's optional inputs the casebook holds. A table whose input was not supplied says so
/// ("not supplied") in text, Markdown and HTML, is null in JSON, and has no rows in CSV or among the figures:
/// never zeros that look like facts. Read from the casebook itself: a council whose files held no such row
/// supplied nothing for that table.
struct ReportInputs {
  bool review_records = true;   ///< Some review has the date its record was sent (review_records.csv).
  bool midway_reviews = true;   ///< Some child has a midway review (midway_reviews.csv).
  bool roster = true;           ///< The roster lists IROs (roster/iros.csv).
  bool disputes = true;         ///< The casebook holds disputes (disputes/events.csv).
  bool sex = true;              ///< Some child has a SEX (header.csv).
  bool ethnicity = true;        ///< Some child has an ETHNIC code (header.csv).
  bool legal_status = true;     ///< Some period has a legal status (episodes.csv LS).
  bool uasc = true;             ///< Some child is in the UASC table (uasc.csv).
  bool leaving_reasons = true;  ///< Some period has a reason ended (episodes.csv REC).
  bool placements = true;       ///< Some child has a placement (episodes.csv).
  /// Some review has the day its social worker's report reached the IRO (pre_meeting_reports.csv).
  bool pre_meeting_reports = true;
  bool cancellations = true;  ///< Some review was cancelled (review_cancellations.csv).
  bool exceptions = true;     ///< Some review has an agreed exception (review_exceptions.csv).
  bool notifications = true;  ///< Some period has the day the IRO service was told (notifications.csv).
};

/// Social workers' reports for the reviews held in the year, measured back from the meeting: due the policy's
/// report_working_days_before working days before it (Hounslow: 5).
struct PreMeetingFigures {
  std::int32_t working_days_before = 3;  ///< The policy's report_working_days_before.
  std::size_t held = 0;                  ///< Reviews held in the year.
  std::size_t received = 0;              ///< Of those, with the date the report reached the IRO.
  std::size_t on_time = 0;               ///< Of those, received on or before the day it was due.
  std::size_t late = 0;                  ///< Received after it.
  std::size_t not_recorded = 0;          ///< No date recorded.
  /// on_time / held in percent (0 when none held).
  /// @return the percentage.
  double percent() const noexcept {
    return held == 0 ? 0.0 : 100.0 * static_cast<double>(on_time) / static_cast<double>(held);
  }
};

/// A review that did not take place, dated in the reporting year (the rows behind the cancellation figures).
struct CancelledReview {
  std::uint32_t child = 0;  ///< Index into Report::children.
  Date date;                ///< The day it was to be held.
  std::string reason;       ///< Why, as the council records it ("" when not given).
};

/// A review due in the reporting year and held late for an agreed and understood reason.
struct AgreedLateReview {
  std::uint32_t child = 0;  ///< Index into Report::children.
  Date due;                 ///< Its due date.
  Date held;                ///< When it was held.
  std::string reason;       ///< The reason agreed.
};

/// When the IRO service was told that a child had become looked after, for the times in care that started in
/// the year (Thurrock and Bradford name late notification as a cause of late first reviews).
struct NotificationFigures {
  std::size_t entered = 0;             ///< Times in care started in the year.
  std::size_t notified = 0;            ///< Of those, with a notification date.
  std::size_t not_recorded = 0;        ///< Without.
  std::array<std::size_t, 4> bands{};  ///< Notified within 1 working day, 2-5, 6-10, more than 10.
  double median_working_days = 0;      ///< Median working days from entry to notification.
  double p90_working_days = 0;         ///< 90th percentile of the same (nearest rank).
};

/// One figure of the report: a count with a name, and what its rows are made from (report_query()).
struct Figure {
  std::string name;                      ///< "timeliness.2024-06.due", "records.late", "caseload.IRO3"...
  std::size_t count = 0;                 ///< The count; report_query() lists exactly this many rows.
  std::uint16_t kind = 0;                ///< Index into report_figure_kinds(): the declaration it comes from.
  std::array<std::int32_t, 3> select{};  ///< The kind's selectors (period, year, measure...): internal to the kind.
  std::string key;                       ///< The kind's key (a category, a stage, an officer id), or "".
};

/// The annual report, computed once from (casebook, policy, calendar, year) by annual_report(): its
/// tables, every figure by name with its count, and the rows behind the figures. Read it as many times
/// as needed: report_figures() and report_figure() read what is stored, report_query() filters the
/// stored rows of one figure, and the output formats (report_format.hpp) only lay out what it holds.
struct Report {
  std::string council;                         ///< The council.
  ReportInputs supplied;                       ///< Which optional inputs the casebook holds.
  int year = 0;                                ///< The reporting year's first calendar year (2024 for 2024/25).
  Date from;                                   ///< 1 April.
  Date to;                                     ///< 31 March.
  std::vector<TimelinessRow> months;           ///< 12 months.
  std::vector<TimelinessRow> quarters;         ///< 4 quarters.
  TimelinessRow total;                         ///< The year.
  std::vector<ByNumberRow> by_number;          ///< The year and the two before, oldest first.
  std::array<std::size_t, 9> participation{};  ///< Reviews held in the year by code: PN0..PN7, then none.
  double participation_rate = 0;               ///< PN1-PN6 as a share of PN1-PN7, in percent (children 4 and over).
  std::size_t looked_after_start = 0;          ///< Looked after on 1 April.
  std::size_t looked_after_end = 0;            ///< Looked after on 31 March.
  std::size_t entered = 0;                     ///< Periods of care started in the year.
  std::size_t left = 0;                        ///< Periods of care ended in the year.
  std::size_t children_refused = 0;            ///< Children whose data could not be evaluated.
  CaseloadCheck caseloads;                     ///< On 31 March.
  std::vector<std::string> officer_ids;        ///< IRO ids by roster index.
  std::int32_t band_low = 50;                  ///< The policy's caseload band.
  std::int32_t band_high = 70;                 ///< The policy's caseload band.
  DisputeFigures disputes;                     ///< For the year.
  std::vector<std::string> ladder;             ///< The ladder's stage names, in order.
  std::map<std::string, std::string> category_names;  ///< The policy's dispute categories: code -> name.
  RecordsFigures records;                             ///< Review records within the local target.
  MidwayFigures midway;                               ///< Midway reviews.
  std::size_t overdue_at_end = 0;  ///< Children looked after on 31 March whose next review was overdue.
  std::vector<YearFigures> years;  ///< The year and the two before, oldest first, each as of its 31 March.
  /// Reviews held in the year by the calendar month of the meeting, April first (Brent's "70 reviews chaired each
  /// month"; beside `months`, which counts reviews by the month they were due).
  std::array<std::size_t, 12> held_by_month{};
  /// Reviews held in the year by the child's age band at the review (AgeBand 0-4, then 5: no date of birth) and
  /// code (PN0..PN7, then none).
  std::array<std::array<std::size_t, 9>, 6> participation_by_age{};
  /// The IROs and the team at each month end of the year, April first (empty without a roster).
  std::vector<CaseloadCheck> month_end_caseloads;
  Continuity iro_changes;                  ///< Changes of IRO for children in the year (continuity(roster, from, to)).
  std::vector<TargetCheck> targets;        ///< The policy's local targets, each met or not met in the year.
  PreMeetingFigures pre_meeting;           ///< Social workers' reports before the reviews held in the year.
  std::vector<CancelledReview> cancelled;  ///< Reviews cancelled in the year, by the day they were to be held.
  std::vector<AgreedLateReview> agreed_late;  ///< Reviews due in the year held late for an agreed reason.
  NotificationFigures notification;           ///< Notification of the children who entered care in the year.
  std::vector<std::string> roster_children;   ///< Child ids by roster index (for the rows behind caseload figures).
  std::vector<Allocation> allocation_spans;   ///< The roster's allocations (the rows behind month-end caseloads).
  std::vector<ProfileTable> profile;          ///< Who the children are: the population profile's tables.

  // The rows behind the figures (report_query() reads them).
  std::vector<std::string> children;                    ///< The ids the rows below refer to, by index.
  std::vector<DueReview> due_reviews;                   ///< Reviews due in the three years.
  std::vector<HeldReview> held_reviews;                 ///< Reviews held in the three years.
  std::vector<std::pair<std::uint32_t, Date>> midways;  ///< Midway reviews in the year (child, date).
  std::vector<CareSpell> spells;                        ///< Periods of care overlapping the three years.
  std::vector<ChildFacts> facts;                        ///< What the profile keeps of each child, by index.
  std::vector<std::pair<std::uint32_t, Date>> overdue;  ///< Overdue on 31 March (child, due date).
  std::array<std::vector<std::pair<std::uint32_t, Date>>, 2> overdue_before;  ///< The same, one and two years before.
  std::vector<std::pair<std::size_t, std::string>> allocated;                 ///< On 31 March: (IRO index, child id).
  std::array<std::vector<std::pair<std::size_t, std::string>>, 2> allocated_before;  ///< One and two years before.
  std::vector<std::string> dispute_ids;  ///< Each dispute's id, by register index.
  std::vector<std::vector<std::string>>
      dispute_categories;                                  ///< Each dispute's categories ({"(none)"}: none), by index.
  std::vector<std::vector<std::string>> dispute_children;  ///< Each dispute's children, by register index.
  std::vector<DisputeTally> dispute_tallies;               ///< How each dispute counts, by register index.
  std::array<std::vector<DisputeTally>, 2> dispute_tallies_before;  ///< The same, one and two years before.

  // Every figure, listed once when the report is computed (report_figures.hpp reads them).
  std::vector<Figure> figures;                                ///< In the report's order.
  std::unordered_map<std::string, std::size_t> figure_index;  ///< Name -> index into figures.
};

/// How annual_report() computes (never what it computes: every choice gives the same report).
struct ReportOptions {
  /// Threads to use, the calling one included: 0 for two when there are enough children to pay for a
  /// thread (4,096 or more) and the machine has two cores, 1 for the calling thread alone.
  unsigned threads = 0;
};

/// Computes the report for the reporting year starting 1 April @p year, once: the tables, the rows
/// behind them and the list of figures. The children are evaluated on two threads when there are many
/// (see ReportOptions); the report is the same either way.
/// @param book the casebook.
/// @param policy the policy.
/// @param calendar the working-day calendar; the policy's closure days are added to it.
/// @param year the first calendar year of the reporting year (1900 to 2198).
/// @param options how to compute it.
/// @return the report.
/// @throws Error Status::invalid_argument when the casebook has no child looked after in the year;
///         Status::out_of_range for a year outside 1900-2198; as DisputeRegister::add() and add_event()
///         when a saved dispute does not fit the policy's ladder or categories.
Report annual_report(const Casebook& book, const Policy& policy, const Calendar& calendar, int year,
                     const ReportOptions& options = {});

/// "2024/25" for 2024.
/// @param year the reporting year's first calendar year.
/// @return the label.
std::string year_label(int year);

}  // namespace iro

#endif
