// What a lint run leaves behind: the report in the chosen format (on
// standard output or written whole to a file), and the fix-its applied or
// exported.
#pragma once

#include "cli/CommandLine.h"
#include "core/Findings.h"
#include "report/JsonReport.h"
#include "report/Report.h"
#include "report/SourcePositions.h"
#include <optional>

namespace modlint {

/// Whether text findings go to standard output as units finish
/// (report/FindingStream.h): text, not to a file, and no --sort.
bool streamsFindings(const CommandLine &Cmd);

/// Whether text on standard output is coloured.
bool textColors(const CommandLine &Cmd);

/// Writes the report (of streamed findings, only the cross-unit ones are
/// left to write); an exit code when it could not be written.
int writeReport(const LintResult &Result, const Report &R, const CommandLine &Cmd,
                const ReportContext &Context, SourcePositions &Positions);

/// --fix and --export-fixes, on the findings that are reported; an exit
/// code when they failed.
int handleFixes(const CommandLine &Cmd, const LintResult &Result);

/// --write-baseline (and `modlint baseline update`): the report's findings
/// as the baseline to commit. Exit code 2 when it cannot be written.
int writeBaselineFile(const CommandLine &Cmd, const Report &R, const std::string &ProjectRoot);

/// An error when `Output` (if given) is one of `Inputs`: writing the report
/// there would overwrite what the run reads.
llvm::Error refuseOutputOverInput(const std::string &Output, const std::vector<std::string> &Inputs);

/// The --baseline the command names, read (none when it names none): read
/// before linting, so that a bad baseline does not cost a whole run.
llvm::Expected<std::optional<Baseline>> baselineOf(const CommandLine &Cmd);

/// Prints `modlint: error: MESSAGE` and returns the usage exit code.
int usageError(const std::string &Message);

} // namespace modlint
