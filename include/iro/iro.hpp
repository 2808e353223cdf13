/// @file iro.hpp
/// @brief Includes the whole C++ API of iro.
#ifndef IRO_IRO_HPP
#define IRO_IRO_HPP

#include "iro/calendar.hpp"
#include "iro/conformance.hpp"
#include "iro/date.hpp"
#include "iro/error.hpp"

#endif
