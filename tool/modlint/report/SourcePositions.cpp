#include "report/SourcePositions.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace modlint {

unsigned SourcePositions::bufferOf(const std::string &File) {
  auto [Entry, Inserted] = Buffers.try_emplace(File, 0);
  if (Inserted)
    if (auto Buffer = llvm::MemoryBuffer::getFile(File))
      Entry->second = Sources.AddNewSourceBuffer(std::move(*Buffer), llvm::SMLoc());
  return Entry->second;
}

Position SourcePositions::at(const std::string &File, unsigned Offset) {
  const unsigned Id = bufferOf(File);
  if (!Id)
    return {};
  const llvm::MemoryBuffer &Buffer = *Sources.getMemoryBuffer(Id);
  const char *Where = Buffer.getBufferStart() + std::min<size_t>(Offset, Buffer.getBufferSize());
  auto [Line, Column] = Sources.getLineAndColumn(llvm::SMLoc::getFromPointer(Where), Id);
  return {Line, Column};
}

Position SourcePositions::utf16At(const std::string &File, unsigned Offset) {
  const Position Bytes = at(File, Offset);
  if (!Bytes.Line)
    return Bytes;
  const llvm::StringRef Before = lineText(File, Bytes.Line).take_front(Bytes.Column - 1);
  // A code point beyond the basic plane takes two UTF-16 units; a byte that
  // starts no well-formed sequence is one U+FFFD, as a viewer shows it.
  unsigned Units = 0;
  for (const llvm::UTF8 *At = Before.bytes_begin(); At < Before.bytes_end();) {
    const unsigned Length = llvm::getNumBytesForUTF8(*At);
    const bool Valid = At + Length <= Before.bytes_end() &&
                       llvm::isLegalUTF8Sequence(At, At + Length);
    Units += Valid && Length == 4 ? 2 : 1;
    At += Valid ? Length : 1;
  }
  return {Bytes.Line, Units + 1};
}

llvm::StringRef SourcePositions::lineText(const std::string &File, unsigned Line) {
  const unsigned Id = bufferOf(File);
  if (!Id || Line == 0)
    return {};
  const llvm::SMLoc Start = Sources.FindLocForLineAndColumn(Id, Line, 1);
  if (!Start.isValid())
    return {};
  const llvm::StringRef Rest(Start.getPointer(),
                             Sources.getMemoryBuffer(Id)->getBufferEnd() - Start.getPointer());
  return Rest.take_until([](char C) { return C == '\n'; }).rtrim("\r");
}

} // namespace modlint
