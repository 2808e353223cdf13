// `iro policy show|check|diff`: policies as data, and testing a policy change before adopting it.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "commands.hpp"
#include "iro/data/child_json.hpp"
#include "iro/core/error.hpp"
#include "iro/rules/policy_diff.hpp"

namespace iro::tool {
namespace {

void show(const Policy& p, std::ostream& out) {
  out << p.id << ": " << p.title << "\n  loaded from " << p.source << "\n  " << p.describe() << "\n";
  const auto regime = [&](const char* name, const RegimeRules& r) {
    for (const RuleVersion& v : r.versions) {
      out << "  " << name << (v.from ? " from " + v.from->iso() : std::string()) << ": first "
          << describe(v.first.interval) << " (" << v.first.cite << "), second " << describe(v.second.interval) << " ("
          << v.second.cite << "), then " << describe(v.subsequent.interval) << " (" << v.subsequent.cite << ")";
      if (v.commenced) out << "; in force from " << *v.commenced;
      out << "\n";
    }
  };
  regime("standard", p.standard);
  regime("short_breaks", p.short_breaks);
  regime("adoption_placed", p.adoption_placed);
  out << "  adoption_authorised: review within " << describe(p.authorised.interval) << " of authority to place ("
      << p.authorised.cite << ")\n";
  out << "  return to the agency: ";
  if (p.after_return)
    out << "review within " << describe(p.after_return->interval) << " (" << p.after_return->cite << ")\n";
  else
    out << "6 months after the previous review (" << p.standard.versions.back().subsequent.cite
        << "); no local review\n";
  out << "  records within " << p.record_working_days << " working days; reports " << p.report_working_days_before
      << " working days before; midway at " << p.midway_percent << "%";
  if (p.midway_target_percent) out << " (target " << *p.midway_target_percent << "% of reviews)";
  out << "; booked at " << p.booking_percent << "% of the interval\n";
  // The local targets, each with where it comes from.
  const std::pair<const char*, const std::optional<std::int32_t>*> targets[] = {
      {"timeliness_target_percent", &p.timeliness_target_percent},
      {"participation_target_percent", &p.participation_target_percent},
      {"records_target_percent", &p.records_target_percent},
      {"midway_target_percent", &p.midway_target_percent},
      {"pre_meeting_target_percent", &p.pre_meeting_target_percent}};
  for (const auto& [key, value] : targets) {
    if (!*value) continue;
    const auto source = p.target_sources.find(key);
    out << "  target " << key << " " << **value << "%"
        << (source == p.target_sources.end() ? std::string(" (no source given)") : " (" + source->second + ")") << "\n";
  }
  out << "  caseload band " << p.caseload_low << "-" << p.caseload_high << " children per FTE\n  ladder:";
  for (const LadderStage& s : p.ladder.stages) {
    out << " " << s.name << (s.response_working_days ? " (" + std::to_string(*s.response_working_days) + " WD)" : "");
  }
  out << "; formal process " << p.ladder.formal_limit_working_days << " WD; bypass "
      << (p.ladder.bypass ? "allowed" : "not allowed") << "\n";
  if (!p.dispute_categories.empty()) {
    out << "  categories:";
    for (const DisputeCategory& c : p.dispute_categories) out << " " << c.code;
    out << "\n";
  }
}

std::vector<std::string> json_files(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    if (entry.path().extension() == ".json" && entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Policy load_policy(const std::string& name) {
  if (name == "england") return Policy::builtin(name);
  return Policy::from_file(name);
}

int run_policy(const Args& args, std::ostream& out) {
  const std::string sub = args.empty() ? "" : args[0];
  if (sub == "show" && args.size() == 2) {
    show(load_policy(args[1]), out);
    return exit_ok;
  }
  if (sub == "check" && args.size() >= 2) {
    for (std::size_t i = 1; i < args.size(); ++i) {
      const Policy p = load_policy(args[i]);
      out << args[i] << ": ok (" << p.id << ", " << p.source << ")\n";
    }
    return exit_ok;
  }
  if (sub == "diff" && args.size() >= 4) {
    std::optional<Date> as_of;
    std::vector<std::string> paths;
    for (std::size_t i = 3; i < args.size(); ++i) {
      if (args[i] == "--as-of" && i + 1 < args.size())
        as_of = Date::parse(args[++i]);
      else
        paths.push_back(args[i]);
    }
    const Policy a = load_policy(args[1]), b = load_policy(args[2]);
    std::vector<Child> children;
    std::vector<Date> dates;
    std::vector<RefusedChild> refused;  // children that could not be read: listed, never stopping the others
    for (const std::string& path : paths) {
      for (const std::string& file : json_files(path)) {
        DatedChildren d = children_from_file_lenient(file);
        refused.insert(refused.end(), d.refused.begin(), d.refused.end());
        for (std::size_t i = 0; i < d.children.size(); ++i) {
          const std::optional<Date> when = d.as_of[i] ? d.as_of[i] : as_of;
          if (!when)
            throw Error(Status::invalid_argument, file + " gives children without an as-of date: add --as-of DATE");
          // A case's child is named by its file, since cases reuse ids.
          if (d.as_of[i]) d.children[i].id = std::filesystem::path(file).stem().string() + ":" + d.children[i].id;
          children.push_back(std::move(d.children[i]));
          dates.push_back(*when);
        }
      }
    }
    const PolicyDiff diff = diff_policies(children, dates, a, b, Calendar::england_and_wales());
    out << diff_report(diff, a.id, b.id);
    if (refused.empty()) return exit_ok;
    out << "\nRefused: " << refused.size() << " children could not be read and are not in the diff\n";
    for (const RefusedChild& r : refused) out << "  " << r.message << " [" << status_name(r.status) << "]\n";
    return exit_failed;
  }
  throw Error(
      Status::invalid_argument,
      "usage: iro policy show POLICY | iro policy check POLICY... | iro policy diff A B PATH... [--as-of DATE]\n"
      "  (POLICY is \"england\" or a policy file; PATH is schedule case files, children files or directories)");
}

}  // namespace iro::tool
