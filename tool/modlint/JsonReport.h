// The findings as JSON, for tools. The schema is documented in
// docs/json-format.md; `version` changes when it does.
#pragma once

#include "LintRunner.h"
#include "Report.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

struct ReportContext {
  std::string ProjectRoot;   // paths under it are written relative to it
  size_t Units = 0;          // translation units linted
};

/// The report's findings (not the NOLINT-suppressed ones), with their
/// fingerprints and, against a baseline, their states.
void writeJsonReport(const LintResult &Result, const Report &R,
                     const ReportContext &Context, SourcePositions &Positions,
                     llvm::raw_ostream &OS);

/// `Path` relative to `Root` when it is under it, else unchanged.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// "warning", "note" (the never-modified suggestion, a remark in clang's
/// text) or "error".
llvm::StringRef levelName(const clang::tidy::ClangTidyError &Error);

} // namespace modlint
