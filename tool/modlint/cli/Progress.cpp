#include "cli/Progress.h"

#include "fmt/format.h"
#include "llvm/Support/Process.h"

namespace modlint {

Progress::Progress(bool Enabled)
    : Active(Enabled && llvm::sys::Process::StandardErrIsDisplayed()) {}

Progress::~Progress() {
  if (Shown)
    fmt::print(stderr, "\r\x1b[K");
}

void Progress::update(size_t Done, size_t Total, const std::string &File) {
  if (!Active)
    return;
  // \x1b[K clears what a longer previous line left behind.
  fmt::print(stderr, "\r[{}/{}] {}\x1b[K", Done, Total, File);
  std::fflush(stderr);
  Shown = true;
}

} // namespace modlint
