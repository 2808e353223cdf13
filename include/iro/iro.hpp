/// @file iro.hpp
/// @brief Includes the whole C++ API of iro.
#ifndef IRO_IRO_HPP
#define IRO_IRO_HPP

#include "iro/core/calendar.hpp"
#include "iro/data/casebook.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/model/child.hpp"
#include "iro/data/child_json.hpp"
#include "tools/conformance.hpp"
#include "iro/data/council.hpp"
#include "iro/core/date.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"
#include "iro/data/export.hpp"
#include "iro/model/import_report.hpp"
#include "iro/model/policy.hpp"
#include "iro/rules/policy_diff.hpp"
#include "iro/report/report.hpp"
#include "iro/report/report_figures.hpp"
#include "iro/report/report_format.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/rules/schedule.hpp"
#include "iro/data/ssda903.hpp"
#include "tools/synth.hpp"

#endif
