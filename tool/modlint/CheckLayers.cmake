# Checks that no file of a layer of tool/modlint includes a header of a
# layer it does not use (directly or through the layers it uses), and that
# nothing in checks/ includes the tool. Run by the build (`modlint_layering`)
# and by its own tests.
#
#   cmake -DROOT=tool/modlint -DCHECKS=checks \
#         -DLAYER_SPEC="core=|config=core|engine/prefix=core,engine/parse|..." \
#         -P CheckLayers.cmake
#
# Includes of the tool's own headers are spelled from ROOT, with the layer
# folder first ("engine/prefix/SharedPrefix.h"), so a file's layer and the
# layer of each header it includes are both read off the path.

cmake_minimum_required(VERSION 3.20)

string(REPLACE "|" ";" entries "${LAYER_SPEC}")
set(layers "")
foreach(entry IN LISTS entries)
  if(entry STREQUAL "")
    continue()
  endif()
  string(REPLACE "=" ";" parts "${entry}")
  list(GET parts 0 layer)
  list(LENGTH parts count)
  set(uses "")
  if(count GREATER 1)
    list(GET parts 1 uses_text)
    string(REPLACE "," ";" uses "${uses_text}")
  endif()
  list(APPEND layers "${layer}")
  set("USES_${layer}" "${uses}")
endforeach()

# What each layer may include: itself and every layer it reaches.
foreach(layer IN LISTS layers)
  set(reach "${layer}")
  set(queue ${USES_${layer}})
  while(queue)
    list(POP_FRONT queue next)
    if(NOT next IN_LIST reach)
      list(APPEND reach "${next}")
      list(APPEND queue ${USES_${next}})
    endif()
  endwhile()
  set("REACH_${layer}" "${reach}")
endforeach()

# The layer a path spelled from ROOT belongs to: the longest layer folder
# it starts with.
function(layer_of path out)
  set(best "")
  foreach(layer IN LISTS layers)
    string(LENGTH "${layer}" length)
    string(LENGTH "${best}" best_length)
    if(path MATCHES "^${layer}/[^/]+$" AND length GREATER best_length)
      set(best "${layer}")
    endif()
  endforeach()
  set(${out} "${best}" PARENT_SCOPE)
endfunction()

function(quoted_includes file out)
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  set(found "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*$" "\\1" header "${line}")
    list(APPEND found "${header}")
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

set(problems "")
foreach(layer IN LISTS layers)
  file(GLOB files "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.cpp")
  foreach(file IN LISTS files)
    file(RELATIVE_PATH shown "${ROOT}" "${file}")
    get_filename_component(directory "${file}" DIRECTORY)
    quoted_includes("${file}" headers)
    foreach(header IN LISTS headers)
      layer_of("${header}" target)
      if(header MATCHES "\\.\\./" OR EXISTS "${directory}/${header}" AND NOT target)
        list(APPEND problems "${shown}: \"${header}\": spell the tool's headers from tool/modlint, layer folder first")
      elseif(target AND NOT target IN_LIST REACH_${layer})
        string(REPLACE ";" ", " allowed "${REACH_${layer}}")
        list(APPEND problems "${shown}: \"${header}\" is in layer '${target}', but '${layer}' may use only: ${allowed}")
      endif()
    endforeach()
  endforeach()
endforeach()

# The checks are below the whole tool: they include none of it.
if(CHECKS)
  file(GLOB_RECURSE check_files "${CHECKS}/*.h" "${CHECKS}/*.cpp")
  foreach(file IN LISTS check_files)
    quoted_includes("${file}" headers)
    foreach(header IN LISTS headers)
      layer_of("${header}" target)
      if(target OR header MATCHES "tool/")
        file(RELATIVE_PATH shown "${CHECKS}" "${file}")
        list(APPEND problems "checks/${shown}: \"${header}\": the checks never include the tool")
      endif()
    endforeach()
  endforeach()
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "layering: a layer includes a header it may not use:\n  ${text}")
endif()
