# Runs the iro tool and checks its exit status as well as its output (iro_tool_test checks output only).
#   cmake -DTOOL=path/to/iro -DARGS="a::b::c" -DEXIT=1 -DREGEX="..." [-DFIFO=path] -P tool_expect.cmake
# ARGS separates the tool's arguments with "::". REGEX must match stdout followed by stderr. FIFO, when
# given, is created as a named pipe (nothing ever writes to it) before the run and removed after it. The
# run is killed after 20 seconds, so a tool that blocks on a pipe fails instead of hanging.
string(REPLACE "::" ";" args "${ARGS}")
if(DEFINED FIFO)
  file(REMOVE "${FIFO}")
  execute_process(COMMAND mkfifo "${FIFO}" RESULT_VARIABLE made)
  if(NOT made EQUAL 0)
    message(FATAL_ERROR "mkfifo ${FIFO} failed: ${made}")
  endif()
endif()
execute_process(COMMAND "${TOOL}" ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 20)
if(DEFINED FIFO)
  file(REMOVE "${FIFO}")
endif()
set(all "${out}${err}")
string(REPLACE ";" " " args "${args}")
if(NOT "${rc}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "iro ${args}: exit status ${rc}, expected ${EXIT}\n${all}")
endif()
if(NOT all MATCHES "${REGEX}")
  message(FATAL_ERROR "iro ${args}: output does not match ${REGEX}\n${all}")
endif()
message(STATUS "iro ${args}: exit ${rc} as expected\n${all}")
