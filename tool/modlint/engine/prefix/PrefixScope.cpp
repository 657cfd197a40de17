#include "engine/prefix/PrefixScope.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// A body whose findings are the same in every unit that includes it.
/// Code that is not a template is bound where it is written, so nothing a
/// unit declares later changes what it does; a template's body is looked at
/// through what the unit declares later (whether a dependent type turns out
/// to be a container, say), so each unit analyses it.
bool isSelfContainedBody(const Decl &D) {
  const auto *Function = llvm::dyn_cast<FunctionDecl>(&D);
  return Function && Function->doesThisDeclarationHaveABody() &&
         !Function->isDependentContext();
}

/// Declarations that hold others, and are not templates: the bodies inside
/// them are picked one by one.
bool isPlainContainer(const Decl &D) {
  if (llvm::isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D))
    return true;
  const auto *Record = llvm::dyn_cast<CXXRecordDecl>(&D);
  return Record && !Record->isDependentContext();
}

/// Adds to `Out` the declarations under `D` that `Keep` picks, descending
/// through plain containers where `Descend` says to.
template <typename Keep, typename Descend>
void pick(Decl *D, std::vector<Decl *> &Out, Keep KeepIt, Descend DescendInto) {
  if (isPlainContainer(*D) && DescendInto(*D)) {
    for (Decl *Child : llvm::cast<DeclContext>(D)->decls())
      pick(Child, Out, KeepIt, DescendInto);
    return;
  }
  if (KeepIt(*D))
    Out.push_back(D);
}

/// The project's declarations that `Keep` picks (see pick).
template <typename Keep, typename Descend>
std::vector<Decl *> pickFromProject(ASTContext &Context, ProjectFiles &Project, Keep KeepIt,
                                    Descend DescendInto) {
  std::vector<Decl *> Scope;
  for (Decl *D : projectDeclarations(Context, Project))
    pick(D, Scope, KeepIt, DescendInto);
  return Scope;
}

/// Those of `Enabled` whose findings have `Scope`.
std::vector<std::string> ofScope(const std::vector<std::string> &Enabled, FindingScope Scope) {
  std::vector<std::string> Chosen;
  for (const std::string &Check : Enabled)
    if (findingScope(Check) == Scope)
      Chosen.push_back(Check);
  return Chosen;
}

ClangTidyOptions onlyChecks(ClangTidyOptions Options, const std::vector<std::string> &Checks) {
  Options.Checks = "-*";
  for (const std::string &Check : Checks)
    *Options.Checks += "," + Check;
  return Options;
}
} // namespace

ClangTidyOptions checksOfScope(const ClangTidyOptions &Options, FindingScope Scope) {
  return onlyChecks(Options, ofScope(enabledChecks(Options), Scope));
}

std::vector<Decl *> prefixBodies(ASTContext &Context, ProjectFiles &Project) {
  return pickFromProject(
      Context, Project,
      [](const Decl &Leaf) { return !Leaf.isFromASTFile() && isSelfContainedBody(Leaf); },
      [](const Decl &Container) { return !Container.isFromASTFile(); });
}

std::vector<Decl *> bodiesAfterPrefix(ASTContext &Context, ProjectFiles &Project) {
  return pickFromProject(
      Context, Project,
      [](const Decl &Leaf) { return !Leaf.isFromASTFile() || !isSelfContainedBody(Leaf); },
      [](const Decl &Container) { return Container.isFromASTFile(); });
}

CheckGroups groupsOfLink(const ClangTidyOptions &Options) {
  CheckGroups Groups;
  Groups.push_back(
      std::make_unique<CheckGroup>(checksOfScope(Options, FindingScope::PerBody), prefixBodies));
  return Groups;
}

namespace {
/// Adds the group of the checks that follow calls, if any is enabled.
void addCallGraphGroup(CheckGroups &Groups, const ClangTidyOptions &Options,
                       const std::vector<std::string> &Enabled) {
  const std::vector<std::string> CallGraph = ofScope(Enabled, FindingScope::CallGraph);
  if (!CallGraph.empty())
    Groups.push_back(
        std::make_unique<CheckGroup>(onlyChecks(Options, CallGraph), analysedDeclarations));
}
} // namespace

CheckGroups groupsOnPrefix(const ClangTidyOptions &Options) {
  const std::vector<std::string> Enabled = enabledChecks(Options);
  CheckGroups Groups;
  Groups.push_back(std::make_unique<CheckGroup>(
      onlyChecks(Options, ofScope(Enabled, FindingScope::WholeUnit)), projectDeclarations));
  const std::vector<std::string> PerBody = ofScope(Enabled, FindingScope::PerBody);
  if (!PerBody.empty())
    Groups.push_back(std::make_unique<CheckGroup>(onlyChecks(Options, PerBody), bodiesAfterPrefix));
  addCallGraphGroup(Groups, Options, Enabled);
  return Groups;
}

CheckGroups groupsOfPlainParse(const ClangTidyOptions &Options) {
  const std::vector<std::string> Enabled = enabledChecks(Options);
  std::vector<std::string> Local = ofScope(Enabled, FindingScope::WholeUnit);
  llvm::append_range(Local, ofScope(Enabled, FindingScope::PerBody));
  CheckGroups Groups;
  Groups.push_back(std::make_unique<CheckGroup>(onlyChecks(Options, Local), projectDeclarations));
  addCallGraphGroup(Groups, Options, Enabled);
  return Groups;
}

} // namespace modlint
