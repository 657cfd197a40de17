// GitHub Actions workflow commands: one `::warning file=...::message` line
// per finding, which the runner turns into annotations on the diff.
#pragma once

#include "report/Report.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

/// GitHub shows at most this many annotations of each kind (error,
/// warning, notice) per step, and drops the rest without a word.
inline constexpr size_t AnnotationsPerKind = 10;

/// One finding as a workflow command.
struct Annotation {
  std::string Command; // error, warning or notice
  std::string File;    // relative to the repository
  unsigned Line, Column, EndLine, EndColumn;
  std::string Title; // the check
  std::string Message;
};

/// The workflow command for a finding's level: error, notice (a
/// suggestion) or warning.
const char *annotationCommand(llvm::StringRef Level);

/// The annotations, in order; past AnnotationsPerKind of a kind, plain log
/// lines and one notice saying how many were not annotated.
void writeAnnotations(const std::vector<Annotation> &Annotations, llvm::raw_ostream &OS);

void writeGithubAnnotations(const Report &R, const std::string &ProjectRoot,
                            SourcePositions &Positions, llvm::raw_ostream &OS);

/// Escapes a workflow command's message (`%`, CR, LF) or, with
/// `Property`, a property value (also `:` and `,`).
std::string escapeWorkflowValue(llvm::StringRef Text, bool Property);

} // namespace modlint
