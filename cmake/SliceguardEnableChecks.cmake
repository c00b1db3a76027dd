# sliceguard_enable_checks(<target> [CHECKS <glob>...] [WERROR]
#                          [HEADER_FILTER <regex>])
#
# Loads the sliceguard plugin into clang while <target>'s C sources compile,
# so findings appear as compiler warnings (errors with WERROR).  CHECKS takes
# clang-tidy style globs ("-*" "map-*"); HEADER_FILTER also checks headers
# whose path matches.
#
# The plugin only loads into the clang major it was built for.  Under gcc,
# or a clang of another major, the target builds unchanged and a status
# message says why the checks are off; run sliceguard-check in CI instead.
include_guard(GLOBAL)

function(sliceguard_enable_checks target)
  cmake_parse_arguments(PARSE_ARGV 1 SG "WERROR" "HEADER_FILTER" "CHECKS")
  if(SG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "sliceguard_enable_checks: unknown arguments "
      "'${SG_UNPARSED_ARGUMENTS}'")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "sliceguard_enable_checks: no target named "
      "'${target}'")
  endif()

  get_property(plugin_target GLOBAL PROPERTY SLICEGUARD_PLUGIN_TARGET)
  get_property(plugin_path GLOBAL PROPERTY SLICEGUARD_PLUGIN_PATH)
  get_property(plugin_major GLOBAL PROPERTY SLICEGUARD_PLUGIN_LLVM_MAJOR)
  if(plugin_target)
    set(plugin "$<TARGET_FILE:${plugin_target}>")
  elseif(plugin_path)
    set(plugin "${plugin_path}")
  else()
    message(STATUS "sliceguard: checks are off for '${target}': this "
      "sliceguard was built without its plugin")
    return()
  endif()

  if(NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(STATUS "sliceguard: checks are off for '${target}': the C "
      "compiler is ${CMAKE_C_COMPILER_ID} ${CMAKE_C_COMPILER_VERSION}, the "
      "plugin needs clang ${plugin_major} (use sliceguard-check in CI)")
    return()
  endif()
  string(REGEX MATCH "^[0-9]+" compiler_major "${CMAKE_C_COMPILER_VERSION}")
  if(NOT compiler_major STREQUAL plugin_major)
    message(STATUS "sliceguard: checks are off for '${target}': the plugin "
      "was built for clang ${plugin_major}, the C compiler is clang "
      "${CMAKE_C_COMPILER_VERSION} (${CMAKE_C_COMPILER})")
    return()
  endif()

  set(flags "-fplugin=${plugin}")
  if(SG_CHECKS)
    list(JOIN SG_CHECKS "," globs)
    list(APPEND flags "-fplugin-arg-sliceguard-checks=${globs}")
  endif()
  if(SG_WERROR)
    list(APPEND flags "-fplugin-arg-sliceguard-werror")
  endif()
  if(DEFINED SG_HEADER_FILTER)
    list(APPEND flags
      "-fplugin-arg-sliceguard-header-filter=${SG_HEADER_FILTER}")
  endif()
  foreach(flag IN LISTS flags)
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C>:${flag}>")
  endforeach()
  if(plugin_target)
    # Built in the same tree (add_subdirectory): the plugin must exist before
    # any of the target's files compile.  add_dependencies alone does not
    # order that under Ninja (objects only wait for their dependencies'
    # custom commands, not their link steps), so every source also depends
    # on the plugin file -- which also re-checks the sources when the checks
    # change.  Deferred to the end of the directory so that sources added
    # after this call are covered too.
    add_dependencies(${target} ${plugin_target})
    get_property(plugin_file GLOBAL PROPERTY SLICEGUARD_PLUGIN_FILE)
    get_property(multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
    if(plugin_file AND NOT multi_config)
      # A deferred call expands its arguments when it runs, where these
      # function locals are gone: EVAL puts their values in now.
      cmake_language(EVAL CODE "cmake_language(DEFER CALL
        _sliceguard_sources_need_plugin [[${target}]] [[${plugin_file}]])")
    endif()
  endif()
  message(STATUS "sliceguard: checks are on for '${target}'")
endfunction()

# Adds plugin_file to the OBJECT_DEPENDS of every source of target.
function(_sliceguard_sources_need_plugin target plugin_file)
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  foreach(source IN LISTS sources)
    if(source MATCHES "\\$<") # generator expressions name no file yet
      continue()
    endif()
    if(NOT IS_ABSOLUTE "${source}")
      set(source "${source_dir}/${source}")
    endif()
    set_property(SOURCE "${source}" TARGET_DIRECTORY ${target}
      APPEND PROPERTY OBJECT_DEPENDS "${plugin_file}")
  endforeach()
endfunction()
