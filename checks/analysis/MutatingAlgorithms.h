// Standard algorithms that write the range they are given: `std::sort(
// v_.begin(), v_.end())`, `std::ranges::sort(v_)`, `std::fill`, ...; and the
// insert iterators (`std::back_inserter(v_)`) that algorithms write
// through. DESIGN's "write" counts passing an iterator pair to a mutating
// algorithm as a write of the container.
#pragma once

#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace modlint {

struct RangeWrite {
  const clang::Expr *Container; // the container whose elements are written
  std::string Operation;        // "std::sort", "std::ranges::fill", "std::back_inserter"
};

/// The container `Call` writes, if it is a mutating standard algorithm
/// given that container's range (`c.begin()`, `std::begin(c)`, `c.data()`,
/// or `c` itself for a ranges algorithm), or an insert iterator made from
/// it.
std::optional<RangeWrite> mutatedRange(const clang::CallExpr &Call);

} // namespace modlint
