// The patterns that keep a shared module safe. modlint reports nothing
// here, and every module runs clean under ThreadSanitizer.
#pragma once

#include <modrt/modrt.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace modrt::examples {

/// Immutable configuration: const members and compile-time constants.
class ConfigModule : public Module {
  static constexpr int MaxRetries = 3;
  const std::string region_;
  const std::vector<std::string> hosts_;

public:
  explicit ConfigModule(std::string region = "eu")
      : region_(std::move(region)), hosts_{"a.internal", "b.internal"} {}
  std::string endpoint(std::size_t attempt) const {
    return hosts_[attempt % hosts_.size()] + "/" + region_ + "/" +
           std::to_string(std::min<std::size_t>(attempt, MaxRetries));
  }
};

/// Who is calling comes from the request context, never from a member.
class ProfileModule : public Module {
public:
  std::string whoAmI() const {
    const User *user = currentUser();
    return user ? user->id : "anonymous";
  }
  std::string requestTag() const { return requestId() + ":" + whoAmI(); }
};

/// Per-user data lives in the session store. Adding to the cart reads and
/// writes it in one step: two calls of the same user at once (two tabs)
/// must not lose an item, which a get() followed by a set() would.
class CartModule : public Module {
public:
  void add(const std::string &item) {
    session().update("cart", [&](const std::optional<std::string> &before) {
      return before && !before->empty() ? *before + "," + item : item;
    });
  }
  std::string contents() const { return session().get("cart").value_or(""); }
};

/// Ids from an atomic counter: one indivisible step, never a duplicate.
class IdModule : public Module {
  std::atomic<std::uint64_t> next_{0};

public:
  std::string nextId() { return "msg_" + std::to_string(next_.fetch_add(1) + 1); }
};

/// Shared state behind a member mutex, locked briefly: the slow work (here,
/// formatting the reply) happens outside the critical section.
class InventoryModule : public Module {
  std::mutex mu_;
  std::map<std::string, int> stock_;

public:
  std::string reserve(const std::string &item, int count) {
    int left = 0;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stock_[item] -= count;
      left = stock_[item];
    }
    return item + ": " + std::to_string(left) + " left";
  }
  void restock(const std::string &item, int count) {
    std::lock_guard<std::mutex> lock(mu_);
    stock_[item] += count;
  }
};

/// Observers are registered under the lock and notified from a snapshot
/// taken under it, so no callback ever runs while the lock is held.
class EventModule : public Module {
public:
  using Observer = std::function<void(const std::string &)>;

  void subscribe(Observer observer) {
    std::lock_guard<std::mutex> lock(mu_);
    observers_.push_back(std::move(observer));
  }
  void publish(const std::string &event) {
    std::vector<Observer> snapshot;
    {
      std::lock_guard<std::mutex> lock(mu_);
      snapshot = observers_;
    }
    for (const Observer &notify : snapshot)
      notify(event);
  }

private:
  std::mutex mu_;
  std::vector<Observer> observers_;
};

/// A container the caller passes in is copied under the lock: later changes
/// to the caller's map cannot reach the module.
class RoutingModule : public Module {
  mutable std::mutex mu_;
  std::map<std::string, std::string> routes_;

public:
  void update(const std::map<std::string, std::string> &routes) {
    std::map<std::string, std::string> copy(routes);
    std::lock_guard<std::mutex> lock(mu_);
    routes_.swap(copy);
  }
  std::string route(const std::string &path) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto found = routes_.find(path);
    return found == routes_.end() ? "" : found->second;
  }
};

/// Two locks, always taken together by std::scoped_lock (which orders them),
/// so two transfers in opposite directions cannot deadlock.
class LedgerModule : public Module {
  std::mutex accountsMu_;
  std::mutex journalMu_;
  std::map<std::string, long> balances_;
  std::vector<std::string> journal_;

public:
  void transfer(const std::string &from, const std::string &to, long amount) {
    std::scoped_lock lock(accountsMu_, journalMu_);
    balances_[from] -= amount;
    balances_[to] += amount;
    journal_.push_back(from + "->" + to);
  }
  long balance(const std::string &account) {
    std::lock_guard<std::mutex> lock(accountsMu_);
    return balances_[account];
  }
};

/// Counters that many requests bump at once: std::atomic.
class StatsModule : public Module {
  std::atomic<long> requests_{0};
  std::atomic<long> errors_{0};

public:
  void record(bool ok) {
    requests_.fetch_add(1, std::memory_order_relaxed);
    if (!ok)
      errors_.fetch_add(1, std::memory_order_relaxed);
  }
  long requests() const { return requests_.load(); }
  long errors() const { return errors_.load(); }
};

} // namespace modrt::examples
