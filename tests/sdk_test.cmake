# A plugin author's view of the SDK: installs the build into a fresh prefix,
# builds the example plugin (docs/examples/plugin) outside the tree against
# that prefix alone, as docs/plugins.md tells an author to, and checks that
# the installed binary loads it and reports its evidence and annotation.
# Run by ctest with -DBUILD_DIR=... -DPREFIX=... -DWORK=... -DEXAMPLE=...
# -DGENERATOR=... -DMAKE_PROGRAM=... -DCXX=...
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE "${PREFIX}" "${WORK}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")

# The same generator and compiler as this build: the binary refuses a plugin
# built by another compiler family. Nothing else of this build is passed on.
set(make_program)
if(MAKE_PROGRAM)
  set(make_program "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
run("configuring the example plugin"
    "${CMAKE_COMMAND}" -S "${EXAMPLE}" -B "${WORK}" -G "${GENERATOR}" ${make_program}
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_PREFIX_PATH=${PREFIX}")
# It must have found the copy just installed, not one installed elsewhere.
file(STRINGS "${WORK}/CMakeCache.txt" found REGEX "^demarche_DIR:")
string(REGEX REPLACE "^demarche_DIR:[A-Z]*=" "" found "${found}")
file(REAL_PATH "${found}" found)
file(REAL_PATH "${PREFIX}" real_prefix)
string(FIND "${found}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "the example found another demarche package: ${found}")
endif()
run("building the example plugin" "${CMAKE_COMMAND}" --build "${WORK}")

set(plugin "${WORK}/emphasis.so")
if(NOT EXISTS "${plugin}")
  message(FATAL_ERROR "the example build made no ${plugin}")
endif()
# The binary refuses a plugin, or a folder of them, writable by group or
# others: make the test independent of the umask it runs under.
file(CHMOD "${plugin}" "${WORK}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
                                             GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(demarche "${CMAKE_COMMAND}" -E env --unset=DEMARCHE_RULES --unset=DEMARCHE_PLUGINS
             "${PREFIX}/bin/demarche")
run("demarche plugins list" ${demarche} plugins list --plugin "${plugin}")
if(NOT out MATCHES "emphasis +1\\.0\\.0 +1\\.0 +loaded ")
  message(FATAL_ERROR "the installed demarche did not load the example plugin:\n${out}")
endif()

set(sentence "France condemned in the strongest terms the attack on its embassy.")
file(WRITE "${WORK}/sentence.txt" "${sentence}\n")
run("demarche classify" ${demarche} classify --strict-plugins --plugin "${plugin}"
    "${WORK}/sentence.txt")
if(NOT out MATCHES "\"rule\":\"plugin:emphasis\"[^}]*\"plugin_note\":\"emphatic wording"
   OR NOT out MATCHES "\"attributes\":{\"emphasis\":\"strong\"}")
  message(FATAL_ERROR "classify shows no evidence or annotation of the example plugin:\n${out}")
endif()
run("demarche explain" ${demarche} explain --strict-plugins --plugin "${plugin}" "${sentence}")
if(NOT out MATCHES "plugin:emphasis: logit\\(0\\.700\\)"
   OR NOT out MATCHES "attribute emphasis=strong \\(from plugin emphasis\\)")
  message(FATAL_ERROR "explain shows no evidence or annotation of the example plugin:\n${out}")
endif()

file(REMOVE_RECURSE "${PREFIX}" "${WORK}")
