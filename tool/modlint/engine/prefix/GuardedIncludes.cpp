#include "engine/prefix/GuardedIncludes.h"

#include "clang/Lex/HeaderSearch.h"

namespace modlint {

void GuardedIncludes::InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                                         llvm::StringRef, bool, clang::CharSourceRange,
                                         clang::OptionalFileEntryRef File, llvm::StringRef,
                                         llvm::StringRef, const clang::Module *, bool,
                                         clang::SrcMgr::CharacteristicKind) {
  const clang::SourceManager &Sources = PP.getSourceManager();
  if (Sources.isInMainFile(HashLoc))
    Named[Sources.getPresumedLineNumber(HashLoc)] = File;
}

void GuardedIncludes::EndOfMainFile() {
  AllGuarded = llvm::all_of(Lines, [this](unsigned Line) {
    auto Found = Named.find(Line);
    return Found != Named.end() && Found->second &&
           PP.getHeaderSearchInfo().isFileMultipleIncludeGuarded(*Found->second);
  });
}

} // namespace modlint
