// The per-request context: who is calling, which request this is, whether
// it has been cancelled, and where its session lives. The dispatcher
// installs it for the duration of each call on the thread that runs the
// call (the C++ counterpart of AsyncLocalStorage), so a module reads request
// data from the context and never from its own, shared, members.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace modrt {

class SessionStore;

struct User {
  std::string id;
  std::vector<std::string> roles;

  bool hasRole(const std::string &role) const {
    for (const std::string &r : roles)
      if (r == role)
        return true;
    return false;
  }
};

/// What one call knows about itself. Immutable: every thread that works for
/// the call may read it at once.
class RequestContext {
public:
  RequestContext(std::string requestId, std::optional<User> user,
                 std::stop_token stop, std::shared_ptr<SessionStore> sessions)
      : requestId_(std::move(requestId)), user_(std::move(user)),
        stop_(std::move(stop)), sessions_(std::move(sessions)) {}

  const std::string &requestId() const { return requestId_; }
  /// Null for an anonymous call.
  const User *user() const { return user_ ? &*user_ : nullptr; }
  std::stop_token stopToken() const { return stop_; }
  SessionStore *sessions() const { return sessions_.get(); }

private:
  const std::string requestId_;
  const std::optional<User> user_;
  const std::stop_token stop_;
  const std::shared_ptr<SessionStore> sessions_;
};

class NoContextError : public std::logic_error {
public:
  NoContextError() : std::logic_error("no request context: not inside a call") {}
};

namespace detail {
// The context of the call this thread is running. One per thread by design:
// that is what makes concurrent calls unable to see each other's context.
inline thread_local std::shared_ptr<const RequestContext> currentContext;
} // namespace detail

/// The context of the call running on this thread; null outside any call.
inline std::shared_ptr<const RequestContext> currentContext() {
  return detail::currentContext;
}

/// The context of the call running on this thread; throws outside a call.
inline const RequestContext &context() {
  if (!detail::currentContext)
    throw NoContextError();
  return *detail::currentContext;
}

/// Installs a context on this thread for the scope's lifetime and restores
/// the previous one after, so scopes nest.
class ContextScope {
public:
  explicit ContextScope(std::shared_ptr<const RequestContext> context)
      : previous_(std::exchange(detail::currentContext, std::move(context))) {}
  ~ContextScope() { detail::currentContext = std::move(previous_); }
  ContextScope(const ContextScope &) = delete;
  ContextScope &operator=(const ContextScope &) = delete;

private:
  std::shared_ptr<const RequestContext> previous_;
};

/// Wraps `fn` so that it runs with the caller's current context on whatever
/// thread or executor ends up running it: the way to hand work to another
/// thread without losing who it is for.
template <typename Fn> auto bindContext(Fn fn) {
  return [context = currentContext(), fn = std::move(fn)](auto &&...args) mutable
         -> decltype(auto) {
    ContextScope scope(context);
    return fn(std::forward<decltype(args)>(args)...);
  };
}

} // namespace modrt
