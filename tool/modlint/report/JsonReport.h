// The findings as JSON, for tools. The schema is documented in
// docs/json-format.md; `version` changes when it does.
#pragma once

#include "core/Findings.h"
#include "report/Report.h"
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

} // namespace modlint
