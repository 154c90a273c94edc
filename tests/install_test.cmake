# Installs the build into a fresh prefix and checks that the installed binary
# finds the installed rules by itself (no --rules, no $DEMARCHE_RULES).
# Run by ctest with -DBUILD_DIR=... -DPREFIX=... -DSAMPLE=...
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
file(REMOVE_RECURSE "${PREFIX}")
