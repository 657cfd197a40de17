// One unit as one build step: `modlint --unit FILE -p BUILD -o OUT.json
// --depfile OUT.d` lints one file's commands and writes a report that
// `modlint merge` combines with the others (cross-unit lock order
// included), and a depfile naming every file the unit read, so that Ninja
// or Make lint it again exactly when one of them changes. The build graph
// the team already distributes and caches then runs the linter
// (cmake/ModlintTargets.cmake adds such rules for a target).
#pragma once

#include "cli/CommandLine.h"
#include "core/Findings.h"

namespace CLI {
class App;
}

namespace modlint {

/// --unit and --depfile.
void addUnitFlags(CLI::App &App, CommandLine &Out);

/// After parsing: a --unit run lints that file alone, quietly, and writes
/// JSON and exits 0 on findings unless --format or --fail-on say otherwise
/// (the gate is the merge). An error for a combination that cannot work.
std::optional<std::string> applyUnitMode(const CLI::App &App, CommandLine &Out);

/// A --unit run creates the missing directories of its report and depfile,
/// as Ninja does for a step's outputs (Make and other runners do not).
/// One that cannot be made is left to the outputs' check to report.
void makeStepDirectories(const CommandLine &Cmd);

/// Writes --depfile, if given: the report's path, then every file the run
/// read. An exit code when it could not be written.
int writeDepfile(const CommandLine &Cmd, const LintResult &Result);

} // namespace modlint
