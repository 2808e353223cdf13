// SSDA903 tables: the first byte picks the table the input stands for (the others are a small valid
// return). Lenient import never throws on a bad row; every child it keeps passes validate(); the
// report's counts agree with its list of issues; strict mode fails exactly when lenient rejects a row.
#include <string>

#include "fuzz_check.hpp"
#include "iro/core/error.hpp"
#include "iro/data/ssda903.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  if (size == 0) return 0;
  Ssda903Files f;
  f.header = "CHILD,DOB\n1,01/06/2015\n2,02/02/2010\n";
  f.episodes = "CHILD,DECOM,RNE,LS,DEC\n1,25/03/2024,S,C2,\n2,01/02/2023,S,V3,01/06/2024\n";
  f.reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/06/2015,19/04/2024,PN1\n";
  f.placed_for_adoption = "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n";
  f.review_records = "CHILD,REVIEW,RECORD_SENT\n1,19/04/2024,03/05/2024\n";
  f.midway_reviews = "CHILD,MIDWAY\n1,01/06/2024\n";
  std::string* tables[] = {&f.header,         &f.episodes,      &f.reviews, &f.placed_for_adoption,
                           &f.review_records, &f.midway_reviews};
  *tables[data[0] % 6] = std::string(fuzz::text(data + 1, size - 1));
  Ssda903Import lenient;
  try {
    lenient = import_903(f, ImportMode::lenient);
  } catch (const Error& e) {
    fuzz::check(e.status() == Status::parse || e.status() == Status::invalid_argument,
                "whole-file errors are parse errors");
    return 0;
  }
  std::size_t rejected = 0, doubtful = 0;
  for (const ImportIssue& i : lenient.report.issues) (i.rejected ? rejected : doubtful)++;
  fuzz::check(rejected == lenient.report.rejected && doubtful == lenient.report.doubtful,
              "counts agree with the issues");
  fuzz::check(lenient.report.children == lenient.children.size(), "children counted");
  for (const Child& c : lenient.children) {
    try {
      validate(c);
    } catch (const Error&) {
      fuzz::check(false, "every imported child validates");
    }
  }
  bool strict_failed = false;
  try {
    import_903(f, ImportMode::strict);
  } catch (const Error&) {
    strict_failed = true;
  }
  fuzz::check(strict_failed == (rejected > 0), "strict fails exactly when lenient rejects a row");
  return 0;
}
