// `iro export SOURCE --as-of DATE [--format csv|json|903] [--policy P] [--out FILE]`: computed schedules for
// other systems. A child that cannot be evaluated is a row (CSV) or object (JSON) with its error; the
// others are still written.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <ostream>

#include "commands.hpp"
#include "iro/data/casebook.hpp"
#include "iro/core/error.hpp"
#include "iro/data/export.hpp"
#include "iro/data/ssda903.hpp"

namespace iro::tool {

void write_output_file(const std::string& path, const std::string& text) {
  const std::string temp = path + ".partial";
  bool ok = false;
  {
    std::ofstream f(temp, std::ios::binary);
    ok = f && (f << text) && f.flush();
  }
  std::error_code ec;
  if (ok) std::filesystem::rename(temp, path, ec);
  if (!ok || ec) {
    std::filesystem::remove(temp, ec);
    throw Error(Status::io, "cannot write " + quote(path, 256) + "; nothing was written");
  }
}

int run_export(const Args& args, std::ostream& out) {
  std::string source, format = "csv", file, policy_name = "england";
  std::optional<Date> as_of;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--as-of" && has)
      as_of = Date::parse(args[++i]);
    else if (args[i] == "--format" && has)
      format = args[++i];
    else if (args[i] == "--out" && has)
      file = args[++i];
    else if (args[i] == "--policy" && has)
      policy_name = args[++i];
    else if (args[i].rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else
      source = args[i];
  }
  if (source.empty() || (format != "903" && !as_of) || (format != "csv" && format != "json" && format != "903")) {
    throw Error(
        Status::invalid_argument,
        "usage: iro export CASEBOOK.cbk|903_DIR --as-of DATE [--format csv|json|903] [--policy P] [--out FILE]");
  }
  const Policy policy = load_policy(policy_name);
  std::error_code ec;
  const std::vector<Child> children = std::filesystem::is_directory(source, ec)
                                          ? import_903_directory(source, ImportMode::lenient).children
                                          : Casebook::load(source).children;
  const Calendar cal = policy.calendar(Calendar::england_and_wales());
  // One bad child never stops the others: it is an error row; the command says how many and exits 1.
  std::size_t refused = 0;
  const std::string text = format == "903"    ? reviews_903_csv(children)
                           : format == "json" ? schedule_json(children, policy, cal, *as_of, &refused)
                                              : schedule_csv(children, policy, cal, *as_of, &refused);
  if (file.empty()) {
    out << text;
  } else {
    write_output_file(file, text);
    out << "wrote " << children.size() << " children's " << (format == "903" ? "reviews" : "schedules") << " to "
        << file << "\n";
  }
  if (refused > 0) {
    std::cerr << "iro export: " << refused << " of " << children.size()
              << " children could not be evaluated; each is an error row with its reason\n";
    return exit_failed;
  }
  return exit_ok;
}

}  // namespace iro::tool
