// Runs every step of a coroutine handler inside its request's context. A
// handler that co_awaits resumes on whichever thread of the server's
// io_context completes what it waited for, where the thread_local context
// of the thread it started on is not. The server therefore spawns each
// handler on a ContextExecutor: every function Asio hands this executor
// (the handler's start and each resumption) runs with the request's context
// installed (ContextScope), and the thread's own context back afterwards.
// So currentUser() is the caller after every co_await, on every thread.
#pragma once

#include "../context.hpp"
#include "asio.hpp"

#include <memory>
#include <type_traits>

namespace modrt::http {

template <typename Inner> class ContextExecutor {
public:
  ContextExecutor(Inner inner, std::shared_ptr<const RequestContext> context)
      : inner_(std::move(inner)), context_(std::move(context)) {}

  template <typename Function> void execute(Function &&function) const {
    inner_.execute([context = context_, function = std::forward<Function>(function)]() mutable {
      ContextScope scope(context);
      std::move(function)();
    });
  }

  /// Properties are the inner executor's; a changed one keeps the context.
  template <typename Property>
  auto query(const Property &property) const noexcept
      -> decltype(asio::query(std::declval<const Inner &>(), property)) {
    return asio::query(inner_, property);
  }
  template <typename Property>
  auto require(const Property &property) const
      -> ContextExecutor<std::decay_t<decltype(asio::require(std::declval<const Inner &>(),
                                                             property))>> {
    return {asio::require(inner_, property), context_};
  }
  template <typename Property>
  auto prefer(const Property &property) const
      -> ContextExecutor<std::decay_t<decltype(asio::prefer(std::declval<const Inner &>(),
                                                            property))>> {
    return {asio::prefer(inner_, property), context_};
  }

  friend bool operator==(const ContextExecutor &a, const ContextExecutor &b) noexcept {
    return a.inner_ == b.inner_ && a.context_ == b.context_;
  }
  friend bool operator!=(const ContextExecutor &a, const ContextExecutor &b) noexcept {
    return !(a == b);
  }

private:
  Inner inner_;
  std::shared_ptr<const RequestContext> context_;
};

} // namespace modrt::http
