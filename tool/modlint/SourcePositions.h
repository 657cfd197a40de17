// Line and column of a byte offset in a file, as clang counts them (both
// 1-based, columns in bytes), for the machine-readable reports.
#pragma once

#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace modlint {

struct Position {
  unsigned Line = 0;
  unsigned Column = 0;
};

class SourcePositions {
public:
  /// {0, 0} when the file cannot be read.
  Position at(const std::string &File, unsigned Offset);

private:
  /// Offsets at which each line starts, per file, read once.
  llvm::StringMap<std::vector<unsigned>> LineStarts;
};

} // namespace modlint
