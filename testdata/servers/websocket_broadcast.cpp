// A websocket broadcast server in the style of the classic broadcast
// example: connection events and messages arrive on network threads, a
// worker drains the action queue and sends to every open connection. The
// connection set and the queue each have their mutex, the worker waits on
// a condition variable, and the endpoint that sends locks itself. Correct
// as written; each RACE_* build puts back one bug.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-races: RACE_NO_LOCK, RACE_EARLY_UNLOCK, RACE_POSTED, RACE_WRONG_LOCK
#include <utility>
#define BOOST_ASIO_HAS_CO_AWAIT 1
#define BOOST_ASIO_HAS_STD_COROUTINE 1
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <condition_variable>
#include <modrt/module.hpp>
#include <mutex>
#include <queue>
#include <set>
#include <string>
#include <vector>

namespace ws {

using Connection = int;

// The transport: sending is thread-safe because it locks itself.
class Endpoint {
public:
  void send(Connection to, const std::string &text) {
    std::lock_guard<std::mutex> guard(mu_);
    outbox_.emplace_back(to, text);
  }

private:
  std::mutex mu_;
  std::vector<std::pair<Connection, std::string>> outbox_;
};

enum class ActionType { Subscribe, Unsubscribe, Message };
struct Action {
  ActionType type;
  Connection hdl;
  std::string text;
};

class BroadcastServer : public modrt::Module {
public:
  void on_open(Connection hdl) {
    std::lock_guard<std::mutex> guard(action_lock_);
    actions_.push({ActionType::Subscribe, hdl, {}});
    action_cond_.notify_one();
  }

  void on_message(Connection hdl, std::string text) {
    std::unique_lock<std::mutex> lock(action_lock_);
#ifdef RACE_EARLY_UNLOCK
    lock.unlock();
#endif
    actions_.push({ActionType::Message, hdl, std::move(text)}); // expect-warning(RACE_EARLY_UNLOCK)@5[modlint-container-mutation]{{'push' mutates container 'actions_'}}
#ifndef RACE_EARLY_UNLOCK
    lock.unlock();
#endif
    action_cond_.notify_one();
  }

  void process_one() {
    std::unique_lock<std::mutex> lock(action_lock_);
    while (actions_.empty())
      action_cond_.wait(lock);
    Action a = std::move(actions_.front());
    actions_.pop();
    lock.unlock();

    if (a.type == ActionType::Subscribe) {
      std::lock_guard<std::mutex> guard(connection_lock_);
      connections_.insert(a.hdl);
    } else if (a.type == ActionType::Unsubscribe) {
#ifdef RACE_NO_LOCK
      connections_.erase(a.hdl); // expect-warning(RACE_NO_LOCK)@7[modlint-container-mutation]{{'erase' mutates container 'connections_'}}
#else
      std::lock_guard<std::mutex> guard(connection_lock_);
      connections_.erase(a.hdl);
#endif
    } else {
      std::lock_guard<std::mutex> guard(connection_lock_);
      for (Connection c : connections_)
        endpoint_.send(c, a.text);
      ++broadcasts_;
    }
  }

  void drop_all(boost::asio::thread_pool &pool) {
    std::lock_guard<std::mutex> guard(connection_lock_);
#ifdef RACE_POSTED
    boost::asio::post(pool, [this] { connections_.clear(); }); // expect-warning(RACE_POSTED)@38[modlint-container-mutation]{{'clear' mutates container 'connections_'}}
#else
    connections_.clear();
#endif
  }

  void count_broadcast() {
#ifdef RACE_WRONG_LOCK
    std::mutex local;
    std::lock_guard<std::mutex> guard(local);
#else
    std::lock_guard<std::mutex> guard(connection_lock_);
#endif
    ++broadcasts_; // expect-warning(RACE_WRONG_LOCK)@5[modlint-nonatomic-update]{{'++' on 'broadcasts_'}}
  }

private:
  Endpoint endpoint_;
  std::set<Connection> connections_; // expect-warning(RACE_NO_LOCK)@24[modlint-mutable-member]{{'connections_' is mutable state}} expect-warning(RACE_POSTED)@24[modlint-mutable-member]{{'connections_' is mutable state}}
  std::queue<Action> actions_; // expect-warning(RACE_EARLY_UNLOCK)@22[modlint-mutable-member]{{'actions_' is mutable state}}
  std::mutex action_lock_;
  std::mutex connection_lock_;
  std::condition_variable action_cond_;
  long broadcasts_ = 0; // expect-warning(RACE_WRONG_LOCK)@8[modlint-mutable-member]{{'broadcasts_' is mutable state}}
};

} // namespace ws
