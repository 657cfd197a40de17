// modrt served over HTTP/1.1: Boost.Beast on a multi-threaded Boost.Asio
// io_context, every connection a C++20 coroutine. The routes:
//
//   POST /auth/visitor             -> {"userId", "token"}   a new visitor
//   POST /auth/login {name, password} -> {"token"}          a named user
//   POST /rpc/<module>/<method> {args...}, Authorization: Bearer <token>
//                                  -> {"result": ...}       one module call
//   POST /stream/<module>/<method> {args...}, Authorization: Bearer <token>
//                                  -> text/event-stream, one chunk per event
//
// Each call runs inside its own request context (user, request id,
// cancellation, session), installed by a ContextExecutor for every step of
// the handler, on whichever thread resumes it: the io threads, or for a
// method routed as blocking, the handler pool (router.hpp). The session
// comes from the core's SessionProvider, given the request's Cookie header;
// what the provider sends back (cookie sessions) is the response's
// Set-Cookie. Password hashing, which is slow on purpose, runs on a pool of
// its own, not on the io threads.
#pragma once

#include "../server.hpp"
#include "asio.hpp"
#include "context_executor.hpp"
#include "router.hpp"
#include "stream_writer.hpp"

#include <chrono>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace modrt::http {

struct HttpOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0; // 0: a free port, which port() tells
  unsigned threads = 4;        // io threads: connections and methods
  unsigned handlerThreads = 2; // the pool blocking methods run on
  std::chrono::seconds idleTimeout{30};
};

class HttpServer {
public:
  using Request = bhttp::request<bhttp::string_body>;
  using Response = bhttp::response<bhttp::string_body>;

  HttpServer(Server &core, HttpOptions options = {})
      : core_(core), options_(std::move(options)),
        acceptor_(io_, tcp::endpoint(asio::ip::make_address(options_.address), options_.port)) {}
  ~HttpServer() { stop(); }
  HttpServer(const HttpServer &) = delete;
  HttpServer &operator=(const HttpServer &) = delete;

  /// Serves `method` of the registered module `M` as `<module>/<name>`.
  /// Every route is added before start().
  template <typename M, typename Method>
  HttpServer &route(const std::string &module, const std::string &name, Method method) {
    notStarted("route()");
    router_.add(core_.module<M>(), module, name, std::move(method));
    return *this;
  }

  /// Serves the plain `method` of `M`, which may block (waits for a lock a
  /// coroutine can hold through its wait, does file I/O), on the handler
  /// pool, so it does not stall the other connections of an io thread.
  template <typename M, typename Method>
  HttpServer &blockingRoute(const std::string &module, const std::string &name, Method method) {
    notStarted("blockingRoute()");
    router_.add(core_.module<M>(), module, name, std::move(method), true);
    return *this;
  }

  /// Serves the generator `method` of `M` as `/stream/<module>/<name>`.
  template <typename M, typename Method>
  HttpServer &streamRoute(const std::string &module, const std::string &name, Method method) {
    notStarted("streamRoute()");
    router_.addStream(core_.module<M>(), module, name, std::move(method));
    return *this;
  }

  void start() {
    asio::co_spawn(io_, listen(), asio::detached);
    for (unsigned i = 0; i < options_.threads; ++i)
      threads_.emplace_back([this] { io_.run(); });
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }

  /// Stops serving; calls in flight are abandoned.
  void stop() {
    io_.stop();
    threads_.clear(); // joins
  }

private:
  /// Routes are read without a lock once serving starts.
  void notStarted(const std::string &what) const {
    if (!threads_.empty())
      throw std::logic_error(what + " after start()");
  }

  asio::awaitable<void> listen() {
    for (;;) {
      tcp::socket socket = co_await acceptor_.async_accept(asio::use_awaitable);
      asio::co_spawn(io_, serve(std::move(socket)), asio::detached);
    }
  }

