#include "SourcePositions.h"

#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace modlint {

Position SourcePositions::at(const std::string &File, unsigned Offset) {
  auto [Entry, Inserted] = LineStarts.try_emplace(File);
  std::vector<unsigned> &Starts = Entry->second;
  if (Inserted) {
    if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
      llvm::StringRef Text = (*Buffer)->getBuffer();
      Starts.push_back(0);
      for (size_t I = 0; I < Text.size(); ++I)
        if (Text[I] == '\n')
          Starts.push_back(static_cast<unsigned>(I + 1));
    }
  }
  if (Starts.empty())
    return {};
  auto Line = std::upper_bound(Starts.begin(), Starts.end(), Offset) - 1;
  return {static_cast<unsigned>(Line - Starts.begin()) + 1,
          Offset - *Line + 1};
}

} // namespace modlint
