#include "GlobalStateFacts.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace modlint {

namespace {
/// Only the unit calls it: internal linkage, or a method that is not public.
bool onlyTheUnitCalls(const FunctionDecl &Function) {
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getCanonicalDecl()->getAccess() != AS_public)
      return true;
  return !Function.isExternallyVisible();
}
} // namespace

const FunctionDecl *GlobalStateFacts::key(const FunctionDecl &Function) {
  const FunctionDecl *Pattern = Function.getTemplateInstantiationPattern();
  return (Pattern ? Pattern : &Function)->getCanonicalDecl();
}

FunctionFacts &GlobalStateFacts::of(const FunctionDecl &Function) {
  return Functions[key(Function)];
}

llvm::DenseSet<const FunctionDecl *> GlobalStateFacts::enteredLocked() const {
  // Callers of each candidate, with whether each call held a global lock.
  llvm::DenseMap<const FunctionDecl *, std::vector<std::pair<const FunctionDecl *, bool>>>
      Callers;
  for (const auto &[Caller, Facts] : Functions)
    for (const auto &[Callee, Locked] : Facts.Calls)
      Callers[Callee].push_back({Caller, Locked});
  llvm::DenseSet<const FunctionDecl *> Entered;
  for (const auto &[Callee, Sites] : Callers)
    if (onlyTheUnitCalls(*Callee))
      Entered.insert(Callee);
  // The greatest set that holds: drop any with an unlocked call from a
  // function not in it, until nothing changes.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Callee, Sites] : Callers) {
      if (!Entered.contains(Callee))
        continue;
      for (const auto &[Caller, Locked] : Sites)
        if (!Locked && !Entered.contains(Caller)) {
          Entered.erase(Callee);
          Changed = true;
          break;
        }
    }
  }
  return Entered;
}

llvm::DenseSet<const FunctionDecl *> GlobalStateFacts::reachedFromModules() const {
  llvm::DenseSet<const FunctionDecl *> Reached;
  std::vector<const FunctionDecl *> Work;
  for (const auto &[Function, Facts] : Functions)
    if (Facts.IsModuleMethod && Reached.insert(Function).second)
      Work.push_back(Function);
  while (!Work.empty()) {
    const FunctionDecl *Next = Work.back();
    Work.pop_back();
    auto Found = Functions.find(Next);
    if (Found == Functions.end())
      continue;
    for (const auto &[Callee, Locked] : Found->second.Calls)
      if (Reached.insert(Callee).second)
        Work.push_back(Callee);
  }
  return Reached;
}

} // namespace modlint
