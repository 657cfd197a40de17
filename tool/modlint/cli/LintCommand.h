// The lint command: select the units, plan their jobs, run them, report,
// and decide the exit code.
#pragma once

#include "cli/CommandLine.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>

namespace modlint {

/// `Fixed`: the database made of `FILE... -- ARGS`, when that form was used.
int lintCommand(const CommandLine &Cmd,
                std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);

} // namespace modlint
