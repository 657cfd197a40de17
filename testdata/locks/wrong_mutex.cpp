// Only a mutex that is member state of the same object protects it: a
// local mutex is new on every call, another object's mutex guards that
// object, and a temporary guard unlocks at once.
#include <modrt/module.hpp>
#include <mutex>

struct Peer { std::mutex mu; };

class WrongMutex : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state of shared module 'WrongMutex' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void local() {
    std::mutex m;
    std::lock_guard<std::mutex> g(m);
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_' is a non-atomic read-modify-write; every request to 'WrongMutex' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void staticLocal() {
    static std::mutex m;
    std::lock_guard<std::mutex> g(m);
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_' is a non-atomic read-modify-write; every request to 'WrongMutex' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void other(Peer &peer) {
    std::lock_guard<std::mutex> g(peer.mu);
    count_ = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_' writes state that every request to 'WrongMutex' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void temporary() {
    std::lock_guard<std::mutex>{mu_};
    count_ = 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_' writes state that every request to 'WrongMutex' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void parameter(std::mutex &m) {
    std::lock_guard<std::mutex> g(m);
    count_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_' writes state that every request to 'WrongMutex' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};
