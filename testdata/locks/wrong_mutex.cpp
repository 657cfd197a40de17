// Only a mutex that is member state of the same object protects it: a
// local mutex is new on every call, another object's mutex guards that
// object, and a temporary guard unlocks at once.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <mutex>

struct Peer { std::mutex mu; };

class WrongMutex : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state}}

public:
  void local() {
    std::mutex m;
    std::lock_guard<std::mutex> g(m);
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
  void staticLocal() {
    static std::mutex m;
    std::lock_guard<std::mutex> g(m);
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
  void other(Peer &peer) {
    std::lock_guard<std::mutex> g(peer.mu);
    count_ = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_'}}
  }
  void temporary() {
    std::lock_guard<std::mutex>{mu_};
    count_ = 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_'}}
  }
  void parameter(std::mutex &m) {
    std::lock_guard<std::mutex> g(m);
    count_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_'}}
  }
};
