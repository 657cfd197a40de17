// The texts of modlint-lock-order's findings and notes, one place for the
// check (one unit) and the command line (cycles across units), so that a
// cycle reads the same wherever it was found.
#pragma once

namespace modlint::lock_order {

/// %0 the inner lock, %1 the outer one, %2 the cycle (`A -> B -> A`).
inline constexpr const char *Cycle =
    "'%0' is acquired while '%1' is held, which closes the lock-order cycle '%2': "
    "two threads that take these locks in opposite orders deadlock, each holding "
    "the lock the other waits for; take them in one order everywhere (and state "
    "it in LockOrder), or together with std::scoped_lock";

/// %0 the lock, %1 the object taken second, %2 the one held.
inline constexpr const char *TwoObjects =
    "'%0' of '%1' is acquired while '%0' of '%2' is held: a call with the two "
    "objects swapped takes them in the opposite order, and the two calls deadlock "
    "(transfer(a, b) racing transfer(b, a)); take both at once with "
    "std::scoped_lock or std::lock";

/// %0 the inner lock, %1 the outer one.
inline constexpr const char *AgainstOrder =
    "'%0' is acquired while '%1' is held, against the documented lock order "
    "(LockOrder takes '%0' first): a thread that follows the order deadlocks with "
    "this one; release '%1' before taking '%0', or take them in the documented order";

/// Notes: %0 a lock, %1 the lock held, %2 the function called.
inline constexpr const char *Acquired = "'%0' is acquired here";
inline constexpr const char *AcquiredIn = "'%0' is acquired here, in '%1'";
inline constexpr const char *AcquiredHolding = "'%0' is acquired here while '%1' is held";
inline constexpr const char *AcquiredThroughCall =
    "'%0' is acquired in '%2', called here while '%1' is held";

} // namespace modlint::lock_order
