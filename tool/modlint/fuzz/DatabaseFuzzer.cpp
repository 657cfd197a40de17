// The compilation database comes from the build of a pull request: its
// reader must refuse what it cannot use (too deep, not an array, entries
// without commands) and never crash.
#include "config/CompileDatabase.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Database = modlint::parseCompileDatabase(Text, "/build/compile_commands.json");
  if (!Database) {
    llvm::consumeError(Database.takeError());
    return 0;
  }
  for (const clang::tooling::CompileCommand &Command : (*Database)->getAllCompileCommands())
    (void)(*Database)->getCompileCommands(Command.Filename);
  return 0;
}
