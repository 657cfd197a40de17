// The findings of a report modlint wrote (SARIF or JSON), read back into
// one plain shape: what `modlint merge` prints as text or GitHub
// annotations, and counts for its summary.
#pragma once

#include "report/GithubReport.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace modlint {

struct PlainNote {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Message;
};

struct PlainFinding {
  std::string Check;
  std::string Level; // warning, suggestion or error
  std::string Message;
  std::string File; // relative to the project root when under it
  unsigned Line = 0, Column = 0, EndLine = 0, EndColumn = 0;
  std::vector<PlainNote> Notes;
  bool Suppressed = false; // by NOLINT
  bool Unchanged = false;  // in the baseline
};

/// The findings of a SARIF log or JSON report, in its order, suppressed
/// ones included (marked).
std::vector<PlainFinding> plainFindings(const llvm::json::Value &Report);

/// clang's text format without the source lines: `file:line:col: level:
/// message [check]` and a `note:` line for each note; only what is neither
/// suppressed nor in the baseline.
void writePlainText(const std::vector<PlainFinding> &Findings, llvm::raw_ostream &OS);

/// The same findings as GitHub annotations.
std::vector<Annotation> annotationsOf(const std::vector<PlainFinding> &Findings);

} // namespace modlint
