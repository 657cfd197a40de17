#include "LockOrderGraph.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <deque>
#include <set>

namespace modlint {

namespace {
bool sameIdentity(const OrderEdge &Edge) { return Edge.Outer.Identity == Edge.Inner.Identity; }

/// The earliest edge of each (outer, inner) pair of different lock objects:
/// one edge stands for every place the same order is taken.
std::vector<const OrderEdge *> representatives(const std::vector<OrderEdge> &Edges,
                                               const clang::SourceManager &Sources) {
  std::vector<const OrderEdge *> Sorted;
  for (const OrderEdge &Edge : Edges)
    if (!sameIdentity(Edge))
      Sorted.push_back(&Edge);
  // Edges are in source order already (sortBySource); ties keep it.
  llvm::sort(Sorted, [&](const OrderEdge *A, const OrderEdge *B) {
    if (A->At != B->At)
      return Sources.isBeforeInTranslationUnit(A->At, B->At);
    return A < B;
  });
  std::set<std::pair<std::string, std::string>> Seen;
  std::vector<const OrderEdge *> Kept;
  for (const OrderEdge *Edge : Sorted)
    if (Seen.insert({Edge->Outer.Identity, Edge->Inner.Identity}).second)
      Kept.push_back(Edge);
  return Kept;
}

/// The edges of a shortest path from `From` to `To`, empty if none.
std::vector<const OrderEdge *> pathBetween(const llvm::StringMap<std::vector<const OrderEdge *>> &Out,
                                           const std::string &From, const std::string &To) {
  llvm::StringMap<const OrderEdge *> ReachedBy; // breadth first, so shortest
  std::deque<std::string> Pending{From};
  ReachedBy[From] = nullptr;
  while (!Pending.empty()) {
    const std::string Node = Pending.front();
    Pending.pop_front();
    if (Node == To) {
      std::vector<const OrderEdge *> Path;
      for (std::string At = To; ReachedBy[At]; At = ReachedBy[At]->Outer.Identity)
        Path.insert(Path.begin(), ReachedBy[At]);
      return Path;
    }
    auto Next = Out.find(Node);
    if (Next == Out.end())
      continue;
    for (const OrderEdge *Edge : Next->second)
      if (ReachedBy.try_emplace(Edge->Inner.Identity, Edge).second)
        Pending.push_back(Edge->Inner.Identity);
  }
  return {};
}
} // namespace

void LockOrderGraph::sortBySource(const clang::SourceManager &Sources) {
  auto Before = [&](clang::SourceLocation A, clang::SourceLocation B) {
    return Sources.isBeforeInTranslationUnit(A, B);
  };
  llvm::sort(Edges, [&](const OrderEdge &A, const OrderEdge &B) {
    if (A.At != B.At)
      return Before(A.At, B.At);
    if (A.Outer.Where != B.Outer.Where)
      return Before(A.Outer.Where, B.Outer.Where);
    return Before(A.Inner.Where, B.Inner.Where);
  });
}

std::vector<const OrderEdge *>
LockOrderGraph::againstOrder(const std::vector<std::string> &Order) const {
  std::vector<const OrderEdge *> Against;
  for (const OrderEdge &Edge : Edges) {
    auto Outer = llvm::find(Order, Edge.Outer.Identity);
    auto Inner = llvm::find(Order, Edge.Inner.Identity);
    if (Outer != Order.end() && Inner != Order.end() && Inner < Outer)
      Against.push_back(&Edge);
  }
  return Against;
}

std::vector<const OrderEdge *> LockOrderGraph::twoObjects() const {
  std::vector<const OrderEdge *> Found;
  for (const OrderEdge &Edge : Edges)
    if (sameIdentity(Edge) && Edge.Via.empty() && Edge.Outer.Owner != Edge.Inner.Owner)
      Found.push_back(&Edge);
  return Found;
}

std::vector<OrderCycle> LockOrderGraph::cycles(const clang::SourceManager &Sources,
                                               const std::vector<const OrderEdge *> &Reported) const {
  std::set<std::pair<std::string, std::string>> Skipped;
  for (const OrderEdge *Edge : Reported)
    Skipped.insert({Edge->Outer.Identity, Edge->Inner.Identity});
  llvm::StringMap<std::vector<const OrderEdge *>> Out;
  std::vector<const OrderEdge *> Kept;
  for (const OrderEdge *Edge : representatives(Edges, Sources))
    if (!Skipped.count({Edge->Outer.Identity, Edge->Inner.Identity})) {
      Out[Edge->Outer.Identity].push_back(Edge);
      Kept.push_back(Edge);
    }
  std::vector<OrderCycle> Found;
  std::set<std::set<const OrderEdge *>> Known;
  for (const OrderEdge *Edge : Kept) {
    std::vector<const OrderEdge *> Back = pathBetween(Out, Edge->Inner.Identity, Edge->Outer.Identity);
    if (Back.empty())
      continue;
    OrderCycle Cycle{Edge};
    Cycle.insert(Cycle.end(), Back.begin(), Back.end());
    if (!Known.insert(std::set<const OrderEdge *>(Cycle.begin(), Cycle.end())).second)
      continue;
    // Reported where it closes latest; the rest follows in cycle order.
    auto Latest = llvm::max_element(Cycle, [&](const OrderEdge *A, const OrderEdge *B) {
      return Sources.isBeforeInTranslationUnit(A->At, B->At);
    });
    std::rotate(Cycle.begin(), Latest, Cycle.end());
    Found.push_back(std::move(Cycle));
  }
  return Found;
}

std::string describeCycle(const OrderCycle &Cycle) {
  std::string Text;
  for (const OrderEdge *Edge : Cycle)
    Text += Edge->Outer.Identity + " -> ";
  return Text + Cycle.front()->Outer.Identity;
}

} // namespace modlint
