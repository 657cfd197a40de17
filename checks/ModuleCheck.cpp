#include "ModuleCheck.h"

#include "analysis/CallInfo.h"
#include "analysis/LockScopeFunctions.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
AST_MATCHER_P(CXXRecordDecl, isSharedModuleClass, const ModuleClassifier *,
              Modules) {
  return Modules->isSharedModule(&Node);
}

AST_MATCHER_P(FunctionDecl, takesSharedModule, const ModuleClassifier *, Modules) {
  return isNonMember(Node) && llvm::any_of(Node.parameters(), [&](const ParmVarDecl *Param) {
           return Modules->moduleHandled(Param->getType()) != nullptr;
         });
}
} // namespace

ModuleCheck::ModuleCheck(llvm::StringRef Name,
                         tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Settings(ModuleSettings::read(Options)),
      Modules(Settings.ModuleBases), Safe(Settings.SafeTypes, Settings.LockTypes),
      Helpers(Modules, Safe, [this](const FunctionDecl &F) { return isConstruction(F); }) {}

void ModuleCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Settings.store(Options, Opts);
}

void ModuleCheck::registerMatchers(MatchFinder *Finder) {
  // Template patterns are analysed once; their instantiations are skipped so
  // that a class template is reported at the template, not per use.
  Finder->addMatcher(
      cxxMethodDecl(isDefinition(), unless(isImplicit()),
                    unless(isTemplateInstantiation()),
                    unless(isExpansionInSystemHeader()),
                    ofClass(isSharedModuleClass(&Modules)))
          .bind("method"),
      this);
  // Friends and free functions that write a module through a parameter.
  Finder->addMatcher(functionDecl(isDefinition(), unless(cxxMethodDecl()), unless(isImplicit()),
                                  unless(isTemplateInstantiation()),
                                  unless(isExpansionInSystemHeader()),
                                  takesSharedModule(&Modules))
                         .bind("method"),
                     this);
}

void ModuleCheck::registerModuleClassMatcher(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxRecordDecl(isDefinition(), unless(isTemplateInstantiation()),
                    unless(isExpansionInSystemHeader()),
                    isSharedModuleClass(&Modules))
          .bind("module"),
      this);
}

void ModuleCheck::registerFunctionMatcher(MatchFinder *Finder) {
  Finder->addMatcher(lockScopeFunction(), this);
}

void ModuleCheck::scanMatchedFunction(const MatchFinder::MatchResult &Result,
                                      ScanListener &Listener) const {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function || !Function->getBody())
    return;
  MemberStateResolver Resolver(Modules, *Result.Context);
  WriteScanner(Resolver, Safe, Listener).scan(*Function, LockState());
}

/// Hands the scanner's events for one method body to the check.
class ModuleCheck::MethodListener : public ScanListener {
public:
  MethodListener(ModuleCheck &Check, const FunctionDecl &Function, ASTContext &Context,
                 const MemberStateResolver &Resolver)
      : Check(Check), Function(Function), Context(Context), Resolver(Resolver) {}
  void onWrite(const WriteEvent &Event) override { Check.onWrite(Event); }
  void onMemberUse(const MemberUse &Use) override {
    Check.onMemberUse(Use, *Function.getBody(), Context);
  }
  void onReturn(const ReturnStmt &Return, const LockState &) override {
    Check.onReturn(Return, Function, Resolver);
  }
  void onCall(const CallExpr &Call, const LockState &State, bool) override {
    Check.onModuleCall(Call, State, Resolver);
  }

private:
  ModuleCheck &Check;
  const FunctionDecl &Function;
  ASTContext &Context;
  const MemberStateResolver &Resolver;
};

bool ModuleCheck::isConstruction(const FunctionDecl &Function) const {
  if (llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Function))
    return true;
  if (Settings.InitMethods.empty() || !Function.getIdentifier())
    return false;
  const std::string Qualified = Function.getQualifiedNameAsString();
  for (const std::string &Init : Settings.InitMethods)
    if (Init == Function.getName() || Init == Qualified)
      return true;
  return false;
}

void ModuleCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Module = Result.Nodes.getNodeAs<CXXRecordDecl>("module")) {
    onModuleClass(*Module);
    return;
  }
  const auto *Method = Result.Nodes.getNodeAs<FunctionDecl>("method");
  if (!Method || !Method->hasBody())
    return;
  InConstruction = isConstruction(*Method);
  if (InConstruction && !scansConstruction())
    return;
  ASTContext &Context = *Result.Context;
  MemberStateResolver Resolver(Modules, Context);
  MethodListener Listener(*this, *Method, Context, Resolver);
  if (!isNonMember(*Method)) {
    WriteScanner(Resolver, Safe, Listener)
        .scan(*Method, Helpers.entryOf(*llvm::cast<CXXMethodDecl>(Method), Context));
    return;
  }
  for (const ParmVarDecl *Param : Method->parameters())
    Resolver.addObjectParameter(Param);
  WriteScanner(Resolver, Safe, Listener).scan(*Method, Helpers.entryOfFree(*Method, Context));
}

void ModuleCheck::noteDeclaration(const ValueDecl &Member) {
  diag(Member.getLocation(), "'%0' is declared here", DiagnosticIDs::Note)
      << Member.getNameAsString();
}

void ModuleCheck::noteAcquisitions(llvm::ArrayRef<ScopeLock> Locks) {
  for (const ScopeLock &Lock : Locks)
    diag(Lock.Where, "'%0' is acquired here", DiagnosticIDs::Note) << Lock.Mutex;
}

llvm::StringRef ModuleCheck::writeRemedy(WriteKind Kind) const {
  if (Kind == WriteKind::SplitAtomicUpdate)
    return "make it one atomic operation (fetch_add, fetch_sub, fetch_xor, or a "
           "compare_exchange loop)";
  if (Kind == WriteKind::ContainerMutation)
    return Settings.Strict
               ? "keep the data request-local (request context or session)"
               : "hold a member mutex around every access, or keep the data "
                 "request-local (request context or session)";
  return Settings.Strict
             ? "keep the data request-local (request context or session), or "
               "make it std::atomic"
             : "keep the data request-local (request context or session), make "
               "it std::atomic, or hold a member mutex while writing";
}

void ModuleCheck::reportWrite(const WriteEvent &Event, llvm::StringRef Message) {
  diag(Event.Write->getBeginLoc(), Message)
      << Event.Operation << Event.Target.Path
      << Event.Target.Module->getNameAsString() << writeRemedy(Event.Kind)
      << Event.Write->getSourceRange();
  noteDeclaration(*Event.Target.Member);
}

} // namespace modlint
