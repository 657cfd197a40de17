// The dispatcher: registers one shared instance of each module and runs
// calls against them concurrently on a thread pool, each call inside its
// own request context.
#pragma once

#include "auth.hpp"
#include "context.hpp"
#include "module.hpp"
#include "session.hpp"
#include "stream.hpp"
#include "thread_pool.hpp"

#include <atomic>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <typeindex>
#include <unordered_map>

namespace modrt {

struct ServerOptions {
  unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  /// The in-memory store's options, when `sessionProvider` is null.
  SessionOptions sessions;
  /// Where sessions live: null for the in-memory store, or another provider
  /// (http::CookieSessionProvider: in the client's encrypted cookie).
  std::shared_ptr<SessionProvider> sessionProvider;
  AuthOptions auth;
};

class Server {
public:
  explicit Server(ServerOptions options = {})
      : memory_(options.sessionProvider
                    ? nullptr
                    : std::make_shared<InMemorySessionProvider>(std::move(options.sessions))),
        sessions_(options.sessionProvider ? options.sessionProvider : memory_),
        auth_(options.auth), pool_(options.threads) {}

  /// Creates the one instance of `M` every call will share. Register every
  /// module before the first call: the registry is read without a lock.
  template <typename M, typename... Args> M &registerModule(Args &&...args) {
    static_assert(std::is_base_of_v<Module, M>, "modules derive from modrt::Module");
    if (serving_.load())
      throw std::logic_error("registerModule after the server started serving");
    auto instance = std::make_shared<M>(std::forward<Args>(args)...);
    M &ref = *instance;
    if (!modules_.emplace(std::type_index(typeid(M)), std::move(instance)).second)
      throw std::logic_error("module registered twice");
    return ref;
  }

  /// The one instance of `M`, as every call sees it (for setting up routes
  /// to it: registration is still open).
  template <typename M> M &module() {
    auto found = modules_.find(std::type_index(typeid(M)));
    if (found == modules_.end())
      throw std::logic_error("module not registered");
    return static_cast<M &>(*found->second);
  }

  /// The context of a call as the user `token` names (an empty token is an
  /// anonymous call), with the session `cookieHeader` brings; throws
  /// AuthError for a token that is not valid.
  std::shared_ptr<const RequestContext> contextFor(const std::string &token,
                                                   std::stop_token cancel = {},
                                                   const std::string &cookieHeader = {}) {
    return makeContext(token, std::move(cancel), cookieHeader);
  }

  /// Once a call's work is done: what its session sends back to the client
  /// (a Set-Cookie header), if anything.
  std::optional<std::string> closeSession(const RequestContext &context) {
    return context.sessions() ? sessions_->close(*context.sessions()) : std::nullopt;
  }

  Authenticator &auth() { return auth_; }
  /// The in-memory store; a logic_error when sessions live elsewhere.
  SessionStore &sessions() {
    if (!memory_)
      throw std::logic_error("sessions(): this server's sessions are not kept in memory");
    return memory_->store();
  }
  Credentials loginAsVisitor() { return auth_.registerVisitor(); }

  /// Runs `method(module)` on a worker as the user `token` names (an empty
  /// token is an anonymous call). An invalid token fails the future with
  /// AuthError. `cancel` reaches the module as its stopToken().
  template <typename M, typename Method>
  auto call(const std::string &token, Method method, std::stop_token cancel = {})
      -> std::future<std::invoke_result_t<Method, M &>> {
    using Result = std::invoke_result_t<Method, M &>;
    auto promise = std::make_shared<std::promise<Result>>();
    std::future<Result> result = promise->get_future();
    std::shared_ptr<const RequestContext> context;
    try {
      context = makeContext(token, std::move(cancel));
    } catch (...) {
      promise->set_exception(std::current_exception());
      return result;
    }
    M &module = instance<M>();
    pool_.post([promise, context, &module, method = std::move(method)]() mutable {
      ContextScope scope(context);
      try {
        if constexpr (std::is_void_v<Result>) {
          method(module);
          promise->set_value();
        } else {
          promise->set_value(method(module));
        }
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    });
    return result;
  }

  /// Runs `method(module, emitter)` on a worker; the chunks it emits arrive
  /// in the returned stream as they are produced.
  template <typename M, typename T, typename Method>
  Stream<T> stream(const std::string &token, Method method, std::stop_token cancel = {}) {
    auto channel = std::make_shared<detail::Channel<T>>();
    std::shared_ptr<const RequestContext> context;
    try {
      context = makeContext(token, cancel);
    } catch (...) {
      channel->close(std::current_exception());
      return Stream<T>(channel);
    }
    M &module = instance<M>();
    pool_.post([channel, context, &module, method = std::move(method), cancel]() mutable {
      ContextScope scope(context);
      Emitter<T> emitter(channel, cancel);
      try {
        method(module, emitter);
        channel->close();
      } catch (...) {
        channel->close(std::current_exception());
      }
    });
    return Stream<T>(channel);
  }

private:
  template <typename M> M &instance() {
    serving_.store(true);
    return module<M>();
  }

  std::shared_ptr<const RequestContext> makeContext(const std::string &token,
                                                    std::stop_token cancel,
                                                    const std::string &cookieHeader = {}) {
    std::optional<User> user;
    if (!token.empty()) {
      user = auth_.verify(token);
      if (!user)
        throw AuthError("invalid or expired token");
    }
    const std::uint64_t id = nextRequest_.fetch_add(1, std::memory_order_relaxed) + 1;
    return std::make_shared<const RequestContext>("req_" + std::to_string(id),
                                                  std::move(user), std::move(cancel),
                                                  sessions_->open(cookieHeader));
  }

  const std::shared_ptr<InMemorySessionProvider> memory_;
  const std::shared_ptr<SessionProvider> sessions_;
  Authenticator auth_;
  std::unordered_map<std::type_index, std::shared_ptr<Module>> modules_;
  std::atomic<bool> serving_{false};
  std::atomic<std::uint64_t> nextRequest_{0};
  // Last: destroyed first, so in-flight calls finish while the rest lives.
  ThreadPool pool_;
};

} // namespace modrt