  /// One connection: requests in order, kept alive while the client asks.
  asio::awaitable<void> serve(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
      stream.expires_after(options_.idleTimeout);
      Request request;
      beast::error_code error;
      co_await bhttp::async_read(stream, buffer, request,
                                 asio::redirect_error(asio::use_awaitable, error));
      if (error)
        co_return; // closed, timed out, or not HTTP
      if (view(request.target()).starts_with("/stream/"))
        co_return co_await streamCall(stream, request); // a stream ends the connection
      Response response = co_await respond(request);
      response.keep_alive(request.keep_alive());
      response.prepare_payload();
      co_await bhttp::async_write(stream, response,
                                  asio::redirect_error(asio::use_awaitable, error));
      if (error || !request.keep_alive())
        co_return;
    }
  }

  asio::awaitable<Response> respond(const Request &request) {
    try {
      if (request.method() != bhttp::verb::post)
        co_return reply(request, bhttp::status::method_not_allowed, "use POST");
      const std::string_view target = view(request.target());
      Json body = request.body().empty() ? Json::object() : Json::parse(request.body());
      if (target == "/auth/visitor")
        co_return co_await visitor(request);
      if (target == "/auth/login")
        co_return co_await login(request, body);
      if (target.starts_with("/rpc/"))
        co_return co_await call(request, target.substr(5), std::move(body));
      co_return reply(request, bhttp::status::not_found, "no such route");
    } catch (const Json::exception &e) {
      co_return reply(request, bhttp::status::bad_request, e.what());
    } catch (const AuthError &e) {
      co_return reply(request, bhttp::status::unauthorized, e.what());
    } catch (const std::exception &e) {
      co_return reply(request, bhttp::status::internal_server_error, e.what());
    }
  }

  asio::awaitable<Response> visitor(const Request &request) {
    const Credentials visitor = co_await offload([this] { return core_.loginAsVisitor(); });
    co_return reply(request, Json{{"userId", visitor.userId}, {"token", visitor.token}});
  }

  asio::awaitable<Response> login(const Request &request, const Json &body) {
    const std::string name = body.at("name").get<std::string>();
    const std::string password = body.at("password").get<std::string>();
    const std::optional<std::string> token =
        co_await offload([this, &name, &password] { return core_.auth().login(name, password); });
    if (!token)
      co_return reply(request, bhttp::status::unauthorized, "wrong name or password");
    co_return reply(request, Json{{"token", *token}});
  }

  asio::awaitable<Response> call(const Request &request, std::string_view route, Json args) {
    const Route *method = router_.find(route);
    if (!method)
      co_return reply(request, bhttp::status::not_found, "no such module method");
    const std::shared_ptr<const RequestContext> context =
        core_.contextFor(bearerToken(request), {}, cookieHeader(request));
    Json result = method->blocking
                      ? co_await runIn(handlers_.get_executor(), context, *method, std::move(args))
                      : co_await runIn(io_.get_executor(), context, *method, std::move(args));
    Response response = reply(request, Json{{"result", std::move(result)}});
    if (const std::optional<std::string> cookie = core_.closeSession(*context))
      response.set(bhttp::field::set_cookie, *cookie);
    co_return response;
  }

  /// A generator call: the header, then each event as one chunk while the
  /// client takes them, then the last chunk. Errors before the header get
  /// their status; an exception of the generator is its last event.
  asio::awaitable<void> streamCall(beast::tcp_stream &stream, const Request &request) {
    std::stop_source cancel;
    std::shared_ptr<const RequestContext> context;
    const StreamHandler *handler = nullptr;
    Json args;
    std::optional<Response> refused;
    try {
      handler = router_.findStream(view(request.target()).substr(8));
      args = request.body().empty() ? Json::object() : Json::parse(request.body());
      context = core_.contextFor(bearerToken(request), cancel.get_token(), cookieHeader(request));
      if (!handler)
        refused = reply(request, bhttp::status::not_found, "no such stream");
    } catch (const Json::exception &e) {
      refused = reply(request, bhttp::status::bad_request, e.what());
    } catch (const AuthError &e) {
      refused = reply(request, bhttp::status::unauthorized, e.what());
    }
    beast::error_code error;
    if (refused) {
      refused->keep_alive(false);
      refused->prepare_payload();
      co_await bhttp::async_write(stream, *refused, asio::redirect_error(asio::use_awaitable, error));
      co_return;
    }
    bhttp::response<bhttp::empty_body> head(bhttp::status::ok, request.version());
    head.set(bhttp::field::content_type, "text/event-stream");
    head.keep_alive(false);
    head.chunked(true);
    bhttp::response_serializer<bhttp::empty_body> serializer(head);
    co_await bhttp::async_write_header(stream, serializer,
                                       asio::redirect_error(asio::use_awaitable, error));
    if (error)
      co_return;
    ChunkWriter writer(stream, cancel, options_.idleTimeout);
    std::optional<std::string> failure;
    try {
      co_await asio::co_spawn(ContextExecutor(io_.get_executor(), context),
                              (*handler)(std::move(args), writer), asio::use_awaitable);
    } catch (const std::exception &e) {
      failure = e.what();
    }
    if (failure)
      co_await writer.send(Json{{"error", *failure}});
    if (!cancel.stop_requested())
      co_await asio::async_write(stream, bhttp::make_chunk_last(),
                                 asio::redirect_error(asio::use_awaitable, error));
  }

  /// Runs `method` inside `context` on `executor`'s threads and resumes
  /// here, on an io thread, with its result.
  template <typename Executor>
  static asio::awaitable<Json> runIn(Executor executor,
                                     std::shared_ptr<const RequestContext> context,
                                     const Route &method, Json args) {
    co_return co_await asio::co_spawn(ContextExecutor(std::move(executor), std::move(context)),
                                      method.handler(std::move(args)), asio::use_awaitable);
  }

  /// Runs `work` on the blocking pool and resumes here with its result.
  template <typename Work> asio::awaitable<std::invoke_result_t<Work>> offload(Work work) {
    using Result = std::invoke_result_t<Work>;
    co_return co_await asio::co_spawn(
        blocking_, [work = std::move(work)]() -> asio::awaitable<Result> { co_return work(); },
        asio::use_awaitable);
  }

  static std::string bearerToken(const Request &request) {
    const std::string_view header = view(request[bhttp::field::authorization]);
    return header.starts_with("Bearer ") ? std::string(header.substr(7)) : std::string();
  }

  static std::string cookieHeader(const Request &request) {
    return std::string(view(request[bhttp::field::cookie]));
  }

  static std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

  static Response reply(const Request &request, const Json &body) {
    Response response(bhttp::status::ok, request.version());
    response.set(bhttp::field::content_type, "application/json");
    response.body() = body.dump();
    return response;
  }
  static Response reply(const Request &request, bhttp::status status, const std::string &error) {
    Response response = reply(request, Json{{"error", error}});
    response.result(status);
    return response;
  }

  Server &core_;
  const HttpOptions options_;
  Router router_;
  asio::io_context io_;
  tcp::acceptor acceptor_;
  asio::thread_pool handlers_{options_.handlerThreads};
  asio::thread_pool blocking_{2};
  std::vector<std::jthread> threads_;
};

} // namespace modrt::http
