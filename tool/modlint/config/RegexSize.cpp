#include "config/RegexSize.h"

#include "llvm/ADT/SmallVector.h"
#include <algorithm>

namespace modlint {

namespace {
constexpr uint64_t Saturated = MaxRegexParts + 1;

uint64_t product(uint64_t A, uint64_t B) {
  return A && B > Saturated / A ? Saturated : std::min(A * B, Saturated);
}

/// One group being read: its size so far and the size of its last atom,
/// which a repetition applies to.
struct Group {
  uint64_t Size = 0;
  uint64_t Last = 0;
  void add(uint64_t Atom) {
    Last = std::min(Atom, Saturated);
    Size = std::min(Size + Last, Saturated); // so Last <= Size
  }
};

/// The end of a bracket expression starting at `Begin` (`[`): a `]` right
/// after `[` or `[^` is a member, and `[:alpha:]` classes are skipped whole.
size_t bracketEnd(llvm::StringRef Pattern, size_t Begin) {
  size_t I = Begin + 1;
  if (I < Pattern.size() && Pattern[I] == '^')
    ++I;
  if (I < Pattern.size() && Pattern[I] == ']')
    ++I;
  while (I < Pattern.size() && Pattern[I] != ']') {
    if (Pattern[I] == '[' && I + 1 < Pattern.size() && llvm::StringRef(":.=").contains(Pattern[I + 1])) {
      const size_t Close = Pattern.find(std::string{Pattern[I + 1], ']'}, I + 2);
      I = Close == llvm::StringRef::npos ? Pattern.size() : Close + 2;
      continue;
    }
    ++I;
  }
  return I;
}

/// The largest count of a `{m}`, `{m,}` or `{m,n}` at `Begin`, and its end.
std::pair<uint64_t, size_t> repetition(llvm::StringRef Pattern, size_t Begin) {
  const size_t Close = Pattern.find('}', Begin);
  if (Close == llvm::StringRef::npos)
    return {1, Pattern.size()};
  const llvm::StringRef Bounds = Pattern.slice(Begin + 1, Close);
  auto [Low, High] = Bounds.split(',');
  uint64_t Min = 0, Max = 0;
  Low.getAsInteger(10, Min);
  if (!Bounds.contains(','))
    Max = Min;
  else if (High.getAsInteger(10, Max))
    Max = Min + 1; // `{m,}`: m copies and a loop
  return {std::max<uint64_t>({Min, Max, 1}), Close};
}
} // namespace

uint64_t regexParts(llvm::StringRef Pattern) {
  llvm::SmallVector<Group, 8> Groups(1);
  for (size_t I = 0; I < Pattern.size(); ++I) {
    Group &Current = Groups.back();
    switch (Pattern[I]) {
    case '\\':
      ++I;
      Current.add(1);
      break;
    case '[':
      I = bracketEnd(Pattern, I);
      Current.add(1);
      break;
    case '(':
      Groups.emplace_back();
      break;
    case ')':
      if (Groups.size() > 1) {
        const uint64_t Inner = Groups.pop_back_val().Size + 1;
        Groups.back().add(Inner);
      }
      break;
    case '{': {
      auto [Count, End] = repetition(Pattern, I);
      Current.Size = std::min(Current.Size - Current.Last + product(Current.Last, Count), Saturated);
      Current.Last = product(Current.Last, Count);
      I = End;
      break;
    }
    case '|':
      Current.Last = 0;
      break;
    default:
      Current.add(1);
    }
  }
  uint64_t Total = 0;
  for (const Group &G : Groups)
    Total = std::min(Total + G.Size, Saturated);
  return Total;
}

} // namespace modlint
