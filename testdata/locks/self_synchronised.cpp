// A member whose type synchronises itself (it holds a lock object or an
// atomic, carries the capability attribute, or is a shared module) may have
// its non-const methods called without a lock: that is how its state is
// meant to change. Assigning a new value to it is still a write, and a type
// that keeps unlocked state is still mutable state of the module.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include "absl/base/thread_annotations.h"
#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

// A websocket endpoint that locks itself.
class Endpoint {
public:
  void send(const std::string &text) {
    std::lock_guard<std::mutex> g(mu_);
    outbox_.push_back(text);
  }

private:
  std::mutex mu_;
  std::vector<std::string> outbox_;
};

// A pub/sub service behind a reader-writer lock, shaped like a container.
class Topics {
public:
  using Map = std::map<std::string, std::vector<std::string>>;
  void insert(const std::string &topic, const std::string &message) {
    std::unique_lock<std::shared_mutex> w(mu_);
    topics_[topic].push_back(message);
  }
  Map::const_iterator begin() const { return topics_.begin(); }
  Map::const_iterator end() const { return topics_.end(); }
  std::size_t size() const { return topics_.size(); }

private:
  mutable std::shared_mutex mu_;
  Map topics_;
};

struct Tally {
  std::atomic<long> n{0};
  Tally &operator+=(long by) {
    n += by;
    return *this;
  }
  Tally &operator=(long v) {
    n = v;
    return *this;
  }
};

// An annotated lock type with its own methods (a lock object: thread-safe).
class ABSL_LOCKABLE Ticket {
public:
  void renew() {}
  Ticket &operator=(const Ticket &) = default;
};

class Plain {
public:
  void add(int v) { values_.push_back(v); }

private:
  std::vector<int> values_;
};

class Audit : public modrt::Module {
public:
  void record() {}
};

class ChatController : public modrt::Module {
public:
  void onMessage(const std::string &topic, const std::string &text) {
    endpoint_.send(text);
    endpoints_->send(text);
    topics_.insert(topic, text);
    tally_ += 1;
    ticket_.renew();
    audit_.record();
    plain_.add(1); // not synchronised: a write the checks see through mutable-member
  }
  void restart() { tally_ = 0; } // expect-warning@20[modlint-field-assignment]{{assignment to 'tally_'}}

private:
  Endpoint endpoint_;
  std::unique_ptr<Endpoint> endpoints_ = std::make_unique<Endpoint>();
  Topics topics_;
  Tally tally_;   // expect-warning@9[modlint-mutable-member]{{'tally_' is mutable state}}
  Ticket ticket_;
  Audit audit_;
  Plain plain_;   // expect-warning@9[modlint-mutable-member]{{'plain_' is mutable state}}
};
