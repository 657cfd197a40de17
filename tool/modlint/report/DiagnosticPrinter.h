// Prints findings in clang's format (`file:line:col: warning: message
// [check]`, the source line with a caret, then notes) through clang's own
// TextDiagnosticPrinter, coloured when asked.
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace modlint {

class DiagnosticPrinter {
public:
  DiagnosticPrinter(llvm::raw_ostream &OS, bool Colors);
  ~DiagnosticPrinter();
  void print(const clang::tidy::ClangTidyError &Error);

private:
  clang::SourceLocation location(llvm::StringRef FilePath, unsigned Offset,
                                 llvm::StringRef BuildDirectory);
  void emit(const clang::tooling::DiagnosticMessage &Message,
            clang::DiagnosticsEngine::Level Level, llvm::StringRef Text,
            llvm::StringRef BuildDirectory);

  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Options;
  clang::FileManager Files;
  std::unique_ptr<clang::DiagnosticConsumer> Printer;
  clang::DiagnosticsEngine Engine;
  clang::SourceManager Sources;
};

} // namespace modlint
