#include "Subprocess.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint::testing {

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

std::string tempFilePath(const std::string &Suffix) {
  llvm::SmallString<128> Path;
  llvm::sys::fs::createTemporaryFile("modlint-test", Suffix, Path);
  return std::string(Path);
}

std::string tempDirectory() {
  llvm::SmallString<128> Path;
  llvm::sys::fs::createUniqueDirectory("modlint-test", Path);
  return std::string(Path);
}

std::string writeTempFile(const std::string &Suffix, const std::string &Text) {
  const std::string Path = tempFilePath(Suffix);
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  Out << Text;
  return Path;
}

RunOutput runIn(const std::string &Directory, const std::string &Program,
                const std::vector<std::string> &Args,
                const std::vector<std::string> &Environment) {
  // sh changes directory, env adds the variables, and the program replaces
  // both, so its exit code is the one returned.
  std::vector<std::string> Shell{"-c", "cd \"$0\" && exec env \"$@\"", Directory};
  Shell.insert(Shell.end(), Environment.begin(), Environment.end());
  Shell.push_back(Program);
  Shell.insert(Shell.end(), Args.begin(), Args.end());
  return run("/bin/sh", Shell);
}

size_t countOccurrences(const std::string &Text, const std::string &Needle) {
  size_t N = 0;
  for (size_t Pos = Text.find(Needle); Pos != std::string::npos;
       Pos = Text.find(Needle, Pos + 1))
    ++N;
  return N;
}

RunOutput run(const std::string &Program, const std::vector<std::string> &Args) {
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("modlint-test", "out", Out);
  llvm::sys::fs::createTemporaryFile("modlint-test", "err", Err);
  std::vector<llvm::StringRef> Argv{Program};
  for (const std::string &Arg : Args)
    Argv.push_back(Arg);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Out), llvm::StringRef(Err)};
  std::string Message;
  RunOutput Result;
  Result.ExitCode = llvm::sys::ExecuteAndWait(Program, Argv, std::nullopt,
                                              Redirects, 0, 0, &Message);
  Result.Stdout = readFile(std::string(Out));
  Result.Stderr = readFile(std::string(Err)) + Message;
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  return Result;
}

} // namespace modlint::testing
