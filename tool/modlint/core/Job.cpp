#include "core/Job.h"

#include "llvm/ADT/STLExtras.h"
#include <utility>
#include <vector>

namespace modlint {

std::string configurationKey(const clang::tidy::ClangTidyOptions &Options) {
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> Pairs;
  for (const auto &Option : Options.CheckOptions)
    Pairs.emplace_back(Option.getKey(), Option.getValue().Value);
  llvm::sort(Pairs);
  std::string Key = Options.Checks.value_or("");
  for (const auto &[Name, Value] : Pairs) {
    Key += '\0';
    Key += Name;
    Key += '\0';
    Key += Value;
  }
  return Key;
}

} // namespace modlint
