#include "Subprocess.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

namespace modlint::testing {

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
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
