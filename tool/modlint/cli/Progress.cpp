#include "cli/Progress.h"

#include "fmt/format.h"
#include "llvm/Support/Process.h"
#include <sys/ioctl.h>
#include <unistd.h>

namespace modlint {

namespace {
/// `Line` cut to `Columns` characters of a terminal, keeping its end (the
/// file's name) and marking the cut with "...". UTF-8 sequences stay whole.
std::string fitted(const std::string &Line, size_t Columns) {
  if (Columns == 0 || Line.size() <= Columns)
    return Line;
  const std::string Mark = "...";
  if (Columns <= Mark.size())
    return Line.substr(0, Columns);
  size_t From = Line.size() - (Columns - Mark.size());
  while (From < Line.size() && (static_cast<unsigned char>(Line[From]) & 0xC0) == 0x80)
    ++From; // never start inside a character
  return Mark + Line.substr(From);
}
/// The terminal's width: the window size standard error's terminal
/// reports, else COLUMNS (LLVM reads only the latter); 0 when unknown.
unsigned terminalColumns() {
  struct winsize Size {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &Size) == 0 && Size.ws_col > 0)
    return Size.ws_col;
  return llvm::sys::Process::StandardErrColumns();
}
} // namespace

Progress::Progress(bool Enabled)
    : Active(Enabled && llvm::sys::Process::StandardErrIsDisplayed()) {}

Progress::~Progress() { clear(); }

void Progress::clear() {
  if (!Shown)
    return;
  fmt::print(stderr, "\r\x1b[K");
  std::fflush(stderr);
  Shown = false;
}

void Progress::update(size_t Done, size_t Total, const std::string &File) {
  if (!Active)
    return;
  // One column short of the width: a line that fills the last column
  // wraps on some terminals, and the next \r would then return to the
  // wrapped part, leaving the first part behind.
  const unsigned Width = terminalColumns();
  const std::string Counter = fmt::format("[{}/{}] ", Done, Total);
  const size_t Room = Width > Counter.size() + 1 ? Width - Counter.size() - 1 : 0;
  const std::string Line =
      Width == 0 ? Counter + File
                 : fitted(Counter, Width > 1 ? Width - 1 : 1) + (Room ? fitted(File, Room) : "");
  // \x1b[K clears what a longer previous line left behind.
  fmt::print(stderr, "\r{}\x1b[K", Line);
  std::fflush(stderr);
  Shown = true;
}

} // namespace modlint
