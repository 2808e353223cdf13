/// @file synth.hpp
/// @brief A synthetic council for demos, tests and benchmarks: an SSDA903 return, an IRO roster with
/// allocations and absences, and dispute events, as CSV text in the real layouts. Deterministic for a seed.
///
/// Realistic in shape, not in any person: entries and exits through the years, re-entries, series of
/// short breaks, placements for adoption, reviews mostly on time with some late first reviews,
/// participation codes in proportions like those councils report (PN0 for children under 4), IRO
/// absences, and about 7 disputes per 100 children a year, most resolved at the lower stages; about three
/// disputes in ten concern a sibling group of two or three and most name several categories, so 100 disputes
/// concern about 143 children and name about 230 issues (Bradford's 28 alerts: 40 children, 63 issues). Who the
/// children are follows the published national shares (DfE, "Children looked after in England including adoptions:
/// reporting year 2024", 31 March 2024, 83,630 children): about 57% boys (53% of those not UASC); ages on 31 March
/// about 5% under 1, 13% 1-4, 17% 5-9, 38% 10-15, 27% 16 and over; ethnicity about 71% White, 11% Mixed, 5% Asian, 7%
/// Black, 5% other, 1% refused or not obtained; legal status about 79% care orders, 4% placement orders, 16% section
/// 20; about 9% unaccompanied asylum-seeking children (nearly all boys of 16 or 17); about 10% of the children on 31
/// March with three or more placements in the year; reasons care ended led by a return home.
#ifndef IRO_SYNTH_HPP
#define IRO_SYNTH_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "iro/data/casebook.hpp"
#include "iro/model/policy.hpp"
#include "iro/core/date.hpp"

namespace iro {

/// What to generate.
struct SynthOptions {
  std::uint32_t children = 450;            ///< Children looked after at some time (1 to 2,000,000).
  std::uint32_t officers = 8;              ///< IROs (1 to 100,000).
  std::uint32_t years = 2;                 ///< Years of history up to `end` (1 to 20).
  std::uint64_t seed = 1;                  ///< The same seed gives the same council.
  Date end = Date::from_ymd(2025, 3, 31);  ///< The last day of the history (a reporting year's end).
  /// The escalation ladder's stages, in order, that dispute events name (empty: the England ladder's
  /// informal, team_manager, service_manager, head_of_service, director). from_policy() fills it.
  std::vector<std::string> ladder_stages = {};
  /// The dispute categories drawn from (empty: permanency, pathway_plan, contact, education, advocacy).
  std::vector<std::string> dispute_categories = {};

  /// These options with a policy's ladder stages and dispute categories, so that every dispute event
  /// generated fits that policy (a policy that lists no categories keeps the default ones).
  /// @param policy the policy.
  /// @return the options.
  SynthOptions for_policy(const Policy& policy) const;
};

/// The files of a synthetic council (CSV text, in the layouts iro reads).
struct SynthFiles {
  std::string header;               ///< SSDA903 header.csv.
  std::string episodes;             ///< SSDA903 episodes.csv.
  std::string reviews;              ///< SSDA903 reviews.csv.
  std::string placed_for_adoption;  ///< SSDA903 placed_for_adoption.csv.
  std::string review_records;       ///< review_records.csv (local extract): when each review's record was sent.
  std::string midway_reviews;       ///< midway_reviews.csv (local extract): the IRO's midway reviews.
  std::string officers;             ///< Roster iros.csv.
  std::string allocations;          ///< Roster allocations.csv.
  std::string absences;             ///< Roster absences.csv.
  std::string disputes;             ///< Dispute events.csv.
  std::string uasc = {};  ///< SSDA903 uasc.csv: the unaccompanied asylum-seeking children (CHILD, SEX, DOB, DUC).
  std::string pre_meeting_reports = {};   ///< pre_meeting_reports.csv (local): when each report reached the IRO.
  std::string review_cancellations = {};  ///< review_cancellations.csv (local): reviews that did not take place.
  std::string review_exceptions = {};     ///< review_exceptions.csv (local): late reviews' agreed reasons.
  std::string notifications = {};         ///< notifications.csv (local): when the IRO service was told.
};

/// Generates a council's files.
/// @param options what to generate.
/// @return the files.
/// @throws Error Status::invalid_argument for options outside their ranges.
SynthFiles synthesize(const SynthOptions& options);

/// Reads synthetic files into a casebook (strict: the generator writes no bad row).
/// @param files the files.
/// @param council the council's name.
/// @param policy the policy whose ladder and categories the dispute events fit (the England policy when
///        the files were generated without SynthOptions::for_policy()).
/// @return the casebook.
/// @throws Error the first rejected row's error (for files generated for another policy).
Casebook casebook_from(const SynthFiles& files, const std::string& council, const Policy& policy = Policy::england());

/// Writes the files into a directory (903 files at its top, roster files in roster/, disputes in
/// disputes/events.csv), creating it when needed.
/// @param files the files.
/// @param directory the directory.
/// @throws Error Status::io when a file cannot be written.
void write_synth_files(const SynthFiles& files, const std::string& directory);

}  // namespace iro

#endif
