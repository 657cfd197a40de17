#include "engine/parse/SuppressionRecorder.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;
using clang::tidy::ClangTidyError;

namespace modlint {

namespace {
tooling::DiagnosticMessage messageOf(const Diagnostic &Info) {
  SmallString<256> Text;
  Info.FormatDiagnostic(Text);
  if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
    return tooling::DiagnosticMessage(Text);
  const SourceManager &Sources = Info.getSourceManager();
  tooling::DiagnosticMessage Message(Text, Sources,
                                     Sources.getFileLoc(Info.getLocation()));
  for (const CharSourceRange &Range : Info.getRanges())
    Message.Ranges.emplace_back(Sources, Range);
  return Message;
}
} // namespace

void SuppressionRecorder::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                           const Diagnostic &Info) {
  if (Level == DiagnosticsEngine::Note) {
    if (LastWasSuppressed)
      Suppressed.back().Notes.push_back(messageOf(Info));
  } else {
    LastWasSuppressed = false;
    const std::string Check = Context.getCheckName(Info.getID());
    SmallVector<tooling::Diagnostic, 1> Ignored;
    // Only the checks' own findings; compiler errors are never suppressed.
    if (!Check.empty() && Level != DiagnosticsEngine::Error &&
        Context.shouldSuppressDiagnostic(Level, Info, Ignored)) {
      ClangTidyError Error(Check,
                           Level == DiagnosticsEngine::Remark
                               ? ClangTidyError::Remark
                               : ClangTidyError::Warning,
                           Context.getCurrentBuildDirectory(),
                           /*IsWarningAsError=*/false);
      Error.Message = messageOf(Info);
      Suppressed.push_back(std::move(Error));
      LastWasSuppressed = true;
    }
  }
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  Next.HandleDiagnostic(Level, Info);
}

} // namespace modlint
