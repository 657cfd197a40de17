// Routing: `POST /rpc/<module>/<method>` with a JSON body calls one method
// of one shared module instance. A method takes the JSON arguments and
// returns JSON, either at once (`Json send(const Json &)`, a plain method)
// or as a C++20 coroutine (`asio::awaitable<Json> send(Json)`) that may
// co_await I/O and timers. Both run on the server's io threads, where they
// must not block; a plain method that may block (waits for a lock a
// coroutine can hold through its wait, writes a file) is routed as blocking
// and runs on the server's handler pool instead. The table is filled
// before the server starts and only read after, by every connection at
// once. A generator method streams its result
// (`asio::awaitable<void> ticks(Json, ChunkWriter &)`, stream_writer.hpp).
#pragma once

#include "asio.hpp"
#include "stream_writer.hpp"

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace modrt::http {

using Handler = std::function<asio::awaitable<Json>(Json)>;
using StreamHandler = std::function<asio::awaitable<void>(Json, ChunkWriter &)>;

/// A routed method, and whether it may block (runs off the io threads).
struct Route {
  Handler handler;
  bool blocking = false;
};

class Router {
public:
  /// Routes `<module>/<method>` to `method` of `instance` (a member
  /// function pointer, or any callable taking the module and the JSON).
  /// Only a plain method can be `blocking`: a coroutine that blocks would
  /// stall the pool it was moved to, and one that waits need not block.
  template <typename M, typename Method>
  void add(M &instance, const std::string &module, const std::string &name, Method method,
           bool blocking = false) {
    using Result = std::invoke_result_t<Method, M &, Json>;
    constexpr bool plain = !std::is_same_v<Result, asio::awaitable<Json>>;
    if (blocking && !plain)
      throw std::logic_error(module + "/" + name + ": a coroutine method cannot be blocking");
    Handler handler = [&instance, method](Json args) -> asio::awaitable<Json> {
      if constexpr (plain)
        co_return Json(std::invoke(method, instance, std::move(args)));
      else
        co_return co_await std::invoke(method, instance, std::move(args));
    };
    routes_[module + "/" + name] = Route{std::move(handler), blocking};
  }

  /// Routes the generator `<module>/<method>`: `method(instance, args,
  /// writer)` is a coroutine that sends its chunks through the writer.
  template <typename M, typename Method>
  void addStream(M &instance, const std::string &module, const std::string &name, Method method) {
    streams_[module + "/" + name] = [&instance, method](Json args,
                                                        ChunkWriter &out) -> asio::awaitable<void> {
      co_await std::invoke(method, instance, std::move(args), out);
    };
  }

  /// The generator a route (`<module>/<method>`) names, or null.
  const StreamHandler *findStream(std::string_view route) const {
    auto found = streams_.find(route);
    return found == streams_.end() ? nullptr : &found->second;
  }

  /// The method a route (`<module>/<method>`) names, or null.
  const Route *find(std::string_view route) const {
    auto found = routes_.find(route);
    return found == routes_.end() ? nullptr : &found->second;
  }

private:
  std::map<std::string, Route, std::less<>> routes_;
  std::map<std::string, StreamHandler, std::less<>> streams_;
};

} // namespace modrt::http
