# Installs the build into a fresh prefix and checks that the installed binary
# finds the installed rules by itself (no --rules, no $DEMARCHE_RULES) and
# loads every shipped plugin of the build from the installed plugin folder
# (no --plugins, no $DEMARCHE_PLUGINS).
# Run by ctest with -DBUILD_DIR=... -DPREFIX=... -DSAMPLE=...
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${installed}")
endif()
if(NOT EXISTS "${PREFIX}/share/demarche/rules/common.rules")
  message(FATAL_ERROR "rules were not installed under ${PREFIX}/share/demarche/rules")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env --unset=DEMARCHE_RULES
          "${PREFIX}/bin/demarche" classify --input text --format tsv "${SAMPLE}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "installed demarche failed (${status}): ${err}")
endif()
if(NOT out MATCHES "expulsion")
  message(FATAL_ERROR "installed demarche found no expulsion in the sample:\n${out}")
endif()

# The shipped learned weights are installed beside the rules and used by default.
if(NOT EXISTS "${PREFIX}/share/demarche/rules/weights.tsv")
  message(FATAL_ERROR "rules/weights.tsv was not installed under ${PREFIX}/share/demarche/rules")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env --unset=DEMARCHE_RULES
          "${PREFIX}/bin/demarche" explain --no-plugins "Ruritania expelled two envoys."
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "Scoring with learned weights \\(${PREFIX}/share/demarche/rules/weights.tsv\\)")
  message(FATAL_ERROR "installed demarche did not score with the installed weights (${status}):\n${out}${err}")
endif()

# Whatever plugins/ holds today: every plugin the build made is installed
# and loaded.
file(GLOB built RELATIVE "${BUILD_DIR}/lib/demarche/plugins"
     "${BUILD_DIR}/lib/demarche/plugins/*.so")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env --unset=DEMARCHE_PLUGINS
          "${PREFIX}/bin/demarche" plugins list
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "installed demarche refused a shipped plugin (${status}):\n${out}${err}")
endif()
# Lines "NAME VERSION API loaded PATH": the file names loaded.
string(REPLACE "\n" ";" lines "${out}")
set(loaded)
foreach(line IN LISTS lines)
  if(line MATCHES " loaded +(.*)$")
    get_filename_component(name "${CMAKE_MATCH_1}" NAME)
    list(APPEND loaded "${name}")
  endif()
endforeach()
foreach(file IN LISTS built)
  if(NOT EXISTS "${PREFIX}/lib/demarche/plugins/${file}")
    message(FATAL_ERROR "shipped plugin ${file} was not installed in ${PREFIX}/lib/demarche/plugins")
  endif()
  if(NOT file IN_LIST loaded)
    message(FATAL_ERROR "installed demarche did not load the installed ${file}:\n${out}")
  endif()
endforeach()
file(REMOVE_RECURSE "${PREFIX}")
