// modrt::Module: the base class of every module. The server creates one
// instance of each module and calls its methods from many threads at once,
// so a module's data members are shared by every concurrent request. A
// module reaches request data through the context only: the current user,
// the request id, cancellation, and the current user's session. modlint's
// default `ModuleBases` is this class.
#pragma once

#include "context.hpp"
#include "session.hpp"

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace modrt {

/// The current user's session, as seen from a call.
class SessionHandle {
public:
  SessionHandle(SessionStore &store, std::string userId)
      : store_(store), userId_(std::move(userId)) {}
  std::optional<std::string> get(const std::string &key) const {
    return store_.get(userId_, key);
  }
  void set(const std::string &key, std::string value) const {
    store_.set(userId_, key, std::move(value));
  }
  bool erase(const std::string &key) const { return store_.erase(userId_, key); }
  /// Read-modify-write in one step (see SessionStore::update).
  std::string update(const std::string &key,
                     const std::function<std::string(const std::optional<std::string> &)>
                         &change) const {
    return store_.update(userId_, key, change);
  }

private:
  SessionStore &store_;
  const std::string userId_;
};

class Module {
public:
  Module() = default;
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;
  virtual ~Module() = default;

protected:
  /// The calling user, or null for an anonymous call.
  const User *currentUser() const { return context().user(); }
  const std::string &requestId() const { return context().requestId(); }
  std::stop_token stopToken() const { return context().stopToken(); }
  /// The calling user's session; throws for an anonymous call.
  SessionHandle session() const {
    const RequestContext &call = context();
    if (!call.user() || !call.sessions())
      throw std::logic_error("session(): the call has no logged-in user");
    return SessionHandle(*call.sessions(), call.user()->id);
  }
};

} // namespace modrt
