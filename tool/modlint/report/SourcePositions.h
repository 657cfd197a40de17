// Lines and columns of byte offsets in files, for the machine-readable
// reports: clang's byte columns for JSON, UTF-16 columns for SARIF, and the
// text of a line for fingerprints.
#pragma once

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <string>
#include <vector>

namespace modlint {

struct Position {
  unsigned Line = 0;   // 1-based; 0 when the file cannot be read
  unsigned Column = 0; // 1-based
};

class SourcePositions {
public:
  /// Column in bytes, as clang counts.
  Position at(const std::string &File, unsigned Offset);
  /// Column in UTF-16 code units, as SARIF counts by default.
  Position utf16At(const std::string &File, unsigned Offset);
  /// The text of a 1-based line, without its line break.
  llvm::StringRef lineText(const std::string &File, unsigned Line);

private:
  struct FileText {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts;
  };
  /// Each file is read once.
  const FileText &file(const std::string &File);

  llvm::StringMap<FileText> Files;
};

} // namespace modlint
