#include "PrefixPch.h"

#include "CheckSession.h"
#include "FastPath.h"
#include "ToolSetup.h"
#include "analysis/ModuleSettings.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// Clang's precompiled-header action, parsing only the project's function
/// bodies, running the checks on them once the header is written, and
/// noting the files it read.
class PrefixAction : public GeneratePCHAction {
public:
  PrefixAction(const LintJob &Build, ClangTidyASTConsumerFactory &Checks,
               std::vector<std::string> &Inputs)
      : Build(Build), Checks(Checks), Inputs(Inputs) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    std::unique_ptr<ASTConsumer> Writer =
        GeneratePCHAction::CreateASTConsumer(Compiler, File);
    if (!Writer)
      return nullptr;
    std::vector<std::unique_ptr<ASTConsumer>> WriteThenCheck;
    WriteThenCheck.push_back(std::move(Writer));
    WriteThenCheck.push_back(Checks.createASTConsumer(Compiler, File));
    return withFastPath(
        std::make_unique<MultiplexConsumer>(std::move(WriteThenCheck)),
        std::make_unique<ProjectFiles>(Compiler.getSourceManager(),
                                       ReportScope(Build.ProjectRoot, Build.HeaderFilter)));
  }

  void EndSourceFileAction() override {
    collectInputs(getCompilerInstance().getSourceManager(), Inputs);
    GeneratePCHAction::EndSourceFileAction();
  }

private:
  const LintJob &Build;
  ClangTidyASTConsumerFactory &Checks;
  std::vector<std::string> &Inputs;
};

class PrefixActionFactory : public tooling::FrontendActionFactory {
public:
  PrefixActionFactory(const BuiltPrefix &Built, ClangTidyContext &Context,
                      std::vector<std::string> &Inputs)
      : Built(Built), Checks(Context), Inputs(Inputs) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<PrefixAction>(Built.Prefix->Build, Checks, Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Consumer) override {
    setUpCheckedParse(*Invocation);
    Invocation->getFrontendOpts().OutputFile = Built.PchPath;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps), Consumer);
  }

private:
  const BuiltPrefix &Built;
  ClangTidyASTConsumerFactory Checks;
  std::vector<std::string> &Inputs;
};

ClangTidyOptions withBodyScope(ClangTidyOptions Options, const char *Scope) {
  Options.CheckOptions.insert_or_assign(ModuleSettings::BodyScopeKey,
                                        ClangTidyOptions::ClangTidyValue(Scope));
  return Options;
}
} // namespace

void precompilePrefix(BuiltPrefix &Built) {
  const SharedPrefix &Prefix = *Built.Prefix;
  OneCommandTool Setup(Prefix.Build.Command, Prefix.HeaderPath);
  tooling::ClangTool &Tool = Setup.tool();
  Tool.mapVirtualFile(Prefix.HeaderPath, Prefix.HeaderText);
  // Its errors, if any, make it unused: its users' own parses report them.
  CheckSession Session(checkOptionsForPrefix(Prefix.Build.Options));
  Tool.setDiagnosticConsumer(&Session.compilerDiagnostics());
  std::vector<std::string> Inputs;
  PrefixActionFactory Factory(Built, Session.context(), Inputs);
  Built.Built = Tool.run(&Factory) == 0;
  llvm::erase(Inputs, Prefix.HeaderPath);
  Built.Inputs = std::move(Inputs);
  Built.Findings = Session.take(Prefix.Build);
}

ClangTidyOptions checkOptionsForPrefix(ClangTidyOptions Options) {
  return withBodyScope(std::move(Options), ModuleSettings::SharedPrefixBodies);
}

ClangTidyOptions checkOptionsOnPrefix(ClangTidyOptions Options) {
  return withBodyScope(std::move(Options), ModuleSettings::AfterSharedPrefixBodies);
}

bool usePrefix(tooling::ClangTool &Tool, const BuiltPrefix &Built,
               const std::string &File, PrefixUse &Use) {
  const SharedPrefix &Prefix = *Built.Prefix;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(File, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Text)
    return false;
  const std::vector<IncludeLine> Lines = leadingIncludes((*Text)->getBuffer());
  if (Lines.size() < Prefix.IncludeCount)
    return false;
  std::string Expected;
  for (size_t I = 0; I < Prefix.IncludeCount; ++I)
    Expected += Lines[I].Directive + "\n";
  if (Expected != Prefix.HeaderText)
    return false; // changed since the plan was made
  Use.BlankedText = blankLines((*Text)->getBuffer(), Lines, Prefix.IncludeCount);
  Tool.mapVirtualFile(Prefix.HeaderPath, Prefix.HeaderText);
  Tool.mapVirtualFile(File, Use.BlankedText);
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-include-pch", Built.PchPath}, tooling::ArgumentInsertPosition::BEGIN));
  return true;
}

} // namespace modlint
