#include "LockOrderCollector.h"

#include "WriteScanner.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace modlint {

namespace {
/// Functions are known by their canonical declaration, an instantiation by
/// its template's.
const FunctionDecl *keyOf(const FunctionDecl *Function) {
  if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
    Function = Pattern;
  return Function->getCanonicalDecl();
}

/// The locks with a lock-order identity among `Locks`.
std::vector<LockTaken> identified(const std::vector<ScopeLock> &Locks) {
  std::vector<LockTaken> Taken;
  for (const ScopeLock &Lock : Locks)
    if (!Lock.Identity.empty())
      Taken.push_back({Lock.Identity, Lock.Owner, Lock.Where});
  return Taken;
}

/// Calls through which a function's locks are followed at most this deep.
constexpr unsigned MaxCallDepth = 16;
} // namespace

/// Records one function's edges, acquisitions and calls.
class LockOrderCollector::Listener : public ScanListener {
public:
  Listener(FunctionLocks &Mine, std::vector<OrderEdge> &Edges) : Mine(Mine), Edges(Edges) {}

  void onAcquire(const LockState &State, unsigned Mark, bool Nested) override {
    const std::vector<LockTaken> Acquired = identified(State.scopeLocksAcquired(Mark, true));
    // Locks taken together (std::scoped_lock(a, b), std::lock(a, b)) add no
    // order among themselves; each is taken after every lock held before.
    for (const LockTaken &Held : identified(State.scopeLocksAcquired(Mark, false)))
      for (const LockTaken &Inner : Acquired)
        if (Held.Identity != Inner.Identity || Held.Owner != Inner.Owner)
          Edges.push_back({Held, Inner, Inner.Where, {}});
    if (!Nested)
      llvm::append_range(Mine.Taken, Acquired);
  }

  void onCall(const CallExpr &Call, const LockState &State, bool Nested) override {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return;
    std::vector<LockTaken> Held = identified(State.scopeLocks());
    if (Nested && Held.empty())
      return; // runs later with no lock: neither an edge nor this function's
    Mine.Calls.push_back({keyOf(Callee), Call.getBeginLoc(), std::move(Held), Nested});
  }

private:
  FunctionLocks &Mine;
  std::vector<OrderEdge> &Edges;
};

void LockOrderCollector::scan(const FunctionDecl &Function, ASTContext &Context) {
  if (!Function.getBody())
    return;
  MemberStateResolver Resolver(Modules, Context);
  Listener Events(Functions[keyOf(&Function)], Edges);
  WriteScanner(Resolver, Safe, Events).scan(Function, LockState());
}

const std::vector<LockTaken> &LockOrderCollector::reachedBy(const FunctionDecl *Function,
                                                            Reach &Memo, unsigned Depth) const {
  if (auto Known = Memo.find(Function); Known != Memo.end())
    return Known->second; // also a function still being followed: recursion
  Memo[Function]; // the entry that stops a recursion through Function
  auto Own = Functions.find(Function);
  if (Own == Functions.end() || Depth > MaxCallDepth)
    return Memo[Function];
  std::vector<LockTaken> Found = Own->second.Taken;
  for (const CallSite &Call : Own->second.Calls)
    if (!Call.Nested)
      llvm::append_range(Found, reachedBy(Call.Callee, Memo, Depth + 1));
  // One place per lock object is enough for a note.
  std::vector<LockTaken> Unique;
  for (LockTaken &Lock : Found)
    if (llvm::none_of(Unique, [&](const LockTaken &U) { return U.Identity == Lock.Identity; }))
      Unique.push_back(std::move(Lock));
  return Memo[Function] = std::move(Unique);
}

void LockOrderCollector::addCallEdges() {
  Reach Memo;
  for (const auto &[Function, Locks] : Functions)
    for (const CallSite &Call : Locks.Calls) {
      if (Call.Held.empty())
        continue;
      const std::string Via = Call.Callee->getQualifiedNameAsString();
      // Copied: reachedBy may grow the memo.
      const std::vector<LockTaken> Inner = reachedBy(Call.Callee, Memo, 0);
      for (const LockTaken &Held : Call.Held)
        for (const LockTaken &Taken : Inner)
          if (Held.Identity != Taken.Identity) // which objects is not known across the call
            Edges.push_back({Held, Taken, Call.At, Via});
    }
}

std::vector<OrderEdge> LockOrderCollector::finish(const SourceManager &Sources) {
  addCallEdges();
  auto Before = [&](SourceLocation A, SourceLocation B) {
    return Sources.isBeforeInTranslationUnit(A, B);
  };
  llvm::sort(Edges, [&](const OrderEdge &A, const OrderEdge &B) {
    if (A.At != B.At)
      return Before(A.At, B.At);
    if (A.Outer.Where != B.Outer.Where)
      return Before(A.Outer.Where, B.Outer.Where);
    if (A.Inner.Where != B.Inner.Where)
      return Before(A.Inner.Where, B.Inner.Where);
    return std::tie(A.Outer.Identity, A.Inner.Identity) <
           std::tie(B.Outer.Identity, B.Inner.Identity);
  });
  Functions.clear();
  return std::exchange(Edges, {});
}

} // namespace modlint
