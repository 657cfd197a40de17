#include "core/Findings.h"

#include <algorithm>
#include <iterator>

namespace modlint {

namespace {
/// `Into` and `From`, sorted, each name once.
void unite(std::vector<std::string> &Into, const std::vector<std::string> &From) {
  std::vector<std::string> Both;
  std::vector<std::string> Sorted = From;
  std::sort(Sorted.begin(), Sorted.end());
  std::sort(Into.begin(), Into.end());
  std::set_union(Into.begin(), Into.end(), Sorted.begin(), Sorted.end(), std::back_inserter(Both));
  Both.erase(std::unique(Both.begin(), Both.end()), Both.end());
  Into = std::move(Both);
}
} // namespace

void ModuleCensus::add(const ModuleCensus &Other) {
  Modules += Other.Modules;
  unite(DeclaredBases, Other.DeclaredBases);
  unite(Ancestors, Other.Ancestors);
}

} // namespace modlint
