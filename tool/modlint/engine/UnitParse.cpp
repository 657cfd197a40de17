#include "engine/UnitParse.h"

#include "engine/parse/CheckSession.h"
#include "engine/parse/FastPath.h"
#include "engine/parse/ToolSetup.h"
#include "engine/prefix/PrefixScope.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// modlint's frontend action: the groups' checks, built by the same factory
/// clang-tidy uses, behind the fast path.
class LintAction : public ASTFrontendAction {
public:
  LintAction(CheckGroups &Checks, const LintJob &Job, std::vector<std::string> &Inputs)
      : Checks(Checks), Job(Job), Inputs(Inputs) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    return withFastPath(consumersOf(Checks, Compiler, File),
                        std::make_unique<ProjectFiles>(
                            Compiler.getSourceManager(),
                            ReportScope(Job.ProjectRoot, Job.HeaderFilter)));
  }

  /// Every file the unit read: what its cached result depends on.
  void EndSourceFileAction() override {
    collectInputs(getCompilerInstance().getSourceManager(), Inputs);
  }

private:
  CheckGroups &Checks;
  const LintJob &Job;
  std::vector<std::string> &Inputs;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(CheckGroups &Checks, const LintJob &Job, std::vector<std::string> &Inputs)
      : Checks(Checks), Job(Job), Inputs(Inputs) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Checks, Job, Inputs);
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
  CheckGroups &Checks;
  const LintJob &Job;
  std::vector<std::string> &Inputs;
};

/// A plain parse's checks: every one over the whole unit.
CheckGroups plainGroups(const ClangTidyOptions &Options) {
  CheckGroups Groups;
  Groups.push_back(std::make_unique<CheckGroup>(Options, projectDeclarations));
  return Groups;
}
} // namespace

ParsedUnit parseUnit(const LintJob &Job, const BuiltPrefix *Prefix) {
  OneCommandTool Setup(Job.Command, Job.File);
  tooling::ClangTool &Tool = Setup.tool();
  PrefixUse Use;
  ParsedUnit Parsed;
  Parsed.OnPrefix = Prefix && usePrefix(Tool, *Prefix, Job.File, Use);
  CheckGroups Checks = Parsed.OnPrefix ? groupsOnPrefix(Job.Options) : plainGroups(Job.Options);
  Tool.setDiagnosticConsumer(&Checks.front()->session().compilerDiagnostics());
  LintActionFactory Factory(Checks, Job, Parsed.Inputs);
  Parsed.Compiled = Tool.run(&Factory) == 0;
  Parsed.Own = takeFindings(Checks, Job);
  if (Parsed.OnPrefix)
    addPrefixInputs(*Prefix, Parsed.Inputs);
  return Parsed;
}

} // namespace modlint
