#include "LintRunner.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <tuple>

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// modlint's frontend action: the checks' AST consumer, built by the same
/// factory clang-tidy uses.
class LintAction : public ASTFrontendAction {
public:
  explicit LintAction(ClangTidyASTConsumerFactory &Factory) : Factory(Factory) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    return Factory.createASTConsumer(Compiler, File);
  }

private:
  ClangTidyASTConsumerFactory &Factory;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  explicit LintActionFactory(ClangTidyContext &Context) : Factory(Context) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Factory);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Consumer) override {
    // Without carets the compiler does not print its own "N warnings
    // generated." line; modlint reports findings itself.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps),
                                                Consumer);
  }

private:
  ClangTidyASTConsumerFactory Factory;
};

/// Points the parser at Clang's own builtin headers (stddef.h, ...): the
/// modlint binary does not live next to them the way clang does.
tooling::ArgumentsAdjuster resourceDirAdjuster() {
  return [](const tooling::CommandLineArguments &Args, StringRef) {
    for (const std::string &Arg : Args)
      if (StringRef(Arg).starts_with("-resource-dir"))
        return Args;
    tooling::CommandLineArguments Adjusted = Args;
    Adjusted.push_back("-resource-dir=" MODLINT_CLANG_RESOURCE_DIR);
    return Adjusted;
  };
}

/// Diagnostics name files as the compile command spelled them, relative to
/// the command's directory when the include path was relative.
void makeAbsolute(std::string &Path, StringRef Directory) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path))
    return;
  llvm::SmallString<256> Absolute(Directory);
  llvm::sys::path::append(Absolute, Path);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  Path = std::string(Absolute);
}

void makeAbsolute(tooling::DiagnosticMessage &Message, StringRef Directory) {
  makeAbsolute(Message.FilePath, Directory);
  for (tooling::FileByteRange &Range : Message.Ranges)
    makeAbsolute(Range.FilePath, Directory);
}

bool isUnder(StringRef Path, StringRef Directory) {
  return Path.starts_with(Directory) && Path.size() > Directory.size() &&
         llvm::sys::path::is_separator(Path[Directory.size()]);
}

/// Absolute paths everywhere; header findings only under the project root.
std::vector<ClangTidyError> normalise(std::vector<ClangTidyError> Errors,
                                      const LintRequest &Request) {
  llvm::StringSet<> MainFiles;
  for (const std::string &File : Request.Files)
    MainFiles.insert(File);
  std::vector<ClangTidyError> Kept;
  for (ClangTidyError &Error : Errors) {
    makeAbsolute(Error.Message, Error.BuildDirectory);
    for (tooling::DiagnosticMessage &Note : Error.Notes)
      makeAbsolute(Note, Error.BuildDirectory);
    const std::string &File = Error.Message.FilePath;
    const bool IsError = Error.DiagLevel == tooling::Diagnostic::Error;
    if (IsError || File.empty() || MainFiles.contains(File) ||
        isUnder(File, Request.ProjectRoot))
      Kept.push_back(std::move(Error));
  }
  auto Key = [](const ClangTidyError &E) {
    return std::make_tuple(E.Message.FilePath, E.Message.FileOffset,
                           E.DiagnosticName, E.Message.Message);
  };
  llvm::stable_sort(Kept, [&](const ClangTidyError &A, const ClangTidyError &B) {
    return Key(A) < Key(B);
  });
  Kept.erase(std::unique(Kept.begin(), Kept.end(),
                         [&](const ClangTidyError &A, const ClangTidyError &B) {
                           return Key(A) == Key(B);
                         }),
             Kept.end());
  return Kept;
}

std::unique_ptr<ClangTidyContext> makeContext(const ClangTidyOptions &Options) {
  return std::make_unique<ClangTidyContext>(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                               Options));
}
} // namespace

LintResult runLint(const LintRequest &Request) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Request.Options);
  ClangTidyDiagnosticConsumer Consumer(*Context, /*ExternalDiagEngine=*/nullptr,
                                       /*RemoveIncompatibleErrors=*/true);
  DiagnosticsEngine Engine(new DiagnosticIDs(), new DiagnosticOptions(),
                           &Consumer, /*ShouldOwnClient=*/false);
  Context->setDiagnosticsEngine(&Engine);

  LintActionFactory Factory(*Context);
  LintResult Result;
  // One tool per unit: each unit succeeds or fails on its own, and ClangTool
  // prints no "[i/n] Processing file" lines for a single file.
  for (const std::string &File : Request.Files) {
    tooling::ClangTool Tool(*Request.Database, {File});
    Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
    Tool.appendArgumentsAdjuster(resourceDirAdjuster());
    Tool.setDiagnosticConsumer(&Consumer);
    if (Tool.run(&Factory) != 0)
      Result.HadCompileErrors = true;
  }
  Result.Diagnostics = normalise(Consumer.take(), Request);
  return Result;
}

std::vector<std::string> enabledChecks(const ClangTidyOptions &Options) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Options);
  return ClangTidyASTConsumerFactory(*Context).getCheckNames();
}

} // namespace modlint
