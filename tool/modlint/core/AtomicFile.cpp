#include "core/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace modlint {

namespace {
llvm::Error writeError(llvm::StringRef Path, std::error_code Error) {
  return llvm::createStringError(Error, "cannot write '" + Path + "': " + Error.message());
}

std::error_code lastError() { return std::error_code(errno, std::generic_category()); }

/// Writes all of `Text` to `FD`; the stream's error is taken and cleared,
/// never left for its destructor (which would abort the run).
std::error_code writeAll(int FD, llvm::StringRef Text) {
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/false, /*unbuffered=*/true);
  OS << Text;
  const std::error_code Error = OS.error();
  OS.clear_error();
  return Error;
}

/// A FIFO, a terminal, a pipe behind /dev/stdout: written in place.
llvm::Error writeInPlace(llvm::StringRef Path, llvm::StringRef Text) {
  const int FD = ::open(Path.str().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (FD < 0)
    return writeError(Path, lastError());
  std::error_code Error = writeAll(FD, Text);
  if (::close(FD) != 0 && !Error)
    Error = lastError();
  return Error ? writeError(Path, Error) : llvm::Error::success();
}

/// A new temporary file beside `Path`'s target (through a symlink, when
/// `Path` exists), registered with LLVM's signal handler until kept or
/// discarded; `Target` is the path it is to replace.
llvm::Expected<llvm::sys::fs::TempFile> tempBeside(llvm::StringRef Path, bool Exists,
                                                  llvm::SmallString<256> &Target) {
  Target = Path;
  if (Exists)
    if (std::error_code Error = llvm::sys::fs::real_path(Path, Target))
      return writeError(Path, Error);
  auto Temp = llvm::sys::fs::TempFile::create(Target + ".modlint-%%%%%%");
  if (!Temp)
    return writeError(Path, llvm::errorToErrorCode(Temp.takeError()));
  return Temp;
}
} // namespace

llvm::Error checkWritable(llvm::StringRef Path) {
  if (Path.empty() || Path == "-")
    return llvm::Error::success();
  struct stat Existing;
  const bool Exists = ::stat(Path.str().c_str(), &Existing) == 0;
  if (Exists && S_ISDIR(Existing.st_mode))
    return writeError(Path, std::make_error_code(std::errc::is_a_directory));
  if (Exists && !S_ISREG(Existing.st_mode))
    return ::access(Path.str().c_str(), W_OK) == 0 ? llvm::Error::success()
                                                   : writeError(Path, lastError());
  llvm::SmallString<256> Target;
  auto Temp = tempBeside(Path, Exists, Target);
  if (!Temp)
    return Temp.takeError();
  if (llvm::Error Discarded = Temp->discard())
    return writeError(Path, llvm::errorToErrorCode(std::move(Discarded)));
  return llvm::Error::success();
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  if (Path == "-") { // standard output, as every LLVM tool spells it
    llvm::outs() << Text;
    llvm::outs().flush();
    const std::error_code Error = llvm::outs().error();
    llvm::outs().clear_error();
    return Error ? writeError("<stdout>", Error) : llvm::Error::success();
  }
  struct stat Existing;
  const bool Exists = ::stat(Path.str().c_str(), &Existing) == 0; // through symlinks
  if (Exists && !S_ISREG(Existing.st_mode))
    return writeInPlace(Path, Text);
  llvm::SmallString<256> Target;
  auto Temp = tempBeside(Path, Exists, Target);
  if (!Temp)
    return Temp.takeError();
  std::error_code Error = writeAll(Temp->FD, Text);
  if (!Error && Exists) {
    // Owner first: changing it may clear set-id bits that the mode restores.
    // Only root may give a file away; anyone may keep their own.
    if (::fchown(Temp->FD, Existing.st_uid, Existing.st_gid) != 0 && errno != EPERM)
      Error = lastError();
    if (!Error && ::fchmod(Temp->FD, Existing.st_mode & 07777) != 0)
      Error = lastError();
  }
  if (Error) {
    llvm::consumeError(Temp->discard());
    return writeError(Path, Error);
  }
  if (llvm::Error Kept = Temp->keep(Target))
    return writeError(Path, llvm::errorToErrorCode(std::move(Kept)));
  return llvm::Error::success();
}

} // namespace modlint
