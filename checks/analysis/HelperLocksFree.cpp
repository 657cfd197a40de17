// The free helpers of HelperLocks.h: functions with internal linkage that
// are handed the module and are only ever called with its lock held.
#include "HelperLocks.h"

#include "CallInfo.h"
#include "WriteScanner.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
constexpr unsigned MaxClimb = 64;

AST_MATCHER_P(DeclRefExpr, refersToCanonical, const Decl *, Target) {
  return Node.getDecl()->getCanonicalDecl() == Target;
}

const Stmt *parentStmt(const Stmt &S, ASTContext &Context) {
  const DynTypedNodeList Parents = Context.getParents(S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

/// The call that `Ref` is the callee of, or null when the function is used
/// otherwise (its address taken, bound, stored).
const CallExpr *callOf(const DeclRefExpr &Ref, ASTContext &Context) {
  const Stmt *Parent = parentStmt(Ref, Context);
  if (Parent && llvm::isa<ImplicitCastExpr>(Parent))
    Parent = parentStmt(*Parent, Context);
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(Parent);
  return Call && Call->getCallee()->IgnoreParenImpCasts() == &Ref ? Call : nullptr;
}

/// The function whose body makes `Call` itself; null inside a lambda (it
/// may run later, with other locks) or outside any function.
const FunctionDecl *callerOf(const CallExpr &Call, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (unsigned Up = 0; Up < MaxClimb; ++Up) {
    const DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty() || Parents[0].get<LambdaExpr>())
      return nullptr;
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return Function;
    Node = Parents[0];
  }
  return nullptr;
}

/// Records the locks held at the calls of one free helper made in one body,
/// and whether each passes the object itself for the module.
class FreeCallRecorder : public ScanListener {
public:
  FreeCallRecorder(const llvm::SmallPtrSetImpl<const CallExpr *> &Calls,
                   const MemberStateResolver &Resolver,
                   std::optional<std::vector<std::string>> &Common)
      : Calls(Calls), Resolver(Resolver), Common(Common) {}

  void onCall(const CallExpr &Call, const LockState &State, bool Nested) override {
    if (!Calls.contains(&Call))
      return;
    ++Seen;
    const FunctionDecl *Callee = Call.getDirectCallee();
    for (unsigned I = 0; Callee && I < Call.getNumArgs() && I < Callee->getNumParams(); ++I)
      if (Resolver.modules().moduleHandled(Callee->getParamDecl(I)->getType()) &&
          !Resolver.objectOf(Call.getArg(I)))
        return keepCommonLocks(Common, {}); // another object: its lock is not held
    std::vector<std::string> Held = State.held();
    if (!std::binary_search(Held.begin(), Held.end(), ConstructionMarker))
      keepCommonLocks(Common, std::move(Held)); // construction agrees with any lock
  }
  unsigned Seen = 0;

private:
  const llvm::SmallPtrSetImpl<const CallExpr *> &Calls;
  const MemberStateResolver &Resolver;
  std::optional<std::vector<std::string>> &Common;
};
} // namespace

LockState HelperLocks::entryOfFree(const FunctionDecl &Function, ASTContext &Context) {
  // Other units may call a function they can see; a non-public static
  // member can be called only by the class and its friends.
  const auto *Static = llvm::dyn_cast<CXXMethodDecl>(&Function);
  if (Function.isExternallyVisible() &&
      (!Static || Static->getCanonicalDecl()->getAccess() == AS_public))
    return LockState();
  const FunctionDecl *Canonical = Function.getCanonicalDecl();
  if (auto Known = FreeEntries.find(Canonical); Known != FreeEntries.end())
    return LockState::holding(Known->second);
  FreeEntries[Canonical] = {}; // while working it out: no lock
  std::vector<std::string> Held = heldAtAllCalls(*Canonical, Context);
  FreeEntries[Canonical] = Held;
  return LockState::holding(Held);
}

LockState HelperLocks::entryOfCaller(const FunctionDecl &Caller, ASTContext &Context) {
  if (Construction(Caller))
    return LockState::holding({ConstructionMarker});
  if (isNonMember(Caller))
    return entryOfFree(Caller, Context);
  const auto *Method = llvm::cast<CXXMethodDecl>(&Caller);
  return Modules.isSharedModule(Method->getParent()) ? entryOf(*Method, Context) : LockState();
}

std::vector<std::string> HelperLocks::heldAtAllCalls(const FunctionDecl &Function,
                                                     ASTContext &Context) {
  // Every reference must be a call made directly in some function's body.
  llvm::MapVector<const FunctionDecl *, llvm::SmallPtrSet<const CallExpr *, 4>> CallsByCaller;
  for (const BoundNodes &Found :
       match(declRefExpr(refersToCanonical(&Function)).bind("ref"), Context)) {
    const CallExpr *Call = callOf(*Found.getNodeAs<DeclRefExpr>("ref"), Context);
    const FunctionDecl *Caller = Call ? callerOf(*Call, Context) : nullptr;
    if (!Caller || !Caller->getBody())
      return {};
    CallsByCaller[Caller].insert(Call);
  }
  std::optional<std::vector<std::string>> Common;
  for (const auto &[Caller, Calls] : CallsByCaller) {
    MemberStateResolver Resolver(Modules, Context);
    if (isNonMember(*Caller))
      for (const ParmVarDecl *Param : Caller->parameters())
        Resolver.addObjectParameter(Param);
    FreeCallRecorder Recorder(Calls, Resolver, Common);
    WriteScanner(Resolver, Safe, Recorder).scan(*Caller, entryOfCaller(*Caller, Context));
    if (Recorder.Seen != Calls.size())
      return {}; // a call the scan does not reach (unevaluated, deferred)
  }
  return Common.value_or(std::vector<std::string>());
}

} // namespace modlint
