#include "GlobalStateCheck.h"

#include "analysis/GlobalState.h"
#include "analysis/ReturnedState.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

/// Records one function's writes, calls and returned statics.
class GlobalStateCheck::FactListener : public ScanListener {
public:
  FactListener(FunctionFacts &Facts, const FunctionDecl &Function)
      : Facts(Facts), Function(Function) {}

  void onGlobalWrite(const GlobalWrite &Event) override {
    Facts.Writes.push_back({Event.Variable, Event.Write->getBeginLoc(), Event.LockHeld});
  }
  void onCall(const CallExpr &Call, const LockState &State, bool Nested) override {
    const bool Locked = State.globalLockHeld();
    // `snprintf(buffer, ...)`, `std::getline(in, line)`: the callee writes.
    for (const VarDecl *Var : globalsPassedForWriting(Call))
      Facts.Writes.push_back({Var, Call.getBeginLoc(), Locked});
    if (const FunctionDecl *Callee = Call.getDirectCallee())
      Facts.Calls.push_back({GlobalStateFacts::key(*Callee), Locked});
  }
  void onReturn(const ReturnStmt &Return, const LockState &) override {
    if (!Return.getRetValue() || !handleType(Function.getReturnType()))
      return;
    const Expr *Object = handedOutObject(Return.getRetValue());
    const VarDecl *Var = Object ? writtenGlobal(Object) : nullptr;
    if (Var && Var->isStaticLocal() && Var->getParentFunctionOrMethod() == &Function)
      Facts.Returned.push_back({Var, &Return});
  }

private:
  FunctionFacts &Facts;
  const FunctionDecl &Function;
};

GlobalStateCheck::GlobalStateCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ModuleCheck(Name, Context), ModulesOnly(Settings.GlobalStateScope == "modules") {
  // The command refuses such a value before linting; clang-tidy says it.
  if (const std::string Problem =
          choiceProblem(spec(CheckOption::GlobalStateScope), Settings.GlobalStateScope);
      !Problem.empty())
    configurationDiag("invalid option: %0") << Problem;
}

void GlobalStateCheck::registerMatchers(MatchFinder *Finder) { registerFunctionMatcher(Finder); }

void GlobalStateCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function || !Function->getBody())
    return;
  FunctionFacts &Own = Facts.of(*Function);
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Function);
  Own.IsModuleMethod = Method && Modules.isSharedModule(Method->getParent());
  FactListener Listener(Own, *Function);
  scanMatchedFunction(Result, Listener);
}

bool GlobalStateCheck::inScope(const FunctionDecl *Function,
                               const llvm::DenseSet<const FunctionDecl *> &Reached) const {
  // main and InitMethods run before the server shares anything.
  if (Function->isMain())
    return false;
  if (!llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Function) && isConstruction(*Function))
    return false;
  return !ModulesOnly || Reached.contains(Function);
}

void GlobalStateCheck::onEndOfTranslationUnit() {
  const llvm::DenseSet<const FunctionDecl *> Entered = Facts.enteredLocked();
  const llvm::DenseSet<const FunctionDecl *> Reached =
      ModulesOnly ? Facts.reachedFromModules() : llvm::DenseSet<const FunctionDecl *>();
  // Per variable, in the order first seen: its unprotected writes, and the
  // functions that write it and return it.
  llvm::MapVector<const VarDecl *, std::vector<GlobalAccess>> Unprotected;
  llvm::MapVector<const VarDecl *, std::vector<std::pair<const FunctionDecl *, const ReturnStmt *>>>
      Returned;
  for (const auto &[Function, Own] : Facts.functions()) {
    if (!inScope(Function, Reached))
      continue;
    // A static member's (or an extern variable's) declarations are one
    // variable, reported where it is first declared.
    for (const GlobalAccess &Write : Own.Writes)
      if (!Write.Locked && !Entered.contains(Function) &&
          isRacyGlobal(*Write.Variable, Safe, Modules))
        Unprotected[Write.Variable->getCanonicalDecl()].push_back(Write);
    for (const auto &Escape : Own.Returned) {
      const VarDecl *Var = Escape.first;
      if (isRacyGlobal(*Var, Safe, Modules) &&
          llvm::any_of(Own.Writes, [&](const GlobalAccess &W) { return W.Variable == Var; }))
        Returned[Var].push_back({Function, Escape.second});
    }
  }
  for (const auto &[Var, Writes] : Unprotected)
    report(*Var, Writes, Returned.lookup(Var));
  for (const auto &[Var, Returns] : Returned)
    if (!Unprotected.count(Var))
      report(*Var, {}, Returns);
  Facts.clear();
  ModuleCheck::onEndOfTranslationUnit();
}

void GlobalStateCheck::report(
    const VarDecl &Var, llvm::ArrayRef<GlobalAccess> Writes,
    const std::vector<std::pair<const FunctionDecl *, const ReturnStmt *>> &Returns) {
  if (!Returns.empty()) {
    const FunctionDecl &Function = *Returns.front().first;
    diag(Var.getLocation(),
         "'%0' is a function-local static that '%1' writes and returns %2 to: every caller "
         "shares the one object, so the next call overwrites what an earlier caller still "
         "reads; return the value itself, or keep it in the caller's own state (the "
         "connection, the request context)")
        << Var.getName() << Function.getQualifiedNameAsString()
        << handleType(Function.getReturnType())->Kind;
  } else {
    diag(Var.getLocation(),
         "'%0' is %1 written without a lock: every request thread shares it, so these "
         "writes race; move it into the module or the request context, make it "
         "thread_local or std::atomic, or hold a namespace-scope mutex around every access")
        << Var.getQualifiedNameAsString() << globalKind(Var);
  }
  llvm::DenseSet<SourceLocation> Noted;
  for (const GlobalAccess &Write : Writes)
    if (Noted.insert(Write.Where).second)
      diag(Write.Where, "'%0' is written here", DiagnosticIDs::Note) << Var.getName();
  for (const auto &[Function, Return] : Returns)
    diag(Return->getBeginLoc(), "'%0' is returned here", DiagnosticIDs::Note) << Var.getName();
}

} // namespace modlint
