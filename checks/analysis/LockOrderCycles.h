// The cycle search of DESIGN's lock order, over lock identities only, so
// that one unit's graph (the check) and a whole run's (the command line)
// are searched alike: edges "held Outer while acquiring Inner", sorted by
// the place each is reported at.
#pragma once

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace modlint {

/// One edge as the search sees it: two lock identities.
struct OrderPair {
  std::string Outer;
  std::string Inner;
};

/// Every cycle among different lock objects, once, as indices into
/// `Pairs` (which are in source order). The first index is the edge it is
/// reported at, the one closing it latest; the rest follow in cycle order.
/// An identity pair is stood for by its earliest edge. The identity pairs
/// of the edges set in `Skipped` (already reported otherwise) are left out.
std::vector<std::vector<size_t>> lockOrderCycles(const std::vector<OrderPair> &Pairs,
                                                 const std::vector<bool> &Skipped);

/// The indices of the edges against `Order` (identities, outermost first):
/// the inner lock is listed before the outer one.
std::vector<size_t> againstLockOrder(const std::vector<OrderPair> &Pairs,
                                     const std::vector<std::string> &Order);

/// `A -> B -> A`: a cycle as the message names it.
std::string describeCycle(const std::vector<OrderPair> &Pairs, const std::vector<size_t> &Cycle);

} // namespace modlint
