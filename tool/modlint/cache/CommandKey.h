// What of a compile command goes into a cache key. The command's directory
// matters to a parse only through the relative paths its arguments name
// (`-I../include`, `-include config.h`, the input, a compiler spelled
// `../bin/clang++`): those are made absolute against it, and the directory
// itself is left out, so a build directory moved or copied next to where it
// was (or a checkout moved with its build directory) keeps its cache.
// Where an argument may be a relative path whose meaning modlint does not
// know, the directory stays in the key: a miss costs a parse, a wrong hit
// costs findings.
#pragma once

#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace modlint {

/// The command's arguments with every relative path resolved against its
/// directory, followed by the directory itself when some argument might
/// still depend on it.
std::vector<std::string> commandKeyParts(const clang::tooling::CompileCommand &Command);

} // namespace modlint
