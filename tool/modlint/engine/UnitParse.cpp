#include "engine/UnitParse.h"

#include "engine/parse/CheckSession.h"
#include "engine/parse/FastPath.h"
#include "engine/parse/ToolSetup.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// modlint's frontend action: the checks' AST consumer, built by the same
/// factory clang-tidy uses, behind the fast path.
class LintAction : public ASTFrontendAction {
public:
  LintAction(ClangTidyASTConsumerFactory &Factory, const LintJob &Job,
             std::vector<std::string> &Inputs)
      : Factory(Factory), Job(Job), Inputs(Inputs) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    return withFastPath(Factory.createASTConsumer(Compiler, File),
                        std::make_unique<ProjectFiles>(
                            Compiler.getSourceManager(),
                            ReportScope(Job.ProjectRoot, Job.HeaderFilter)));
  }

  /// Every file the unit read: what its cached result depends on.
  void EndSourceFileAction() override {
    collectInputs(getCompilerInstance().getSourceManager(), Inputs);
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  const LintJob &Job;
  std::vector<std::string> &Inputs;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context, const LintJob &Job,
                    std::vector<std::string> &Inputs)
      : Factory(Context), Job(Job), Inputs(Inputs) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Factory, Job, Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Consumer) override {
    setUpCheckedParse(*Invocation);
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps),
                                                Consumer);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  const LintJob &Job;
  std::vector<std::string> &Inputs;
};
} // namespace

ParsedUnit parseUnit(const LintJob &Job, const BuiltPrefix *Prefix) {
  OneCommandTool Setup(Job.Command, Job.File);
  tooling::ClangTool &Tool = Setup.tool();
  PrefixUse Use;
  ParsedUnit Parsed;
  Parsed.OnPrefix = Prefix && usePrefix(Tool, *Prefix, Job.File, Use);
  CheckSession Session(Parsed.OnPrefix ? checkOptionsOnPrefix(Job.Options) : Job.Options);
  Tool.setDiagnosticConsumer(&Session.compilerDiagnostics());
  LintActionFactory Factory(Session.context(), Job, Parsed.Inputs);
  Parsed.Compiled = Tool.run(&Factory) == 0;
  Parsed.Own = Session.take(Job);
  if (Parsed.OnPrefix)
    addPrefixInputs(*Prefix, Parsed.Inputs);
  return Parsed;
}

} // namespace modlint
