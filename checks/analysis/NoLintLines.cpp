#include "NoLintLines.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace modlint {

/// Receives the probe diagnostic (which carries the location the handler
/// reads) and hands it to clang-tidy's handler; nothing is printed.
class NoLintLines::Probe : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    // A NOLINTBEGIN without its END is reported by the front-end's own
    // consumer, once; here it only means "not silenced".
    llvm::SmallVector<tooling::Diagnostic, 1> Ignored;
    Silenced = Handler.shouldSuppress(Level, Info, Check, Ignored, /*AllowIO=*/true,
                                      /*EnableNoLintBlocks=*/true);
  }
  tidy::NoLintDirectiveHandler Handler;
  llvm::StringRef Check;
  bool Silenced = false;
};

NoLintLines::NoLintLines(SourceManager &Sources)
    : Consumer(std::make_unique<Probe>()),
      Engine(new DiagnosticIDs(), new DiagnosticOptions(), Consumer.get(),
             /*ShouldOwnClient=*/false),
      ProbeId(Engine.getCustomDiagID(DiagnosticsEngine::Warning, "probe")) {
  Engine.setSourceManager(&Sources);
}

NoLintLines::~NoLintLines() = default;

bool NoLintLines::silences(SourceLocation Where, llvm::StringRef Check) {
  if (Where.isInvalid())
    return false;
  Consumer->Check = Check;
  Consumer->Silenced = false;
  Engine.Report(Where, ProbeId);
  return Consumer->Silenced;
}

} // namespace modlint
