#include "LockOrderCheck.h"

#include "analysis/LockOrderCycles.h"
#include "analysis/LockOrderMessages.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

LockOrderCheck::LockOrderCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ModuleCheck(Name, Context), Order(Settings.LockOrder), Collector(Modules, Safe) {}

void LockOrderCheck::registerMatchers(MatchFinder *Finder) { registerFunctionMatcher(Finder); }

void LockOrderCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    Sources = Result.SourceManager;
    Collector.scan(*Function, *Result.Context);
  }
}

void LockOrderCheck::onEndOfTranslationUnit() {
  if (Sources)
    reportEdges(Collector.finish(*Sources));
  Sources = nullptr;
  ModuleCheck::onEndOfTranslationUnit();
}

void LockOrderCheck::reportEdges(const std::vector<OrderEdge> &Edges) {
  std::vector<OrderPair> Pairs;
  for (const OrderEdge &Edge : Edges)
    Pairs.push_back({Edge.Outer.Identity, Edge.Inner.Identity});
  std::vector<bool> Reported(Edges.size());
  for (size_t I : againstLockOrder(Pairs, Order)) {
    reportAgainstOrder(Edges[I]);
    Reported[I] = true;
  }
  for (const OrderEdge &Edge : Edges)
    if (Edge.Outer.Identity == Edge.Inner.Identity && Edge.Via.empty() &&
        Edge.Outer.Owner != Edge.Inner.Owner)
      reportTwoObjects(Edge);
  for (const std::vector<size_t> &Cycle : lockOrderCycles(Pairs, Reported))
    reportCycle(Edges, Cycle, describeCycle(Pairs, Cycle));
}

void LockOrderCheck::noteOwnEdge(const OrderEdge &Edge) {
  diag(Edge.Outer.Where, lock_order::Acquired, DiagnosticIDs::Note) << Edge.Outer.Identity;
  if (!Edge.Via.empty())
    diag(Edge.Inner.Where, lock_order::AcquiredIn, DiagnosticIDs::Note)
        << Edge.Inner.Identity << Edge.Via;
}

void LockOrderCheck::noteEdge(const OrderEdge &Edge) {
  diag(Edge.Outer.Where, lock_order::Acquired, DiagnosticIDs::Note) << Edge.Outer.Identity;
  diag(Edge.At, Edge.Via.empty() ? lock_order::AcquiredHolding : lock_order::AcquiredThroughCall,
       DiagnosticIDs::Note)
      << Edge.Inner.Identity << Edge.Outer.Identity << Edge.Via;
}

void LockOrderCheck::reportCycle(const std::vector<OrderEdge> &Edges,
                                 const std::vector<size_t> &Cycle, const std::string &Described) {
  const OrderEdge &Closing = Edges[Cycle.front()];
  diag(Closing.At, lock_order::Cycle)
      << Closing.Inner.Identity << Closing.Outer.Identity << Described;
  noteOwnEdge(Closing);
  for (size_t Edge : llvm::drop_begin(Cycle))
    noteEdge(Edges[Edge]);
}

void LockOrderCheck::reportTwoObjects(const OrderEdge &Edge) {
  diag(Edge.At, lock_order::TwoObjects)
      << Edge.Inner.Identity << Edge.Inner.Owner << Edge.Outer.Owner;
  noteOwnEdge(Edge);
}

void LockOrderCheck::reportAgainstOrder(const OrderEdge &Edge) {
  diag(Edge.At, lock_order::AgainstOrder) << Edge.Inner.Identity << Edge.Outer.Identity;
  noteOwnEdge(Edge);
}

} // namespace modlint
