// SARIF 2.1.0 (OASIS standard, referenced by section as §x.y below) for
// code-scanning tools, built with llvm::json.
#pragma once

#include "report/Report.h"
#include "catalog/RuleCatalog.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

struct SarifContext {
  std::string ProjectRoot; // the %SRCROOT% base of every URI
  const LintResult &Result; // its failed, crashed and missing units
};

void writeSarif(const Report &R, const std::vector<Rule> &Rules,
                const SarifContext &Context, SourcePositions &Positions,
                llvm::raw_ostream &OS);

/// A baseline to commit (--write-baseline): the findings that are not
/// suppressed, as a SARIF log that --baseline reads, in a form that diffs
/// well: sorted by file, check, message and fingerprint; no line numbers,
/// tool version, time or absolute path, so that an unrelated edit, another
/// machine or another modlint version leaves it unchanged.
void writeBaselineLog(const Report &R, const std::string &ProjectRoot, llvm::raw_ostream &OS);

} // namespace modlint
