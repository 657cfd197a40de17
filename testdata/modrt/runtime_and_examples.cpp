// The runtime's own headers and the pattern catalogue, linted with every
// check as a user would lint them: nothing in the runtime or the good
// patterns, exactly the expected findings (written in the bad_*.hpp and
// quote_modules.hpp headers) in the anti-patterns.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation, modlint-lock-across-await, modlint-blocking-under-lock, modlint-callback-under-lock, modlint-lock-order, modlint-check-then-act, modlint-escaping-reference, modlint-global-state
#include <utility>
#define BOOST_ASIO_HAS_CO_AWAIT 1
#define BOOST_ASIO_HAS_STD_COROUTINE 1
#include "../../include/modrt/examples/bad_locking_modules.hpp"
#include "../../include/modrt/examples/bad_modules.hpp"
#include "../../include/modrt/examples/good_locking_modules.hpp"
#include "../../include/modrt/examples/good_modules.hpp"
#include "../../include/modrt/examples/quote_modules.hpp"
#include "../../include/modrt/modrt.hpp"
