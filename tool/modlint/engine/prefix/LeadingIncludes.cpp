#include "engine/prefix/LeadingIncludes.h"

namespace modlint {

llvm::StringRef includedHeader(llvm::StringRef Line) {
  if (!Line.consume_front("#"))
    return {};
  Line = Line.ltrim(" \t");
  if (!Line.consume_front("include"))
    return {};
  Line = Line.ltrim(" \t");
  if (Line.size() < 3)
    return {};
  const char Close = Line.front() == '<' ? '>' : Line.front() == '"' ? '"' : 0;
  if (!Close || Line.find(Close, 1) != Line.size() - 1)
    return {};
  return Line;
}

std::vector<IncludeLine> leadingIncludes(llvm::StringRef Text) {
  std::vector<IncludeLine> Lines;
  bool InBlockComment = false;
  size_t Begin = 0;
  while (Begin < Text.size()) {
    size_t End = Text.find('\n', Begin);
    if (End == llvm::StringRef::npos)
      End = Text.size();
    llvm::StringRef Line = Text.slice(Begin, End).rtrim("\r");
    llvm::StringRef Trimmed = Line.trim(" \t");
    if (InBlockComment) {
      // Only a comment that closes at the end of its line keeps scanning.
      const size_t Close = Trimmed.find("*/");
      if (Close != llvm::StringRef::npos) {
        if (!Trimmed.drop_front(Close + 2).trim(" \t").empty())
          break;
        InBlockComment = false;
      }
    } else if (Trimmed.empty() || Trimmed.starts_with("//")) {
      if (Trimmed.contains("NOLINT"))
        break;
    } else if (Trimmed.starts_with("/*")) {
      const size_t Close = Trimmed.find("*/", 2);
      if (Close == llvm::StringRef::npos)
        InBlockComment = true;
      else if (!Trimmed.drop_front(Close + 2).trim(" \t").empty())
        break;
    } else if (!includedHeader(Trimmed).empty()) {
      Lines.push_back({Trimmed.str(), Begin, Begin + Line.size()});
    } else {
      break;
    }
    if (Line.contains("NOLINT") || Line.ends_with("\\"))
      break;
    Begin = End + 1;
  }
  return Lines;
}

std::string includeText(const std::vector<IncludeLine> &Lines, size_t Begin, size_t End) {
  std::string Text;
  for (size_t I = Begin; I < End; ++I)
    Text += Lines[I].Directive + "\n";
  return Text;
}

std::string includeKey(const std::vector<IncludeLine> &Lines, size_t Count) {
  std::string Key;
  for (size_t I = 0; I < Count && I < Lines.size(); ++I)
    Key += Lines[I].Directive + (Lines[I].InUnit ? "\n" : " (from a header)\n");
  return Key;
}

std::string blankLines(llvm::StringRef Text, const std::vector<IncludeLine> &Lines,
                       size_t Count) {
  std::string Blanked = Text.str();
  for (size_t I = 0; I < Count && I < Lines.size(); ++I)
    if (Lines[I].InUnit)
      for (size_t At = Lines[I].Begin; At < Lines[I].End; ++At)
        Blanked[At] = ' ';
  return Blanked;
}

} // namespace modlint
