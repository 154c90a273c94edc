# cmake -DINPUT=gazetteer.tsv -DOUTPUT=gazetteer_data.cpp -P embed_gazetteer.cmake
#
# Writes a C++ source that defines demarche_actors::embedded_gazetteer(),
# returning the bytes of INPUT. The text goes in as a raw string literal, so
# it is not escaped; the delimiter is checked to be absent from the text.
# The output is only rewritten when its content changes, so an unrelated
# re-run does not recompile it.
if(NOT INPUT OR NOT OUTPUT)
  message(FATAL_ERROR "usage: cmake -DINPUT=file.tsv -DOUTPUT=file.cpp -P embed_gazetteer.cmake")
endif()
file(READ "${INPUT}" content)
string(FIND "${content}" ")gazetteer\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter ')gazetteer\"'")
endif()
get_filename_component(input_name "${INPUT}" NAME)
set(source "// Generated from ${input_name} by embed_gazetteer.cmake. Do not edit.
#include \"gazetteer.hpp\"

namespace demarche_actors {

std::string_view embedded_gazetteer() {
  static constexpr char kText[] = R\"gazetteer(${content})gazetteer\";
  return {kText, sizeof kText - 1};
}

}  // namespace demarche_actors
")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL source)
  file(WRITE "${OUTPUT}" "${source}")
endif()
