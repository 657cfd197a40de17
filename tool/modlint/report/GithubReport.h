// GitHub Actions workflow commands: one `::warning file=...::message` line
// per finding, which the runner turns into annotations on the diff.
#pragma once

#include "report/Report.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

void writeGithubAnnotations(const Report &R, const std::string &ProjectRoot,
                            SourcePositions &Positions, llvm::raw_ostream &OS);

/// Escapes a workflow command's message (`%`, CR, LF) or, with
/// `Property`, a property value (also `:` and `,`).
std::string escapeWorkflowValue(llvm::StringRef Text, bool Property);

} // namespace modlint
