/// @file child.hpp
/// @brief The model of one looked-after child: periods of care, regime switches, reviews, placements.
///
/// Plain value types. A Child holds only ids, dates and codes (no names or addresses). Validation is
/// separate (validate()), so data can be built in any order and checked once.
#ifndef IRO_CHILD_HPP
#define IRO_CHILD_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iro/core/date.hpp"
#include "iro/core/error.hpp"

namespace iro {

/// The rule a chain of reviews follows (tests/conformance/FORMAT.md, "Regimes").
enum class Regime : std::int32_t {
  standard = 0,             ///< CPPCR 2010 reg 33: 20 working days, then 3 months, then 6 months.
  short_breaks = 1,         ///< CPPCR 2010 reg 48: 3 months from the first short break, then 6 months.
  adoption_placed = 2,      ///< Adoption Agencies Regulations 2005 reg 36(3): 4 weeks, 3 months, 6 months.
  adoption_authorised = 3,  ///< AAR 2005 reg 36(1): a switch from standard; the next review within 3 months.
};

/// The name of a regime as in the case format ("adoption_placed").
/// @param regime the regime.
/// @return a static string ("unknown" for a value outside the enum).
const char* regime_name(Regime regime) noexcept;

/// The regime with a given name.
/// @param name "standard", "short_breaks", "adoption_placed" or "adoption_authorised".
/// @return the regime, or std::nullopt for any other name.
std::optional<Regime> regime_from_name(std::string_view name) noexcept;

/// SSDA903 participation codes (REVIEW_CODE): how the child took part in the review.
enum class Participation : std::int32_t {
  none = -1,  ///< Not recorded.
  pn0 = 0,    ///< PN0: child under 4 at the time of the review.
  pn1 = 1,    ///< PN1: attended and spoke for themselves.
  pn2 = 2,    ///< PN2: attended, an advocate spoke.
  pn3 = 3,    ///< PN3: attended, conveyed views symbolically (non-verbally).
  pn4 = 4,    ///< PN4: attended, did not speak or convey views.
  pn5 = 5,    ///< PN5: did not attend, briefed an advocate.
  pn6 = 6,    ///< PN6: did not attend, conveyed views by another method.
  pn7 = 7,    ///< PN7: did not attend and did not convey views.
};

/// Parses "PN0".."PN7" (an empty text is Participation::none).
/// @param code the text.
/// @return the code, or std::nullopt for anything else.
std::optional<Participation> participation_from_code(std::string_view code) noexcept;

/// The text of a participation code ("PN3"; "" for none).
/// @param code the code.
/// @return a static string.
const char* participation_code(Participation code) noexcept;

/// The DfE wording of a participation code (SSDA903 guidance, REVIEW_CODE), as annual reports print it
/// ("PN1: Child physically attends and speaks for him or herself"); "" for none.
/// @param code the code.
/// @return a static string.
const char* participation_wording(Participation code) noexcept;

/// The DfE age bands of the looked-after children statistics (age in whole years on a day).
enum class AgeBand : std::int32_t {
  under_1 = 0,       ///< Under 1.
  one_to_4 = 1,      ///< 1 to 4.
  five_to_9 = 2,     ///< 5 to 9.
  ten_to_15 = 3,     ///< 10 to 15.
  sixteen_plus = 4,  ///< 16 and over.
};

/// The age in whole years on a day of someone born on @p dob (a 29 February birthday falls on 1 March in
/// a year that is not a leap year, as eighteenth_birthday() has it).
/// @param dob the date of birth.
/// @param day the day (before @p dob: 0).
/// @return the age.
int age_on(Date dob, Date day) noexcept;

/// The DfE age band on a day.
/// @param dob the date of birth.
/// @param day the day.
/// @return the band.
AgeBand age_band(Date dob, Date day) noexcept;

/// The name of an age band as figure names use it: "under_1", "1_4", "5_9", "10_15", "16_plus".
/// @param band the band.
/// @return a static string ("unknown" outside the enum).
const char* age_band_name(AgeBand band) noexcept;

/// The words of an age band as tables print it: "under 1", "1-4", "5-9", "10-15", "16 and over".
/// @param band the band.
/// @return a static string ("unknown" outside the enum).
const char* age_band_words(AgeBand band) noexcept;

/// The child's sex as the SSDA903 header records it (SEX: 1 male, 2 female).
enum class Sex : std::int32_t {
  not_recorded = 0,  ///< No SEX value (or no SEX column: the profile then says "not supplied").
  male = 1,          ///< SEX 1.
  female = 2,        ///< SEX 2.
};

/// The DfE's ethnic groups of the SSDA903 ETHNIC codes (docs/report.md names each group's codes).
enum class EthnicGroup : std::int32_t {
  white = 0,         ///< WBRI, WIRI, WIRT, WOTH, WROM.
  mixed = 1,         ///< MWBC, MWBA, MWAS, MOTH.
  asian = 2,         ///< Asian or Asian British: AIND, APKN, ABAN, AOTH, CHNE.
  black = 3,         ///< Black or Black British: BCRB, BAFR, BOTH.
  other = 4,         ///< Other ethnic group: OOTH.
  refused = 5,       ///< Refused or information not yet obtained: REFU, NOBT.
  not_recorded = 6,  ///< No ETHNIC value.
};

/// The group of an SSDA903 ETHNIC code.
/// @param code the code ("WBRI"); "" is EthnicGroup::not_recorded.
/// @return the group, or std::nullopt for a text that is no ETHNIC code.
std::optional<EthnicGroup> ethnic_group(std::string_view code) noexcept;

/// Why a time in care ended, grouped from the SSDA903 reason episode ceased (REC) as the DfE reports it.
enum class LeavingReason : std::int32_t {
  adopted = 0,               ///< E11, E12: adopted.
  special_guardianship = 1,  ///< E43, E44, E45, E46, E47, E48: special guardianship order.
  child_arrangements = 2,    ///< E41: residence or child arrangements order.
  returned_home = 3,         ///< E13, E4A, E4B: returned home to parents or others with parental responsibility.
  independent_living = 4,    ///< E5, E6: moved into independent living.
  aged_18 = 5,               ///< E15, E17, or care cut at the 18th birthday with no earlier reason.
  other = 6,                 ///< E2, E3, E7, E8, E9, E14, E16 (and X1 where a period ends).
  not_recorded = 7,          ///< No REC on the episode that ended the period.
};

/// The group of an SSDA903 REC code.
/// @param code the code ("E4A"); "" is LeavingReason::not_recorded.
/// @return the group, or std::nullopt for a text that is no REC code.
std::optional<LeavingReason> leaving_reason(std::string_view code) noexcept;

/// Whether a text is an SSDA903 legal status code (LS: C1 C2 D1 E1 J1-J3 L1-L3 V2-V4).
/// @param code the text.
/// @return true for a code.
bool is_legal_status(std::string_view code) noexcept;

/// A legal status from a day on (an SSDA903 episode's LS from its DECOM).
struct LegalStatusFrom {
  Date date;         ///< The first day it applies (the episode's DECOM).
  std::string code;  ///< The LS code ("C2").
};

/// A change of regime inside a period of care.
struct RegimeSwitch {
  Date date;                         ///< The day the new regime applies from.
  Regime regime = Regime::standard;  ///< The new regime.
};

/// One continuous time looked after.
struct Period {
  Date start;                          ///< The day the child became looked after.
  std::optional<Date> end;             ///< The first day no longer looked after; empty while still looked after.
  Regime regime = Regime::standard;    ///< The regime from the start.
  std::vector<RegimeSwitch> switches;  ///< Changes of regime, in date order.
  /// Its legal statuses, each from the day it began to apply (an SSDA903 episode's DECOM where the LS changes), in
  /// date order; the legal status on a day is the last one from on or before it (empty when not recorded).
  std::vector<LegalStatusFrom> legal_statuses = {};
  /// The reason the period ended (the REC of its last episode, "E4A"); empty while open or when not recorded.
  std::string reason_ended = {};
  /// The day the IRO service was told the child had become looked after (notifications.csv); empty when not
  /// recorded.
  std::optional<Date> notified = std::nullopt;
};

/// Why a review was held (informational: every held review counts as the next review of its chain).
enum class ReviewReason : std::int32_t {
  scheduled = 0,           ///< The planned review.
  iro_request = 1,         ///< Brought forward at the IRO's request (reg 33(3)(a)).
  significant_change = 2,  ///< Before a significant change to the care plan (reg 32(2)).
  other = 3,               ///< Any other reason.
};

/// A review meeting (held, or cancelled).
struct Review {
  Date date;                                          ///< The day it was held (or was to be held).
  bool cancelled = false;                             ///< A cancelled review is not a review.
  Participation participation = Participation::none;  ///< The PN code, when recorded.
  ReviewReason reason = ReviewReason::scheduled;      ///< Why it was held.
  /// The day the review's record (the IRO's written decisions) was circulated; empty when not recorded.
  std::optional<Date> record_sent = std::nullopt;
  /// The day the social worker's report for the review reached the IRO (pre_meeting_reports.csv); empty when not
  /// recorded.
  std::optional<Date> report_received = std::nullopt;
  /// Why a cancelled review did not take place, in the council's own words or code (review_cancellations.csv);
  /// "" when not recorded.
  std::string cancellation_reason = {};
  /// For a review held after its due date: the agreed and understood reason it was held then
  /// (review_exceptions.csv); "" when none was agreed.
  std::string exception_reason = {};
};

/// A placement (for the care plan, placement plan and visit deadlines).
struct Placement {
  Date start;               ///< The day the placement began.
  std::optional<Date> end;  ///< The day it ended; empty while it lasts.
  bool until_18 = false;    ///< Intended to last until the child is 18 (reg 28(3)(b)).
};

/// One looked-after child.
struct Child {
  std::string id;                     ///< The child's id (the 903 CHILD field).
  std::optional<Date> dob;            ///< Date of birth (for participation checks).
  std::vector<Period> periods;        ///< Periods of care, in date order.
  std::vector<Review> reviews;        ///< Reviews, in any order.
  std::vector<Placement> placements;  ///< Placements, in any order (optional).
  std::vector<Date> visits;           ///< Social worker visits (optional).
  /// Midway reviews: the IRO's checks of the care plan between two reviews (optional, in any order).
  std::vector<Date> midways = {};
  Sex sex = Sex::not_recorded;  ///< The 903 header's SEX.
  std::string ethnicity = {};   ///< The 903 header's ETHNIC code ("WBRI"); empty when not recorded.
  /// In the 903's UASC table: an unaccompanied asylum-seeking child (on any day before uasc_ceased).
  bool uasc = false;
  /// The day UASC status ceased (the UASC table's DUC); empty while it lasts.
  std::optional<Date> uasc_ceased = std::nullopt;
  /// Whether the child is an unaccompanied asylum-seeking child on @p day (listed in the UASC table, and the day
  /// before any DUC).
  /// @param day the day.
  /// @return true when UASC that day.
  bool uasc_on(Date day) const noexcept { return uasc && (!uasc_ceased || day < *uasc_ceased); }
};

/// The day a child born on @p dob attains 18 and stops being a child (Children Act 1989 s105(1)): the
/// start of the 18th anniversary (Family Law Reform Act 1969 s9); for a 29 February birth, 1 March in a
/// year that is not a leap year.
/// @param dob the date of birth.
/// @return the 18th birthday; empty when it falls after Date::max() (a child born after 2181 does not turn
///         18 within the supported dates).
std::optional<Date> eighteenth_birthday(Date dob) noexcept;

/// One continuous time looked after: periods that abut (one ends the day the next starts: a change of legal
/// status, a break between two SSDA903 episodes) joined, ending at the latest on the 18th birthday.
struct TimeInCare {
  Date start;               ///< The first day looked after.
  std::optional<Date> end;  ///< The first day no longer looked after (empty: still looked after).
  /// Whether the child is looked after on @p day: from the start, up to but not including the end.
  /// @param day the day.
  /// @return true when looked after that day.
  bool looked_after_on(Date day) const noexcept { return start <= day && (!end || day < *end); }
  /// Whether something dated @p day (a review, a midway review) falls in this time in care: from the start
  /// up to and including the end, the day care ended (FORMAT.md: a review on the end date belongs to it).
  /// @param day the day.
  /// @return true when it falls in it.
  bool holds(Date day) const noexcept { return start <= day && (!end || day <= *end); }
};

/// One period of care on its own as a TimeInCare: not joined to a period that abuts it, not cut at the 18th
/// birthday. validate() checks dates against each period as recorded this way (a review after the 18th
/// birthday inside a period that ran on is kept, see validate()), and placement_deadlines() finds each
/// period's first placement this way; "looked after on a day" is still TimeInCare::looked_after_on().
/// @param period the period.
/// @return its start and end.
inline TimeInCare as_time_in_care(const Period& period) noexcept { return {period.start, period.end}; }

/// The child's times in care, in date order: the one definition of "looked after on a day" that the
/// schedule, the import and the report share. Periods that start on or after the 18th birthday are not in
/// care (Children Act 1989 s105(1)); a time still open then, or ending later, ends on it.
/// @param child the child (periods in date order, as validate() requires).
/// @param out where they go (cleared first; its storage is reused).
void times_in_care(const Child& child, std::vector<TimeInCare>& out);

/// Whether a child is looked after on a day (times_in_care(), the end being the first day out of care).
/// @param child the child.
/// @param day the day.
/// @return true when looked after that day.
bool looked_after_on(const Child& child, Date day);

/// Checks that a child's history can have happened, naming the child, the field and the value: periods
/// in order and not overlapping, each ending after it starts (at least one day in care), none starting
/// before the date of birth; switches inside their period, in date order
/// and allowed (adoption_authorised only from standard, or from adoption_placed on a return to the agency);
/// every held review inside a period; no review both cancelled and carrying a participation code. (A review
/// dated after the 18th birthday inside a period that ran on is kept, and evaluate() leaves it out: the
/// child was no longer looked after.)
/// @param child the child.
/// @throws Error Status::invalid_argument naming the child, the field and the value.
void validate(const Child& child);

/// A participation code that does not fit the child's age at the review.
struct ParticipationIssue {
  Date review;          ///< The review's date.
  Participation code;   ///< The code recorded.
  std::string message;  ///< Why it does not fit.
};

/// Checks participation codes against age: PN0 only under 4 at the review, PN1-PN7 only from 4; a
/// review on the 4th birthday accepts either (as the SSDA903 validator's rules 440 and 441 do).
/// Cancelled reviews and reviews without a code are not checked; a child without a date of birth has
/// no issues.
/// @param child the child.
/// @return the issues, in review order.
std::vector<ParticipationIssue> check_participation(const Child& child);

/// Whether a participation code fits the child's age at one review (the test check_participation() makes of
/// each review, and the SSDA903 import of each reviews.csv row): PN0 only under 4, PN1-PN7 only from 4, either
/// on the 4th birthday (the SSDA903 validator's rules 440 and 441).
/// @param dob the date of birth.
/// @param review the review's date.
/// @param code the code (Participation::none fits any age).
/// @return why it does not fit, or empty when it fits.
std::optional<std::string> participation_age_issue(Date dob, Date review, Participation code);

/// A child of many that could not be read or evaluated, and why. Functions over many children report a
/// bad child this way and go on with the others (children_from_json_lenient(), worklist()).
struct RefusedChild {
  std::size_t index = 0;             ///< The child's position in the input (0 = the first).
  std::string id;                    ///< Its id, when that much could be read; empty otherwise.
  Status status = Status::internal;  ///< The status of the error that refused it.
  std::string message;               ///< The error's message: the source, the child, the field and the value.
};

}  // namespace iro

#endif
