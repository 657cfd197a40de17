#include "LockOrderCheck.h"

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

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
class LockOrderCheck::OrderListener : public ScanListener {
public:
  OrderListener(FunctionLocks &Mine, LockOrderGraph &Graph) : Mine(Mine), Graph(Graph) {}

  void onAcquire(const LockState &State, unsigned Mark, bool Nested) override {
    const std::vector<LockTaken> Acquired = identified(State.scopeLocksAcquired(Mark, true));
    // Locks taken together (std::scoped_lock(a, b), std::lock(a, b)) add no
    // order among themselves; each is taken after every lock held before.
    for (const LockTaken &Held : identified(State.scopeLocksAcquired(Mark, false)))
      for (const LockTaken &Inner : Acquired)
        if (Held.Identity != Inner.Identity || Held.Owner != Inner.Owner)
          Graph.add({Held, Inner, Inner.Where, {}});
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
  LockOrderGraph &Graph;
};

LockOrderCheck::LockOrderCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ModuleCheck(Name, Context), Order(Settings.LockOrder) {}

void LockOrderCheck::registerMatchers(MatchFinder *Finder) { registerFunctionMatcher(Finder); }

void LockOrderCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function)
    return;
  Sources = Result.SourceManager;
  OrderListener Listener(Functions[keyOf(Function)], Graph);
  scanMatchedFunction(Result, Listener);
}

const std::vector<LockTaken> &LockOrderCheck::reachedBy(const FunctionDecl *Function, Reach &Memo,
                                                        unsigned Depth) const {
  if (auto Known = Memo.find(Function); Known != Memo.end())
    return Known->second; // also a function still being followed: recursion
  std::vector<LockTaken> &Reached = Memo[Function];
  auto Own = Functions.find(Function);
  if (Own == Functions.end() || Depth > MaxCallDepth)
    return Reached;
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

void LockOrderCheck::addCallEdges() {
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
            Graph.add({Held, Taken, Call.At, Via});
    }
}

void LockOrderCheck::onEndOfTranslationUnit() {
  if (Sources) {
    addCallEdges();
    Graph.sortBySource(*Sources);
    std::vector<const OrderEdge *> Reported = Graph.againstOrder(Order);
    for (const OrderEdge *Edge : Reported)
      reportAgainstOrder(*Edge);
    for (const OrderEdge *Edge : Graph.twoObjects())
      reportTwoObjects(*Edge);
    for (const OrderCycle &Cycle : Graph.cycles(*Sources, Reported))
      reportCycle(Cycle);
  }
  Functions.clear();
  Graph = LockOrderGraph();
  Sources = nullptr;
  ModuleCheck::onEndOfTranslationUnit();
}

void LockOrderCheck::noteEdge(const OrderEdge &Edge) {
  diag(Edge.Outer.Where, "'%0' is acquired here", DiagnosticIDs::Note) << Edge.Outer.Identity;
  if (Edge.Via.empty())
    diag(Edge.At, "'%0' is acquired here while '%1' is held", DiagnosticIDs::Note)
        << Edge.Inner.Identity << Edge.Outer.Identity;
  else
    diag(Edge.At, "'%0' is acquired in '%2', called here while '%1' is held",
         DiagnosticIDs::Note)
        << Edge.Inner.Identity << Edge.Outer.Identity << Edge.Via;
}

void LockOrderCheck::noteOwnEdge(const OrderEdge &Edge) {
  diag(Edge.Outer.Where, "'%0' is acquired here", DiagnosticIDs::Note) << Edge.Outer.Identity;
  if (!Edge.Via.empty())
    diag(Edge.Inner.Where, "'%0' is acquired here, in '%1'", DiagnosticIDs::Note)
        << Edge.Inner.Identity << Edge.Via;
}

void LockOrderCheck::reportCycle(const OrderCycle &Cycle) {
  const OrderEdge &Closing = *Cycle.front();
  diag(Closing.At,
       "'%0' is acquired while '%1' is held, which closes the lock-order cycle '%2': "
       "two threads that take these locks in opposite orders deadlock, each holding "
       "the lock the other waits for; take them in one order everywhere (and state "
       "it in LockOrder), or together with std::scoped_lock")
      << Closing.Inner.Identity << Closing.Outer.Identity << describeCycle(Cycle);
  noteOwnEdge(Closing);
  for (const OrderEdge *Edge : llvm::drop_begin(Cycle))
    noteEdge(*Edge);
}

void LockOrderCheck::reportTwoObjects(const OrderEdge &Edge) {
  diag(Edge.At,
       "'%0' of '%1' is acquired while '%0' of '%2' is held: a call with the two "
       "objects swapped takes them in the opposite order, and the two calls deadlock "
       "(transfer(a, b) racing transfer(b, a)); take both at once with "
       "std::scoped_lock or std::lock")
      << Edge.Inner.Identity << Edge.Inner.Owner << Edge.Outer.Owner;
  noteOwnEdge(Edge);
}

void LockOrderCheck::reportAgainstOrder(const OrderEdge &Edge) {
  diag(Edge.At,
       "'%0' is acquired while '%1' is held, against the documented lock order "
       "(LockOrder takes '%0' first): a thread that follows the order deadlocks with "
       "this one; release '%1' before taking '%0', or take them in the documented order")
      << Edge.Inner.Identity << Edge.Outer.Identity;
  noteOwnEdge(Edge);
}

} // namespace modlint
