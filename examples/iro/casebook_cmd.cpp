// `iro synth` (a synthetic council) and `iro casebook FILE` (a saved casebook's contents).
#include <ostream>

#include "commands.hpp"
#include "iro/data/casebook.hpp"
#include "iro/core/error.hpp"
#include "tools/synth.hpp"

namespace iro::tool {

int run_synth(const Args& args, std::ostream& out) {
  SynthOptions o;
  std::string dir, save, policy_name = "england";
  bool text = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto value = [&](const char* what) -> std::string {
      if (i + 1 >= args.size()) throw Error(Status::invalid_argument, std::string(what) + " needs a value");
      return args[++i];
    };
    const auto count = [&](const char* what) {
      const long long v = parse_integer(value(what), what);
      if (v < 0 || v > 4000000000LL) throw Error(Status::out_of_range, std::string(what) + " is out of range");
      return static_cast<std::uint32_t>(v);
    };
    if (args[i] == "--children")
      o.children = count("--children");
    else if (args[i] == "--iros")
      o.officers = count("--iros");
    else if (args[i] == "--years")
      o.years = count("--years");
    else if (args[i] == "--seed")
      o.seed = static_cast<std::uint64_t>(parse_integer(value("--seed"), "--seed"));
    else if (args[i] == "--end")
      o.end = Date::parse(value("--end"));
    else if (args[i] == "--out")
      dir = value("--out");
    else if (args[i] == "--save")
      save = value("--save");
    else if (args[i] == "--text")
      text = true;
    else if (args[i] == "--policy")
      policy_name = value("--policy");
    else
      throw Error(Status::invalid_argument, "unknown option " + quote(args[i]));
  }
  if (dir.empty() && save.empty()) {
    throw Error(
        Status::invalid_argument,
        "usage: iro synth [--children N] [--iros M] [--years Y] [--seed S] [--end DATE] [--policy P] [--out DIR]\n"
        "                 [--save FILE [--text]]");
  }
  // --policy P: dispute events on P's ladder and in its categories, so that P can report on the council.
  const Policy policy = load_policy(policy_name);
  const SynthFiles files = synthesize(o.for_policy(policy));
  if (!dir.empty()) {
    write_synth_files(files, dir);
    out << "wrote a synthetic council to " << dir
        << ": header.csv, episodes.csv, reviews.csv, placed_for_adoption.csv, review_records.csv, midway_reviews.csv, "
        << "roster/{iros,allocations,absences}.csv, disputes/events.csv\n";
  }
  if (!save.empty()) {
    const Casebook book = casebook_from(files, "Synthetic council (seed " + std::to_string(o.seed) + ")", policy);
    book.save(save, text ? ArchiveFormat::text : ArchiveFormat::binary);
    out << "saved " << book.children.size() << " children, " << book.roster.officers().size() << " IROs, "
        << book.roster.allocations().size() << " allocations and " << book.disputes.size() << " disputes to " << save
        << "\n";
  }
  return exit_ok;
}

int run_casebook(const Args& args, std::ostream& out) {
  if (args.size() != 1) throw Error(Status::invalid_argument, "usage: iro casebook FILE");
  const Casebook book = Casebook::load(args[0]);
  std::size_t periods = 0, reviews = 0;
  for (const Child& c : book.children) {
    periods += c.periods.size();
    reviews += c.reviews.size();
  }
  out << args[0] << ": " << book.council << "\n  " << book.children.size() << " children, " << periods
      << " periods of care, " << reviews << " reviews\n  " << book.roster.officers().size() << " IROs, "
      << book.roster.allocations().size() << " allocations, " << book.roster.absences().size() << " absences\n  "
      << book.disputes.size() << " disputes\n";
  return exit_ok;
}

}  // namespace iro::tool
