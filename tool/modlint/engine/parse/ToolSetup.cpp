#include "engine/parse/ToolSetup.h"

#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace modlint {

namespace {
/// Points the parser at Clang's own builtin headers (stddef.h, ...): the
/// modlint binary does not live next to them the way clang does.
clang::tooling::ArgumentsAdjuster resourceDirAdjuster() {
  return [](const clang::tooling::CommandLineArguments &Args, llvm::StringRef File) {
    for (const std::string &Arg : Args)
      if (llvm::StringRef(Arg).starts_with("-resource-dir"))
        return Args;
    // Before a `--` that ends the options, if the command has one.
    return clang::tooling::getInsertArgumentAdjuster(
        "-resource-dir=" MODLINT_CLANG_RESOURCE_DIR,
        clang::tooling::ArgumentInsertPosition::END)(Args, File);
  };
}
} // namespace

OneCommandTool::OneCommandTool(clang::tooling::CompileCommand Command,
                               const std::string &File)
    : Database(std::move(Command)),
      Tool(Database, {File}, std::make_shared<clang::PCHContainerOperations>(),
           llvm::vfs::createPhysicalFileSystem()) {
  Tool.appendArgumentsAdjuster(clang::tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  Tool.setPrintErrorMessage(false);
}

void collectInputs(clang::SourceManager &Sources, std::vector<std::string> &Inputs) {
  for (auto It = Sources.fileinfo_begin(); It != Sources.fileinfo_end(); ++It) {
    llvm::SmallString<256> Path(It->first.getName());
    Sources.getFileManager().makeAbsolutePath(Path);
    // `..` stays: removing it lexically is wrong across symlinks
    // (/lib/gcc/../../include is /usr/include on a merged-usr system).
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
    Inputs.push_back(std::string(Path));
  }
  llvm::sort(Inputs);
  Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
}

void setUpCheckedParse(clang::CompilerInvocation &Invocation) {
  Invocation.getFrontendOpts().SkipFunctionBodies = true;
  Invocation.getDiagnosticOpts().ShowCarets = false;
  // A precompiled prefix records its headers' contents, and a parse on it
  // compares a header whose time changed by content: a header touched (a
  // branch switched and back) does not make a kept prefix unusable.
  Invocation.getHeaderSearchOpts().ValidateASTInputFilesContent = true;
}

} // namespace modlint
