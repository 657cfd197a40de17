// Session storage: per-user key/value data that outlives a request. A
// SessionProvider says where it lives: in the server's memory (the
// in-memory store below: sharded, so no global lock on the hot path; users
// kept apart; bounded in size and idle time; counting what it does), or
// with the client, in an encrypted cookie (http/cookie_sessions.hpp).
// Modules see the same SessionStore either way.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace modrt {

using SteadyClock = std::chrono::steady_clock;

struct SessionStats {
  std::size_t sessions = 0;    // live sessions now
  std::size_t hits = 0;        // get() that found a value
  std::size_t misses = 0;      // get() that did not
  std::size_t evictions = 0;   // sessions dropped to stay within maxSessions
  std::size_t expirations = 0; // sessions dropped for idling too long
};

class SessionStore {
public:
  virtual ~SessionStore() = default;
  virtual std::optional<std::string> get(const std::string &userId,
                                         const std::string &key) = 0;
  virtual void set(const std::string &userId, const std::string &key,
                   std::string value) = 0;
  virtual bool erase(const std::string &userId, const std::string &key) = 0;
  /// Replaces a value with `change(old value)` in one step, so two calls
  /// updating the same key cannot lose each other's change. `change` runs
  /// under the store's lock: keep it short, no I/O, and never call back into
  /// the store (it would wait for its own lock). Returns the new value.
  virtual std::string update(const std::string &userId, const std::string &key,
                             const std::function<std::string(const std::optional<std::string> &)> &change) = 0;
  /// Drops every session idle for longer than `age`; returns how many.
  virtual std::size_t cleanupOlderThan(std::chrono::nanoseconds age) = 0;
  virtual SessionStats stats() const = 0;
};

struct SessionOptions {
  /// At most this many sessions are kept (the least recently used go first).
  std::size_t maxSessions = 10000;
  /// A session untouched for this long is gone.
  std::chrono::nanoseconds idleTimeout = std::chrono::minutes(30);
  /// Independent locks; users are spread over them by a hash of their id.
  std::size_t shards = 16;
  /// Injectable for tests that must not sleep.
  std::function<SteadyClock::time_point()> clock = [] { return SteadyClock::now(); };
};

class InMemorySessionStore final : public SessionStore {
public:
  explicit InMemorySessionStore(SessionOptions options = {})
      : options_(normalised(std::move(options))),
        perShard_(std::max<std::size_t>(1, options_.maxSessions / options_.shards)),
        shards_(options_.shards) {}

  std::optional<std::string> get(const std::string &userId,
                                 const std::string &key) override {
    Shard &shard = shardFor(userId);
    std::lock_guard<std::mutex> lock(shard.mu);
    Session *session = live(shard, userId);
    if (session) {
      auto found = session->values.find(key);
      if (found != session->values.end()) {
        hits_.fetch_add(1, std::memory_order_relaxed);
        return found->second;
      }
    }
    misses_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }

  void set(const std::string &userId, const std::string &key,
           std::string value) override {
    Shard &shard = shardFor(userId);
    std::lock_guard<std::mutex> lock(shard.mu);
    Session *session = live(shard, userId);
    if (!session)
      session = &create(shard, userId);
    session->values[key] = std::move(value);
  }

  bool erase(const std::string &userId, const std::string &key) override {
    Shard &shard = shardFor(userId);
    std::lock_guard<std::mutex> lock(shard.mu);
    Session *session = live(shard, userId);
    return session && session->values.erase(key) > 0;
  }

  std::string update(const std::string &userId, const std::string &key,
                     const std::function<std::string(const std::optional<std::string> &)>
                         &change) override {
    Shard &shard = shardFor(userId);
    std::lock_guard<std::mutex> lock(shard.mu);
    Session *session = live(shard, userId);
    if (!session)
      session = &create(shard, userId);
    auto found = session->values.find(key);
    std::optional<std::string> old;
    if (found != session->values.end())
      old = found->second;
    // The atomic update is this API's promise; its contract (above) keeps
    // `change` out of the store.
    std::string value = change(old); // NOLINT(modlint-callback-under-lock)
    session->values[key] = value;
    return value;
  }

