#include "config/ProjectRoot.h"

#include "config/Config.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <optional>

namespace modlint {

namespace {
/// Rule 1: where the nearest configuration above `Start` starts.
llvm::Expected<std::optional<std::string>> configurationRoot(llvm::StringRef Start) {
  std::optional<std::string> Root;
  for (llvm::StringRef Dir = Start; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    std::optional<std::string> Config = configFileIn(Dir);
    if (!Config)
      continue;
    Root = Dir.str();
    auto Layer = loadConfigFile(*Config);
    if (!Layer)
      return Layer.takeError();
    if (!inheritsParent(*Layer))
      break;
  }
  return Root;
}

/// Rule 2: the nearest directory with `.git` (a directory, or a file in a
/// worktree or submodule).
std::optional<std::string> repositoryRoot(llvm::StringRef Start) {
  for (llvm::StringRef Dir = Start; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return Dir.str();
  }
  return std::nullopt;
}
} // namespace

llvm::Expected<std::string> discoverProjectRoot(llvm::StringRef WorkingDirectory,
                                                llvm::StringRef DatabaseDirectory) {
  for (llvm::StringRef Start : {WorkingDirectory, DatabaseDirectory}) {
    if (Start.empty())
      continue;
    auto FromConfig = configurationRoot(Start);
    if (!FromConfig)
      return FromConfig.takeError();
    if (*FromConfig)
      return **FromConfig;
    if (std::optional<std::string> Repository = repositoryRoot(Start))
      return *Repository;
  }
  return DatabaseDirectory.empty() ? WorkingDirectory.str() : DatabaseDirectory.str();
}

} // namespace modlint
