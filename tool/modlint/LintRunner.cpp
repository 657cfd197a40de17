#include "LintRunner.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

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

  tooling::ClangTool Tool(*Request.Database, Request.Files);
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  Tool.setDiagnosticConsumer(&Consumer);
  LintActionFactory Factory(*Context);
  LintResult Result;
  Result.HadCompileErrors = Tool.run(&Factory) != 0;
  Result.Diagnostics = Consumer.take();
  return Result;
}

std::vector<std::string> enabledChecks(const ClangTidyOptions &Options) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Options);
  return ClangTidyASTConsumerFactory(*Context).getCheckNames();
}

} // namespace modlint
