#include "engine/LockEdgeCollection.h"

#include "analysis/LockOrderCollector.h"
#include "analysis/LockScopeFunctions.h"
#include "analysis/ModuleSettings.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
constexpr llvm::StringLiteral LockOrderCheckName = "modlint-lock-order";

/// Scans every function the check would, then hands the unit's edges over.
class EdgeConsumer : public ASTConsumer, public MatchFinder::MatchCallback {
public:
  EdgeConsumer(ModuleSettings Settings, const LintJob &Job, std::vector<LockEdge> &Out)
      : Settings(std::move(Settings)), Modules(this->Settings.ModuleBases),
        Safe(this->Settings.SafeTypes, this->Settings.LockTypes), Collector(Modules, Safe),
        Job(Job), Out(Out), Scope(Job.ProjectRoot, Job.HeaderFilter) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    MatchFinder Finder;
    Finder.addMatcher(lockScopeFunction(), this);
    Finder.matchAST(Context);
    for (const OrderEdge &Edge : Collector.finish(Context.getSourceManager()))
      keep(Edge, Context.getSourceManager());
  }

  void run(const MatchFinder::MatchResult &Result) override {
    if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function"))
      Collector.scan(*Function, *Result.Context);
  }

private:
  /// The place as a finding would name it: the file's absolute path.
  std::optional<FilePlace> placeOf(SourceLocation Loc, const SourceManager &Sources) const {
    const SourceLocation File = Sources.getFileLoc(Loc);
    const auto [Id, Offset] = Sources.getDecomposedLoc(File);
    OptionalFileEntryRef Entry = Sources.getFileEntryRefForID(Id);
    if (!Entry)
      return std::nullopt;
    llvm::SmallString<256> Path(Entry->getName());
    if (!llvm::sys::path::is_absolute(Path))
      llvm::sys::fs::make_absolute(Job.Command.Directory, Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    const std::string Absolute(Path);
    if (Absolute != Job.File && !Scope.covers(Absolute))
      return std::nullopt; // the run reports nothing there
    return FilePlace{Absolute, Offset};
  }

  void keep(const OrderEdge &Edge, const SourceManager &Sources) {
    std::optional<FilePlace> Outer = placeOf(Edge.Outer.Where, Sources);
    std::optional<FilePlace> Inner = placeOf(Edge.Inner.Where, Sources);
    std::optional<FilePlace> At = placeOf(Edge.At, Sources);
    if (Outer && Inner && At)
      Out.push_back({Edge.Outer.Identity, Edge.Outer.Owner, Edge.Inner.Identity,
                     Edge.Inner.Owner, Edge.Via, std::move(*Outer), std::move(*Inner),
                     std::move(*At)});
  }

  const ModuleSettings Settings;
  const ModuleClassifier Modules;
  const SafeTypes Safe;
  LockOrderCollector Collector;
  const LintJob &Job;
  std::vector<LockEdge> &Out;
  const ReportScope Scope;
};
} // namespace

std::optional<ScopedConsumer> lockEdgeConsumer(CheckGroups &Groups, const LintJob &Job,
                                               std::vector<LockEdge> &Out) {
  // The group that runs lock-order holds its options.
  auto Runs = [](const std::unique_ptr<CheckGroup> &Group) {
    return Group->session().context().isCheckEnabled(LockOrderCheckName);
  };
  auto Found = llvm::find_if(Groups, Runs);
  if (Found == Groups.end())
    return std::nullopt;
  tidy::ClangTidyContext &Context = (*Found)->session().context();
  const tidy::ClangTidyCheck::OptionsView Options(
      LockOrderCheckName, Context.getOptions().CheckOptions, &Context);
  return ScopedConsumer{
      std::make_unique<EdgeConsumer>(ModuleSettings::read(Options), Job, Out),
      analysedDeclarations};
}

} // namespace modlint
