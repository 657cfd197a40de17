#include "core/InputLimits.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace modlint {

namespace {
llvm::Error inputError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

const char *kindOf(llvm::sys::fs::file_type Type) {
  using llvm::sys::fs::file_type;
  switch (Type) {
  case file_type::directory_file:
    return "a directory";
  case file_type::fifo_file:
    return "a FIFO";
  case file_type::socket_file:
    return "a socket";
  case file_type::block_file:
  case file_type::character_file:
    return "a device";
  default:
    return "a special file";
  }
}

std::string sizeText(uint64_t Bytes) {
  return Bytes >= (1ull << 30) ? std::to_string(Bytes >> 30) + " GiB"
                               : std::to_string(Bytes >> 20) + " MiB";
}

/// Tracks quoted scalars and flow collections of YAML across lines. A quote
/// opens a quoted scalar only where a token starts (after indentation, `[`,
/// `{`, `,`, or `: `, `- `, `? `); inside a plain scalar (`a'b`) it is text,
/// and taking it for a quote would hide the brackets after it.
struct YamlScan {
  char Quote = 0; // the open quote, or 0
  unsigned Flow = 0;

  /// Scans one line (comments and quotes honoured); returns the column of
  /// the first byte past MaxNesting, or npos.
  size_t line(llvm::StringRef Line, unsigned Block) {
    bool TokenStart = true;
    for (size_t I = 0; I < Line.size(); ++I) {
      const char C = Line[I];
      if (Quote) {
        // `\"` in a double-quoted scalar and `''` in a single-quoted one
        // are the quote character itself, not the end of the scalar.
        if ((Quote == '"' && C == '\\') ||
            (Quote == '\'' && C == '\'' && I + 1 < Line.size() && Line[I + 1] == '\''))
          ++I;
        else if (C == Quote)
          Quote = 0;
        continue;
      }
      const bool SpaceAfter = I + 1 == Line.size() || Line[I + 1] == ' ' || Line[I + 1] == '\t';
      if (C == ' ' || C == '\t')
        continue;
      if (C == '#' && (I == 0 || Line[I - 1] == ' ' || Line[I - 1] == '\t'))
        return llvm::StringRef::npos;
      if ((C == '"' || C == '\'') && TokenStart)
        Quote = C;
      else if (C == '[' || C == '{')
        ++Flow;
      else if ((C == ']' || C == '}') && Flow)
        --Flow;
      TokenStart = llvm::StringRef("[{,").contains(C) ||
                   (llvm::StringRef(":-?").contains(C) && SpaceAfter);
      if (Block + Flow > MaxNesting)
        return I;
    }
    return llvm::StringRef::npos;
  }
};

/// Block levels a line opens by indentation and by compact indicators
/// (`- - x`, `? k`, `- k: v`), given the indentations of the lines above.
unsigned blockLevels(llvm::StringRef Line, llvm::SmallVectorImpl<size_t> &Indents) {
  const size_t Indent = Line.find_first_not_of(' ');
  if (Indent == llvm::StringRef::npos || Line[Indent] == '#')
    return Indents.size();
  while (!Indents.empty() && Indents.back() >= Indent)
    Indents.pop_back();
  Indents.push_back(Indent);
  unsigned Levels = Indents.size();
  llvm::StringRef Rest = Line.drop_front(Indent);
  while (Rest.starts_with("- ") || Rest.starts_with("? ")) {
    ++Levels;
    Rest = Rest.drop_front(2).ltrim(' ');
  }
  return Levels + (Rest.contains(": ") ? 1 : 0);
}
} // namespace

bool isSpecialFile(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  return !llvm::sys::fs::status(Path, Status) &&
         Status.type() != llvm::sys::fs::file_type::regular_file;
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readInputFile(llvm::StringRef Path,
                                                                  uint64_t MaxBytes) {
  // Opened without blocking, so that a FIFO with no writer is refused
  // rather than waited on.
  const int FD = ::open(Path.str().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (FD < 0)
    return llvm::errorCodeToError(std::error_code(errno, std::generic_category()));
  auto Close = llvm::make_scope_exit([FD] { ::close(FD); });
  llvm::sys::fs::file_status Status;
  if (std::error_code Error = llvm::sys::fs::status(FD, Status))
    return llvm::errorCodeToError(Error);
  if (Status.type() != llvm::sys::fs::file_type::regular_file)
    return inputError(llvm::Twine(kindOf(Status.type())) + ", not a regular file");
  if (Status.getSize() > MaxBytes)
    return inputError("larger than " + sizeText(MaxBytes) +
                      ", the most modlint reads from such a file");
  auto Buffer = llvm::MemoryBuffer::getOpenFile(llvm::sys::fs::convertFDToNativeFile(FD),
                                                Path, Status.getSize());
  if (!Buffer)
    return llvm::errorCodeToError(Buffer.getError());
  return std::move(*Buffer);
}

llvm::Error checkJsonNesting(llvm::StringRef Text) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    const char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if ((C == '[' || C == '{') && ++Depth > MaxNesting) {
      return inputError("nested deeper than " + llvm::Twine(MaxNesting) + " levels at byte " +
                        llvm::Twine(I + 1));
    } else if ((C == ']' || C == '}') && Depth) {
      --Depth;
    }
  }
  return llvm::Error::success();
}

llvm::Error checkYamlNesting(llvm::StringRef Text) {
  YamlScan Scan;
  llvm::SmallVector<size_t, 16> Indents;
  size_t LineNo = 0;
  for (llvm::StringRef Rest = Text; !Rest.empty();) {
    auto [Line, Next] = Rest.split('\n');
    Rest = Next;
    ++LineNo;
    const bool Plain = !Scan.Quote && !Scan.Flow;
    const unsigned Block = Plain ? blockLevels(Line, Indents) : Indents.size();
    size_t Column = Block > MaxNesting ? 0 : Scan.line(Line, Block);
    if (Column != llvm::StringRef::npos)
      return inputError(llvm::Twine(LineNo) + ":" + llvm::Twine(Column + 1) +
                        ": nested deeper than " + llvm::Twine(MaxNesting) + " levels");
  }
  return llvm::Error::success();
}

llvm::Expected<llvm::json::Value> parseJsonInput(llvm::StringRef Text) {
  if (llvm::Error Err = checkJsonNesting(Text))
    return std::move(Err);
  return llvm::json::parse(Text);
}

} // namespace modlint
