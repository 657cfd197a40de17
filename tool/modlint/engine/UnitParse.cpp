#include "engine/UnitParse.h"

#include "engine/LockEdgeCollection.h"
#include "engine/ModuleCensus.h"
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
  LintAction(CheckGroups &Checks, const LintJob &Job, ParsedUnit &Parsed)
      : Checks(Checks), Job(Job), Parsed(Parsed) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    std::vector<ScopedConsumer> Consumers = consumersOf(Checks, Compiler, File);
    // The run's lock-order graph is searched across units: this unit's edges.
    if (auto Edges = lockEdgeConsumer(Checks, Job, Parsed.LockEdges))
      Consumers.push_back(std::move(*Edges));
    // Whether the run found any shared module at all.
    Consumers.push_back(moduleCensusConsumer(Checks.front()->session().context(), Parsed.Census));
    return withFastPath(std::move(Consumers),
                        std::make_unique<ProjectFiles>(
                            Compiler.getSourceManager(),
                            ReportScope(Job.ProjectRoot, Job.HeaderFilter)));
  }

  /// Every file the unit read: what its cached result depends on.
  void EndSourceFileAction() override {
    collectInputs(getCompilerInstance().getSourceManager(), Parsed.Inputs);
  }

private:
  CheckGroups &Checks;
  const LintJob &Job;
  ParsedUnit &Parsed;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(CheckGroups &Checks, const LintJob &Job, ParsedUnit &Parsed)
      : Checks(Checks), Job(Job), Parsed(Parsed) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Checks, Job, Parsed);
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
  ParsedUnit &Parsed;
};

} // namespace

ParsedUnit parseUnit(const LintJob &Job, const BuiltPrefix *Prefix) {
  OneCommandTool Setup(Job.Command, Job.File);
  tooling::ClangTool &Tool = Setup.tool();
  PrefixUse Use;
  ParsedUnit Parsed;
  Parsed.OnPrefix = Prefix && usePrefix(Tool, *Prefix, Job, Use);
  CheckGroups Checks =
      Parsed.OnPrefix ? groupsOnPrefix(Job.Options) : groupsOfPlainParse(Job.Options);
  profileChecks(Checks, Job);
  Tool.setDiagnosticConsumer(&Checks.front()->session().compilerDiagnostics());
  LintActionFactory Factory(Checks, Job, Parsed);
  Parsed.Compiled = Tool.run(&Factory) == 0;
  Parsed.Own = takeFindings(Checks, Job);
  Parsed.Own.LockEdges = std::move(Parsed.LockEdges);
  Parsed.Own.Census = std::move(Parsed.Census);
  if (Parsed.OnPrefix)
    addPrefixInputs(*Prefix, Parsed.Inputs);
  return Parsed;
}

} // namespace modlint
