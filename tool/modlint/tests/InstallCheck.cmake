# `cmake --install` into a scratch prefix, then the installed command's
# --help must point at the installed documentation, which must be there.
# -DBUILD=<build dir> -DPREFIX=<scratch prefix>
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
                RESULT_VARIABLE Installed OUTPUT_QUIET)
if(NOT Installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${Installed}")
endif()
foreach(File bin/modlint lib/libmodlint-tidy.so include/modlint/annotations.hpp
        lib/cmake/modlint/modlint-config.cmake lib/cmake/modlint/ModlintTargets.cmake
        share/doc/modlint/cli.md share/doc/modlint/checks/modlint-mutable-member.md)
  if(NOT EXISTS ${PREFIX}/${File})
    message(FATAL_ERROR "not installed: ${File}")
  endif()
endforeach()
execute_process(COMMAND ${PREFIX}/bin/modlint --help OUTPUT_VARIABLE Help RESULT_VARIABLE Status)
string(FIND "${Help}" "Documentation: ${PREFIX}/share/doc/modlint/cli.md" At)
if(NOT Status EQUAL 0 OR At EQUAL -1)
  message(FATAL_ERROR "--help does not name the installed docs:\n${Help}")
endif()
file(REMOVE_RECURSE ${PREFIX})
