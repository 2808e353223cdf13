# Installs the build tree into a fresh prefix, then configures, builds and runs tests/consumer against
# it with find_package, and compiles the C program again with pkg-config. Variables: BUILD_DIR,
# SOURCE_DIR, WORK_DIR, GENERATOR, C_COMPILER, CXX_COMPILER, EXTRA_FLAGS.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
endfunction()

if(DEB)
  # The Debian package (CPack), unpacked into a temporary root: what `apt install ./iro_*.deb` would put in /usr.
  run(cpack -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK_DIR}/deb)
  file(GLOB debs ${WORK_DIR}/deb/*.deb)
  list(GET debs 0 deb)
  run(dpkg-deb --info ${deb})
  run(dpkg-deb -x ${deb} ${WORK_DIR}/root)
  set(prefix ${WORK_DIR}/root/usr)
  run(${prefix}/bin/iro wd add 2024-03-25 20)
  execute_process(COMMAND ${prefix}/bin/iro report --demo OUTPUT_VARIABLE report RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT report MATCHES "IRO annual report 2024/25")
    message(FATAL_ERROR "the packaged iro report --demo failed (${rc}):\n${report}")
  endif()
  message(STATUS "deb_tool: the packaged iro tool reported on the demo council")
else()
  run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
endif()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    "-DCMAKE_C_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer_c)
run(${WORK_DIR}/build/consumer_cpp)

# pkg-config: the .pc file finds headers and library relative to where it was installed.
file(GLOB_RECURSE pc_files ${prefix}/*/iro.pc)
list(GET pc_files 0 pc_file)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pc_dir})
execute_process(COMMAND pkg-config --cflags --libs iro OUTPUT_VARIABLE flags RESULT_VARIABLE rc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config could not find iro in ${pc_dir}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
run(${C_COMPILER} -std=c99 -Wall -Wextra -pedantic -Werror ${extra} ${SOURCE_DIR}/main.c ${flags}
    -o ${WORK_DIR}/consumer_pkgconfig)
get_filename_component(lib_dir ${pc_dir} DIRECTORY)
set(ENV{LD_LIBRARY_PATH} ${lib_dir})
run(${WORK_DIR}/consumer_pkgconfig)

# The installed Python package finds the installed library by itself (no IRO_LIBRARY).
if(PYTHON_CHECK)
  unset(ENV{IRO_LIBRARY})
  unset(ENV{LD_LIBRARY_PATH})
  file(GLOB_RECURSE py_init ${prefix}/*/iro/python/iro/__init__.py)
  list(GET py_init 0 py_init)
  get_filename_component(py_pkg ${py_init} DIRECTORY)
  get_filename_component(py_path ${py_pkg} DIRECTORY)
  set(ENV{PYTHONPATH} ${py_path})
  run(/usr/bin/python3 -c "import datetime, iro\nprint('consumer_python:', iro.library_path(), iro.Calendar.builtin().add_working_days(datetime.date(2024, 3, 25), 20))")
endif()
