// `iro disputes EVENTS.csv --from DATE --to DATE`: the register's figures for a period, and its open disputes.
#include <cstdio>
#include <iomanip>
#include <ostream>

#include "commands.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"

namespace iro::tool {

int run_disputes(const Args& args, std::ostream& out) {
  std::optional<Date> from, to;
  std::string file, policy_name = "england";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--from" && has)
      from = Date::parse(args[++i]);
    else if (args[i] == "--to" && has)
      to = Date::parse(args[++i]);
    else if (args[i] == "--policy" && has)
      policy_name = args[++i];
    else if (args[i].rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else
      file = args[i];
  }
  if (file.empty() || !from || !to) {
    throw Error(Status::invalid_argument,
                "usage: iro disputes EVENTS.csv --from DATE --to DATE [--policy P]\n"
                "  columns: dispute_id, date, action [, stage, child_id, iro_id, category]");
  }
  const Policy policy = policy_name == "england" ? Policy::england() : Policy::from_file(policy_name);
  DisputeRegister reg(policy, policy.calendar(Calendar::england_and_wales()));
  load_disputes_csv(reg, file);
  const DisputeFigures f = reg.figures(*from, *to);
  char buf[64];
  out << "Disputes " << *from << " to " << *to << " (" << policy.id << " ladder:";
  for (const LadderStage& s : policy.ladder.stages) out << " " << s.name;
  out << ")\n\n";
  out << "  raised                 " << f.raised << "\n";
  out << "  informal challenges    " << f.informal_raised << ", of which " << f.became_formal << " became formal\n";
  out << "  resolved               " << f.resolved << "\n";
  for (const auto& [stage, n] : f.resolved_at) out << "    at " << std::left << std::setw(19) << stage << n << "\n";
  out << "  withdrawn              " << f.withdrawn << "\n";
  out << "  referred to Cafcass    " << f.cafcass << "\n";
  std::snprintf(buf, sizeof buf, "%.1f (median), %.1f (90th percentile)", f.median_working_days, f.p90_working_days);
  out << "  working days to resolve " << buf << "\n";
  out << "  open on " << *to << "        " << f.open << ", of which " << f.overdue << " overdue\n";
  for (const auto& [stage, n] : f.open_by_stage) out << "    at " << std::left << std::setw(19) << stage << n << "\n";
  out << "  children concerned     " << f.children << "\n";
  out << "  issues (categories)    " << f.issues << "\n";
  out << "  formal in the period   " << f.formal << ", for " << f.formal_children << " children\n";
  out << "  raised by category\n";
  for (const auto& [category, n] : f.by_category) out << "    " << std::left << std::setw(22) << category << n << "\n";
  out << "  resolved by category\n";
  for (const auto& [category, n] : f.resolved_by_category)
    out << "    " << std::left << std::setw(22) << category << n << "\n";
  out << "\nOpen disputes on " << *to << "\n";
  for (std::size_t i = 0; i < reg.disputes().size(); ++i) {
    const DisputeState s = reg.state(i, *to);
    if (s.status != DisputeStatus::open) continue;
    const Dispute& d = reg.disputes()[i];
    out << "  " << d.id << " (child " << d.children_text() << ", IRO " << d.officer
        << "): " << policy.ladder.stages[*s.stage].name;
    if (s.response_due) out << ", response due " << *s.response_due;
    if (s.formal_deadline) out << ", formal process ends " << *s.formal_deadline;
    out << (s.overdue ? " - OVERDUE" : "") << "\n";
  }
  return exit_ok;
}

}  // namespace iro::tool
