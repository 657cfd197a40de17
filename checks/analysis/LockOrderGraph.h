// DESIGN's lock order: the graph of "held A while acquiring B" edges of a
// translation unit, its cycles (each reported once), the same member lock
// taken on two objects, and acquisitions against a documented order
// (`LockOrder`).
#pragma once

#include "clang/Basic/SourceManager.h"
#include <string>
#include <vector>

namespace modlint {

/// One lock object acquired at one place.
struct LockTaken {
  std::string Identity; // `acme::Ledger::accountsMu_`, `app::registryMu`
  std::string Owner;    // the object it belongs to, as written there
  clang::SourceLocation Where;
};

/// `Inner` acquired while `Outer` is held.
struct OrderEdge {
  LockTaken Outer;
  LockTaken Inner;
  /// Where the edge is reported: the inner acquisition, or the call of
  /// `Via` that leads to it.
  clang::SourceLocation At;
  std::string Via; // the function called, when Inner is taken inside it
};

/// A cycle of edges, the one it is reported at first, the rest in the
/// cycle's order after it.
using OrderCycle = std::vector<const OrderEdge *>;

class LockOrderGraph {
public:
  void add(OrderEdge Edge) { Edges.push_back(std::move(Edge)); }
  /// Puts the edges in source order, whatever order the functions were
  /// visited in, so that findings do not depend on it.
  void sortBySource(const clang::SourceManager &Sources);

  /// Edges against `Order` (identities, outermost first): the inner lock
  /// comes before the outer one in it.
  std::vector<const OrderEdge *> againstOrder(const std::vector<std::string> &Order) const;

  /// The same member lock taken on a second object while the first's is
  /// held (`transfer(a, b)` racing `transfer(b, a)`).
  std::vector<const OrderEdge *> twoObjects() const;

  /// Every cycle among different lock objects, once, skipping those that go
  /// through an edge of `Reported`. Each cycle is reported at the edge with
  /// the latest place in `Sources`' order.
  std::vector<OrderCycle> cycles(const clang::SourceManager &Sources,
                                 const std::vector<const OrderEdge *> &Reported) const;

private:
  std::vector<OrderEdge> Edges;
};

/// `A -> B -> A`: a cycle as the message names it.
std::string describeCycle(const OrderCycle &Cycle);

} // namespace modlint
