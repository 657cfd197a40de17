#include "report/Fixes.h"

#include "core/AtomicFile.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

using clang::tidy::ClangTidyError;
using clang::tooling::Replacements;

namespace modlint {

llvm::Expected<unsigned> applyFixes(const std::vector<ClangTidyError> &Findings) {
  std::map<std::string, Replacements> PerFile;
  for (const ClangTidyError &Finding : Findings)
    for (const auto &[File, Fixes] : Finding.Message.Fix)
      for (const clang::tooling::Replacement &R : Fixes)
        // A fix already there (the same finding seen twice) is not an error.
        if (llvm::Error Err = PerFile[R.getFilePath().str()].add(R))
          llvm::consumeError(std::move(Err));
  unsigned Changed = 0;
  for (const auto &[File, Fixes] : PerFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(),
                                     "cannot read '" + File + "' to fix it");
    auto Fixed = clang::tooling::applyAllReplacements((*Buffer)->getBuffer(), Fixes);
    if (!Fixed)
      return Fixed.takeError();
    if (llvm::Error Err = writeFileAtomically(File, *Fixed))
      return std::move(Err);
    ++Changed;
  }
  return Changed;
}

llvm::Error exportFixes(const std::vector<ClangTidyError> &Findings,
                        llvm::StringRef OutputFile) {
  clang::tooling::TranslationUnitDiagnostics Export;
  for (const ClangTidyError &Finding : Findings)
    if (!Finding.Message.Fix.empty())
      Export.Diagnostics.push_back(Finding);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output Yaml(OS);
  Yaml << Export;
  return writeFileAtomically(OutputFile, Text);
}

} // namespace modlint
