#include "NamePatterns.h"

#include "llvm/ADT/STLExtras.h"

namespace modlint {

std::vector<llvm::GlobPattern> namePatterns(const std::vector<std::string> &Globs) {
  std::vector<llvm::GlobPattern> Patterns;
  for (const std::string &Glob : Globs)
    if (auto Pattern = llvm::GlobPattern::create(Glob))
      Patterns.push_back(std::move(*Pattern));
    else
      llvm::consumeError(Pattern.takeError());
  return Patterns;
}

bool matchesAnyName(const std::vector<llvm::GlobPattern> &Patterns,
                    llvm::StringRef QualifiedName) {
  return llvm::any_of(Patterns, [&](const llvm::GlobPattern &Pattern) {
    return Pattern.match(QualifiedName);
  });
}

} // namespace modlint
