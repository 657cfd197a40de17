// Asks clang-tidy's own NOLINT handling whether a comment silences a check
// at a place where no diagnostic is emitted: a write that only contributes
// a note to modlint-mutable-member's finding at the member's declaration.
#pragma once

#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace modlint {

class NoLintLines {
public:
  explicit NoLintLines(clang::SourceManager &Sources);
  ~NoLintLines();
  NoLintLines(const NoLintLines &) = delete;
  NoLintLines &operator=(const NoLintLines &) = delete;

  /// A `NOLINT`, `NOLINTNEXTLINE` or `NOLINTBEGIN`/`END` comment covering
  /// `Where` names `Check` (or no check at all), exactly as a warning of
  /// `Check` at `Where` would be suppressed.
  bool silences(clang::SourceLocation Where, llvm::StringRef Check);

private:
  class Probe;
  std::unique_ptr<Probe> Consumer;
  clang::DiagnosticsEngine Engine;
  unsigned ProbeId;
};

} // namespace modlint
