#include "report/FindingStream.h"

using clang::tidy::ClangTidyError;

namespace modlint {

FindingStream::FindingStream(std::string ProjectRoot, const Baseline *Old, bool Colors)
    : ProjectRoot(std::move(ProjectRoot)), HasBaseline(Old != nullptr),
      BaselinePrints(Old ? baselineFingerprints(*Old) : std::set<std::string>()),
      Printer(OS, Colors) {}

bool FindingStream::isNew(const ClangTidyError &Error) {
  if (!HasBaseline)
    return true;
  const std::string Base = fingerprintBase(Error, ProjectRoot, Positions);
  const std::string Print = Base + ":" + std::to_string(BaseCounts[Base]++);
  return !BaselinePrints.count(Print);
}

std::string FindingStream::unit(const UnitResult &Result) {
  std::vector<const ClangTidyError *> Fresh;
  for (const ClangTidyError &Error : Result.Diagnostics)
    Fresh.push_back(&Error);
  auto Key = [](const ClangTidyError *E) {
    return FindingKey(E->Message.FilePath, E->Message.FileOffset, E->DiagnosticName,
                      E->Message.Message);
  };
  // The order and the key of the runner's merge (sortAndDeduplicate).
  llvm::stable_sort(Fresh, [&](const ClangTidyError *A, const ClangTidyError *B) {
    return Key(A) < Key(B);
  });
  for (const ClangTidyError *Error : Fresh)
    if (Seen.insert(Key(Error)).second && isNew(*Error))
      Printer.print(*Error);
  OS.flush();
  return std::exchange(Text, std::string());
}

} // namespace modlint
