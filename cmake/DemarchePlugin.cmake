# demarche_add_plugin(NAME SOURCES...): one demarche plugin, a shared library
# named NAME.so built against the public plugin API only, exporting nothing
# but its descriptor. Used in this repository for plugins/ and, installed with
# the SDK, by plugin authors after find_package(demarche).
function(demarche_add_plugin name)
  if(NOT ARGN)
    message(FATAL_ERROR "demarche_add_plugin(${name}): no source files given")
  endif()
  # The binary refuses a plugin built by another compiler family (its
  # build_options differ): say so now rather than at load time. Set by the
  # installed package only.
  if(DEFINED demarche_CXX_COMPILER_ID
     AND NOT CMAKE_CXX_COMPILER_ID STREQUAL demarche_CXX_COMPILER_ID)
    message(WARNING "demarche_add_plugin(${name}): demarche was built with "
                    "${demarche_CXX_COMPILER_ID}, this project uses ${CMAKE_CXX_COMPILER_ID}; "
                    "the binary will refuse the plugin (set CMAKE_CXX_COMPILER)")
  endif()
  add_library(${name} MODULE ${ARGN})
  target_link_libraries(${name} PRIVATE demarche::plugin_api)
  target_compile_features(${name} PRIVATE cxx_std_20)
  # Hidden visibility: one plugin's symbols must never resolve to another's.
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
endfunction()
