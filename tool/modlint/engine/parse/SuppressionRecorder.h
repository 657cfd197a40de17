// Keeps the findings that NOLINT comments suppress. clang-tidy's consumer
// drops them; a report for code scanning lists them with a suppression
// instead, so this consumer sits in front of it, records what the context
// says is suppressed, and forwards every diagnostic unchanged.
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <vector>

namespace modlint {

class SuppressionRecorder : public clang::DiagnosticConsumer {
public:
  SuppressionRecorder(clang::tidy::ClangTidyContext &Context,
                      clang::DiagnosticConsumer &Next)
      : Context(Context), Next(Next) {}

  void BeginSourceFile(const clang::LangOptions &LangOpts,
                       const clang::Preprocessor *PP) override {
    Next.BeginSourceFile(LangOpts, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

  std::vector<clang::tidy::ClangTidyError> take() { return std::move(Suppressed); }

private:
  clang::tidy::ClangTidyContext &Context;
  clang::DiagnosticConsumer &Next;
  std::vector<clang::tidy::ClangTidyError> Suppressed;
  /// Notes follow their warning: they belong to the last one recorded.
  bool LastWasSuppressed = false;
};

} // namespace modlint
