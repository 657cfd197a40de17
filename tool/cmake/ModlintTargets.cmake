# modlint_add_target(<target> [FAIL_ON <level>] [ARGS <modlint flags>...])
#
# Lints <target>'s C and C++ sources as build steps: one `modlint --unit`
# rule per source, whose depfile makes Ninja or Make lint it again exactly
# when a file it read changes, and a target <target>_modlint that merges
# the units' reports (cross-unit lock order included) into
# ${CMAKE_BINARY_DIR}/modlint/<target>.json, prints the new findings and
# fails when one is at or above FAIL_ON (default: warning). The units run
# with the build's parallelism, and with whatever distributes or caches its
# steps; one step before them (modlint_prefixes_<hash of ARGS>, shared by
# every target linted with the same ARGS) precompiles the library headers
# they start with into modlint's cache, for them to share (none with
# --no-cache or --no-shared-prefix in ARGS). The prefix and merge steps read
# their file lists from response files (`@FILE`), so a target of any size
# stays within the system's command-line limit. Needs
# CMAKE_EXPORT_COMPILE_COMMANDS (the units' commands come from
# compile_commands.json) and MODLINT_EXECUTABLE (set by find_package).
include_guard(GLOBAL)

# `paths` as response-file arguments, in `out`: each single-quoted, with
# the backslashes and quotes in it escaped (LLVM's GNU tokenizer honours
# backslashes inside quotes too).
function(_modlint_quoted out paths)
  set(quoted "")
  foreach(path IN LISTS paths)
    string(REPLACE "\\" "\\\\" path "${path}")
    string(REPLACE "'" "\\'" path "${path}")
    list(APPEND quoted "'${path}'")
  endforeach()
  set(${out} "${quoted}" PARENT_SCOPE)
endfunction()

# Writes `arguments` (quoted ones, or a generator expression giving them)
# to `file` at generate time, one per line, for `@file`.
function(_modlint_response_file file arguments)
  file(GENERATE OUTPUT "${file}" CONTENT "$<JOIN:${arguments},\n>\n")
endfunction()

function(modlint_add_target target)
  # The response files live with CMake's own generated files, not beside
  # the reports: deleting build/modlint to lint afresh must not take the
  # lists the steps read (they are written at generate time only).
  set(_modlint_lists "${CMAKE_BINARY_DIR}/CMakeFiles/modlint")
  cmake_parse_arguments(PARSE_ARGV 1 ML "" "FAIL_ON" "ARGS")
  if(NOT MODLINT_EXECUTABLE)
    message(FATAL_ERROR "modlint_add_target: set MODLINT_EXECUTABLE, or find_package(modlint)")
  endif()
  if(NOT CMAKE_EXPORT_COMPILE_COMMANDS)
    message(FATAL_ERROR "modlint_add_target: needs CMAKE_EXPORT_COMPILE_COMMANDS=ON")
  endif()
  if(NOT ML_FAIL_ON)
    set(ML_FAIL_ON warning)
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  set(files "")
  foreach(source IN LISTS sources)
    if(source MATCHES "\\.(c|cc|cpp|cxx|c\\+\\+|C)$")
      cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" NORMALIZE OUTPUT_VARIABLE file)
      list(APPEND files "${file}")
    endif()
  endforeach()
  # The library headers the units start with, precompiled once into the
  # cache before the units' steps, which then share them. One step for
  # every target linted with the same ARGS, so that it precompiles the
  # prefixes of all of them with all of modlint's threads before any unit
  # step starts (Ninja would otherwise start one target's units while the
  # next target's prefix waits); a target-level dependency: ordered before
  # the units, never a reason to run them again.
  set(prefixes "")
  if(files AND NOT "--no-cache" IN_LIST ML_ARGS AND NOT "--no-shared-prefix" IN_LIST ML_ARGS)
    string(MD5 args_hash "${ML_ARGS}")
    string(SUBSTRING "${args_hash}" 0 8 args_hash)
    set(prefixes modlint_prefixes_${args_hash})
    if(NOT TARGET ${prefixes})
      set(sources_file "${_modlint_lists}/${prefixes}.sources")
      _modlint_response_file("${sources_file}" "$<TARGET_PROPERTY:${prefixes},MODLINT_FILES>")
      add_custom_target(${prefixes}
        COMMAND "${MODLINT_EXECUTABLE}" --keep-prefixes -p "${CMAKE_BINARY_DIR}"
                "@${sources_file}" ${ML_ARGS}
        COMMENT "modlint: precompiling the library headers the units start with"
        VERBATIM)
    endif()
    _modlint_quoted(quoted_files "${files}")
    set_property(TARGET ${prefixes} APPEND PROPERTY MODLINT_FILES ${quoted_files})
  endif()
  set(reports "")
  foreach(file IN LISTS files)
    cmake_path(RELATIVE_PATH file BASE_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE name)
    # A source outside the source tree (`../common/log.cpp`) keeps its
    # report inside the target's directory, spelling `..` as CMake's object
    # paths do.
    string(REPLACE "../" "__/" name "${name}")
    set(report "${CMAKE_BINARY_DIR}/modlint/${target}/${name}.json")
    # Under Ninja, the step runs in the top build directory and names its
    # report relative to it, as Ninja names it, so that the depfile
    # modlint writes is Ninja's as it stands (CMP0116 OLD): no `cmake -E
    # cmake_transform_depfile` process after each step, which would cost
    # a tenth of a small one. Other generators transform it themselves.
    set(output "${report}")
    set(workdir "${CMAKE_CURRENT_BINARY_DIR}")
    cmake_policy(PUSH)
    if(CMAKE_GENERATOR STREQUAL "Ninja" AND POLICY CMP0116)
      cmake_policy(SET CMP0116 OLD)
      cmake_path(RELATIVE_PATH report BASE_DIRECTORY "${CMAKE_BINARY_DIR}" OUTPUT_VARIABLE output)
      set(workdir "${CMAKE_BINARY_DIR}")
    endif()
    add_custom_command(
      OUTPUT "${report}"
      COMMAND "${MODLINT_EXECUTABLE}" --unit "${file}" -p "${CMAKE_BINARY_DIR}"
              -o "${output}" --depfile "${output}.d" ${ML_ARGS}
      DEPENDS "${file}" "${MODLINT_EXECUTABLE}" ${prefixes}
      DEPFILE "${report}.d"
      WORKING_DIRECTORY "${workdir}"
      COMMENT "modlint ${name}"
      VERBATIM)
    cmake_policy(POP)
    list(APPEND reports "${report}")
  endforeach()
  set(merged "${CMAKE_BINARY_DIR}/modlint/${target}.json")
  set(report_list "")
  if(reports)
    set(report_list "${_modlint_lists}/${target}.reports")
    _modlint_quoted(quoted_reports "${reports}")
    _modlint_response_file("${report_list}" "${quoted_reports}")
    set(report_list "@${report_list}")
  endif()
  add_custom_command(
    OUTPUT "${merged}"
    COMMAND "${MODLINT_EXECUTABLE}" merge ${report_list} -o "${merged}" --fail-on none -q
    DEPENDS ${reports}
    COMMENT "modlint: merging the reports of ${target}"
    VERBATIM)
  add_custom_target(${target}_modlint
    COMMAND "${MODLINT_EXECUTABLE}" merge "${merged}" --format text --fail-on ${ML_FAIL_ON}
    DEPENDS "${merged}"
    COMMENT "modlint: ${target}"
    VERBATIM)
endfunction()
