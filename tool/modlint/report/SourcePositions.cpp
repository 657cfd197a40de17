#include "report/SourcePositions.h"

#include <algorithm>

namespace modlint {

const SourcePositions::FileText &SourcePositions::file(const std::string &File) {
  auto [Entry, Inserted] = Files.try_emplace(File);
  FileText &Text = Entry->second;
  if (Inserted) {
    if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
      Text.Buffer = std::move(*Buffer);
      llvm::StringRef Content = Text.Buffer->getBuffer();
      Text.LineStarts.push_back(0);
      for (size_t I = 0; I < Content.size(); ++I)
        if (Content[I] == '\n')
          Text.LineStarts.push_back(static_cast<unsigned>(I + 1));
    }
  }
  return Text;
}

Position SourcePositions::at(const std::string &File, unsigned Offset) {
  const FileText &Text = file(File);
  if (Text.LineStarts.empty())
    return {};
  auto Line = std::upper_bound(Text.LineStarts.begin(), Text.LineStarts.end(),
                               Offset) - 1;
  return {static_cast<unsigned>(Line - Text.LineStarts.begin()) + 1,
          Offset - *Line + 1};
}

Position SourcePositions::utf16At(const std::string &File, unsigned Offset) {
  Position Bytes = at(File, Offset);
  if (!Bytes.Line)
    return Bytes;
  const FileText &Text = file(File);
  llvm::StringRef Before = Text.Buffer->getBuffer().substr(
      Text.LineStarts[Bytes.Line - 1], Bytes.Column - 1);
  unsigned Units = 0;
  for (unsigned char C : Before) {
    if ((C & 0xC0) == 0x80)
      continue;              // a continuation byte adds nothing
    Units += C >= 0xF0 ? 2 : 1; // four-byte sequences are surrogate pairs
  }
  return {Bytes.Line, Units + 1};
}

llvm::StringRef SourcePositions::lineText(const std::string &File, unsigned Line) {
  const FileText &Text = file(File);
  if (Line == 0 || Line > Text.LineStarts.size())
    return {};
  llvm::StringRef Content = Text.Buffer->getBuffer();
  const unsigned Start = Text.LineStarts[Line - 1];
  const unsigned End = Line < Text.LineStarts.size() ? Text.LineStarts[Line] - 1
                                                     : Content.size();
  return Content.slice(Start, End).rtrim("\r");
}

} // namespace modlint
