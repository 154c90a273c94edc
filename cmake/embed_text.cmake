# cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=name -DHEADER=header.hpp
#       -P embed_text.cmake
#
# Writes a C++ source that defines NAMESPACE::FUNCTION(), declared in HEADER,
# returning the bytes of INPUT: how the engine and the shipped plugins carry
# their data files (word lists, the gazetteer) without reading a file at run
# time, where a stray or missing one would change what they do. Used through
# demarche_embed_text() in the top CMakeLists.txt. The
# text goes in as a raw string literal, so it is not escaped; the delimiter
# is checked to be absent from the text. The output is only rewritten when
# its content changes, so an unrelated re-run does not recompile it.
if(NOT INPUT OR NOT OUTPUT OR NOT NAMESPACE OR NOT FUNCTION OR NOT HEADER)
  message(FATAL_ERROR
          "usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=name -DHEADER=header.hpp -P embed_text.cmake")
endif()
file(READ "${INPUT}" content)
string(FIND "${content}" ")embedded\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter ')embedded\"'")
endif()
get_filename_component(input_name "${INPUT}" NAME)
set(source "// Generated from ${input_name} by embed_text.cmake. Do not edit.
#include \"${HEADER}\"

namespace ${NAMESPACE} {

std::string_view ${FUNCTION}() {
  static constexpr char kText[] = R\"embedded(${content})embedded\";
  return {kText, sizeof kText - 1};
}

}  // namespace ${NAMESPACE}
")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL source)
  file(WRITE "${OUTPUT}" "${source}")
endif()
