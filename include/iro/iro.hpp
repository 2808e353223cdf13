/// @file iro.hpp
/// @brief Includes the whole C++ API of iro.
#ifndef IRO_IRO_HPP
#define IRO_IRO_HPP

#include "iro/calendar.hpp"
#include "iro/casebook.hpp"
#include "iro/caseload.hpp"
#include "iro/child.hpp"
#include "iro/child_json.hpp"
#include "iro/conformance.hpp"
#include "iro/council.hpp"
#include "iro/date.hpp"
#include "iro/dispute.hpp"
#include "iro/error.hpp"
#include "iro/export.hpp"
#include "iro/import_report.hpp"
#include "iro/policy.hpp"
#include "iro/policy_diff.hpp"
#include "iro/report.hpp"
#include "iro/report_figures.hpp"
#include "iro/report_format.hpp"
#include "iro/roster_csv.hpp"
#include "iro/schedule.hpp"
#include "iro/ssda903.hpp"
#include "iro/synth.hpp"

#endif
