// A bound on what a user's regular expression (HeaderFilter) may cost to
// compile. LLVM's regex compiler copies a counted repetition out in full:
// `(((a{1,255}){1,255}){1,255}){1,255}` would become 255^4 copies and
// exhaust memory before any error is possible. The size is estimated from
// the pattern first, and a pattern over the bound is refused.
#pragma once

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace modlint {

/// The most parts a compiled pattern may have: a repetition of a
/// repetition (`(a{1,255}){1,255}`) still fits, one more level does not.
inline constexpr uint64_t MaxRegexParts = 100000;

/// The number of parts `Pattern` compiles to once counted repetitions are
/// copied out, saturating just above MaxRegexParts. An estimate from above
/// for POSIX extended syntax; it does not validate the pattern.
uint64_t regexParts(llvm::StringRef Pattern);

} // namespace modlint