  std::size_t cleanupOlderThan(std::chrono::nanoseconds age) override {
    const auto cutoff = options_.clock() - age;
    std::size_t removed = 0;
    for (Shard &shard : shards_) {
      std::lock_guard<std::mutex> lock(shard.mu);
      // The least recently used are at the back of the list.
      while (!shard.lru.empty()) {
        auto oldest = shard.sessions.find(shard.lru.back());
        if (oldest->second.lastAccess >= cutoff)
          break;
        shard.sessions.erase(oldest);
        shard.lru.pop_back();
        ++removed;
      }
    }
    return removed;
  }

  SessionStats stats() const override {
    SessionStats s;
    for (const Shard &shard : shards_) {
      std::lock_guard<std::mutex> lock(shard.mu);
      s.sessions += shard.sessions.size();
    }
    s.hits = hits_.load(std::memory_order_relaxed);
    s.misses = misses_.load(std::memory_order_relaxed);
    s.evictions = evictions_.load(std::memory_order_relaxed);
    s.expirations = expirations_.load(std::memory_order_relaxed);
    return s;
  }

  /// The most sessions the store keeps, however users fall on the shards.
  std::size_t capacity() const { return perShard_ * shards_.size(); }

private:
  struct Session {
    std::map<std::string, std::string> values;
    SteadyClock::time_point lastAccess;
    std::list<std::string>::iterator lruPosition;
  };
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Session> sessions;
    std::list<std::string> lru; // most recently used first
  };

  static SessionOptions normalised(SessionOptions o) {
    o.shards = std::max<std::size_t>(1, o.shards);
    o.maxSessions = std::max(o.maxSessions, o.shards);
    return o;
  }

  Shard &shardFor(const std::string &userId) {
    return shards_[std::hash<std::string>{}(userId) % shards_.size()];
  }

  /// The user's session if it has not expired, touched; the shard's lock is
  /// held by the caller.
  Session *live(Shard &shard, const std::string &userId) {
    auto found = shard.sessions.find(userId);
    if (found == shard.sessions.end())
      return nullptr;
    const auto now = options_.clock();
    Session &session = found->second;
    if (now - session.lastAccess > options_.idleTimeout) {
      shard.lru.erase(session.lruPosition);
      shard.sessions.erase(found);
      expirations_.fetch_add(1, std::memory_order_relaxed);
      return nullptr;
    }
    session.lastAccess = now;
    shard.lru.splice(shard.lru.begin(), shard.lru, session.lruPosition);
    return &session;
  }

  /// A new session, evicting the shard's least recently used one when full.
  Session &create(Shard &shard, const std::string &userId) {
    if (shard.sessions.size() >= perShard_) {
      shard.sessions.erase(shard.lru.back());
      shard.lru.pop_back();
      evictions_.fetch_add(1, std::memory_order_relaxed);
    }
    shard.lru.push_front(userId);
    Session &session = shard.sessions[userId];
    session.lastAccess = options_.clock();
    session.lruPosition = shard.lru.begin();
    return session;
  }

  const SessionOptions options_;
  const std::size_t perShard_;
  std::vector<Shard> shards_;
  std::atomic<std::size_t> hits_{0}, misses_{0}, evictions_{0}, expirations_{0};
};

/// Where sessions live. For each request the server asks for the store its
/// calls use, given what the request brought (its Cookie header), and once
/// the calls are done, what to send back (a Set-Cookie header), if anything.
class SessionProvider {
public:
  virtual ~SessionProvider() = default;
  virtual std::shared_ptr<SessionStore> open(const std::string &cookieHeader) = 0;
  virtual std::optional<std::string> close(SessionStore &used) = 0;
};

/// Every request uses the one in-memory store; nothing travels with it.
class InMemorySessionProvider final : public SessionProvider {
public:
  explicit InMemorySessionProvider(SessionOptions options = {})
      : store_(std::make_shared<InMemorySessionStore>(std::move(options))) {}
  std::shared_ptr<SessionStore> open(const std::string &) override { return store_; }
  std::optional<std::string> close(SessionStore &) override { return std::nullopt; }
  InMemorySessionStore &store() const { return *store_; }

private:
  const std::shared_ptr<InMemorySessionStore> store_;
};

} // namespace modrt
