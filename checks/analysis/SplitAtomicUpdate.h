// A read-modify-write of a std::atomic split over two atomic operations:
// `a_ = a_ + 1`, `flag_ = !flag_`, `a_.store(a_.load() + 1)`. Each
// operation is atomic, but another request can write between the read and
// the write, and one update is lost, as with `++` on a plain int.
#pragma once

#include "MemberState.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace modlint {

struct SplitUpdate {
  const clang::Expr *Target; // the atomic written
  std::string Operation;     // "=" or "store"
};

/// `E` writes an atomic member with a value computed from a read of the
/// same member.
std::optional<SplitUpdate> splitAtomicUpdate(const clang::Expr &E,
                                             const MemberStateResolver &Resolver);

} // namespace modlint
