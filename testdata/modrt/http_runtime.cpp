// modrt's HTTP layer (Boost.Beast over Asio coroutines, the router, the
// executor that carries a request's context across co_await, the client,
// the encrypted-cookie sessions),
// linted with every check as a user would lint the framework: nothing.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation, modlint-lock-across-await, modlint-blocking-under-lock, modlint-callback-under-lock, modlint-lock-order, modlint-check-then-act, modlint-escaping-reference, modlint-global-state
#include <utility>
#define BOOST_ASIO_HAS_CO_AWAIT 1
#define BOOST_ASIO_HAS_STD_COROUTINE 1
#include "../../include/modrt/http/client.hpp"
#include "../../include/modrt/http/cookie_sessions.hpp"
#include "../../include/modrt/http/server.hpp"
