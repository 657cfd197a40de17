// Whether the headers some lines of a prefix's header name are guarded
// against a second inclusion (`#pragma once` or an include guard, as Clang's
// header search records them): lines that come from a header a unit still
// includes itself (IncludeExpansion.h) are read twice, and only a guarded
// header makes the second reading a no-op, as it is in the plain parse.
#pragma once

#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <vector>

namespace modlint {

class GuardedIncludes : public clang::PPCallbacks {
public:
  /// `Lines`: 1-based lines of the main file. `AllGuarded` is set at the
  /// main file's end.
  GuardedIncludes(clang::Preprocessor &PP, std::vector<unsigned> Lines, bool &AllGuarded)
      : PP(PP), Lines(std::move(Lines)), AllGuarded(AllGuarded) {}

  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &IncludeTok,
                          llvm::StringRef FileName, bool IsAngled,
                          clang::CharSourceRange FilenameRange, clang::OptionalFileEntryRef File,
                          llvm::StringRef SearchPath, llvm::StringRef RelativePath,
                          const clang::Module *SuggestedModule, bool ModuleImported,
                          clang::SrcMgr::CharacteristicKind FileType) override;
  void EndOfMainFile() override;

private:
  clang::Preprocessor &PP;
  const std::vector<unsigned> Lines;
  bool &AllGuarded;
  std::map<unsigned, clang::OptionalFileEntryRef> Named;
};

} // namespace modlint
