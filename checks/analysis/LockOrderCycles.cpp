#include "LockOrderCycles.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <deque>
#include <optional>
#include <set>

namespace modlint {

namespace {
using Adjacency = llvm::StringMap<std::vector<size_t>>;

/// The edges of a shortest path from `From` to `To`, empty if none.
std::vector<size_t> pathBetween(const std::vector<OrderPair> &Pairs, const Adjacency &Out,
                                const std::string &From, const std::string &To) {
  llvm::StringMap<std::optional<size_t>> ReachedBy; // breadth first, so shortest
  std::deque<std::string> Pending{From};
  ReachedBy[From] = std::nullopt;
  while (!Pending.empty()) {
    const std::string Node = Pending.front();
    Pending.pop_front();
    if (Node == To) {
      std::vector<size_t> Path;
      for (std::string At = To; ReachedBy[At]; At = Pairs[*ReachedBy[At]].Outer)
        Path.insert(Path.begin(), *ReachedBy[At]);
      return Path;
    }
    auto Next = Out.find(Node);
    if (Next == Out.end())
      continue;
    for (size_t Edge : Next->second)
      if (ReachedBy.try_emplace(Pairs[Edge].Inner, Edge).second)
        Pending.push_back(Pairs[Edge].Inner);
  }
  return {};
}
} // namespace

std::vector<std::vector<size_t>> lockOrderCycles(const std::vector<OrderPair> &Pairs,
                                                 const std::vector<bool> &Skipped) {
  // The earliest edge of each pair of different lock objects stands for
  // every place the same order is taken.
  // An order reported otherwise is left out at every place it is taken.
  std::set<std::pair<std::string, std::string>> Seen;
  for (size_t I = 0; I < Pairs.size() && I < Skipped.size(); ++I)
    if (Skipped[I])
      Seen.insert({Pairs[I].Outer, Pairs[I].Inner});
  Adjacency Out;
  std::vector<size_t> Kept;
  for (size_t I = 0; I < Pairs.size(); ++I) {
    const OrderPair &Pair = Pairs[I];
    if (Pair.Outer == Pair.Inner || !Seen.insert({Pair.Outer, Pair.Inner}).second)
      continue;
    Out[Pair.Outer].push_back(I);
    Kept.push_back(I);
  }
  std::vector<std::vector<size_t>> Found;
  std::set<std::set<size_t>> Known;
  for (size_t Edge : Kept) {
    std::vector<size_t> Back = pathBetween(Pairs, Out, Pairs[Edge].Inner, Pairs[Edge].Outer);
    if (Back.empty())
      continue;
    std::vector<size_t> Cycle{Edge};
    llvm::append_range(Cycle, Back);
    if (!Known.insert(std::set<size_t>(Cycle.begin(), Cycle.end())).second)
      continue;
    // Reported where it closes latest; the rest follows in cycle order.
    std::rotate(Cycle.begin(), llvm::max_element(Cycle), Cycle.end());
    Found.push_back(std::move(Cycle));
  }
  return Found;
}

std::vector<size_t> againstLockOrder(const std::vector<OrderPair> &Pairs,
                                     const std::vector<std::string> &Order) {
  std::vector<size_t> Against;
  for (size_t I = 0; I < Pairs.size(); ++I) {
    auto Outer = llvm::find(Order, Pairs[I].Outer);
    auto Inner = llvm::find(Order, Pairs[I].Inner);
    if (Outer != Order.end() && Inner != Order.end() && Inner < Outer)
      Against.push_back(I);
  }
  return Against;
}

std::string describeCycle(const std::vector<OrderPair> &Pairs, const std::vector<size_t> &Cycle) {
  std::string Text;
  for (size_t Edge : Cycle)
    Text += Pairs[Edge].Outer + " -> ";
  return Text + Pairs[Cycle.front()].Outer;
}

} // namespace modlint
