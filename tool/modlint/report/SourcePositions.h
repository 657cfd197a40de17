// Lines and columns of byte offsets in files, for the machine-readable
// reports: clang's byte columns for JSON, UTF-16 columns for SARIF, and the
// text of a line for fingerprints. LLVM's SourceMgr keeps each file's line
// table; ConvertUTF tells the UTF-8 sequences apart.
#pragma once

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SourceMgr.h"
#include <string>

namespace modlint {

struct Position {
  unsigned Line = 0;   // 1-based; 0 when the file cannot be read
  unsigned Column = 0; // 1-based
};

class SourcePositions {
public:
  /// Column in bytes, as clang counts. An offset past the end of the file
  /// (the file changed since it was linted) is taken as its end.
  Position at(const std::string &File, unsigned Offset);
  /// Column in UTF-16 code units, as SARIF counts by default. A byte that is
  /// not part of valid UTF-8 counts as one replacement character, as
  /// editors show it.
  Position utf16At(const std::string &File, unsigned Offset);
  /// The text of a 1-based line, without its line break.
  llvm::StringRef lineText(const std::string &File, unsigned Line);

private:
  /// Each file is read once, into a SourceMgr of its own; 0 when it cannot
  /// be read.
  unsigned bufferOf(const std::string &File);

  llvm::SourceMgr Sources;
  llvm::StringMap<unsigned> Buffers;
};

} // namespace modlint
