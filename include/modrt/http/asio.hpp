// Boost.Asio and Boost.Beast as modrt's HTTP layer uses them: C++20
// coroutines (`asio::awaitable`) need BOOST_ASIO_HAS_CO_AWAIT and
// BOOST_ASIO_HAS_STD_COROUTINE, which Boost 1.74 does not work out for
// clang; the CMake target modrt_http defines both. <utility> comes first,
// as Asio's coroutine support with clang needs.
#pragma once

#include <utility>

#if !defined(BOOST_ASIO_HAS_CO_AWAIT) || !defined(BOOST_ASIO_HAS_STD_COROUTINE)
#error "modrt/http needs BOOST_ASIO_HAS_CO_AWAIT and BOOST_ASIO_HAS_STD_COROUTINE (link modrt_http)"
#endif

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace modrt::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Json = nlohmann::json;
} // namespace modrt::http
