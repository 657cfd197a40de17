// A std::atomic read and then written in two operations is a lost update
// like `++` on a plain int: `a_ = a_ + 1`, `flag_ = !flag_`,
// `a_.store(a_.load() + 1)`. One atomic operation (`++a_`, `fetch_add`,
// `compare_exchange`), a write that does not read the member, the same on
// a local atomic, or under a held lock, is silent.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment
#include <atomic>
#include <modrt/module.hpp>
#include <mutex>

class Meters : public modrt::Module {
public:
  void record(long bytes) {
    hits_ = hits_ + 1; // expect-warning@5[modlint-nonatomic-update]={{'=' on 'hits_' reads and then writes the atomic in two separate operations; every request to 'Meters' shares it, so another request can write in between and its update is lost: make it one atomic operation (fetch_add, fetch_sub, fetch_xor, or a compare_exchange loop)}}
    bytes_.store(bytes_.load() + bytes); // expect-warning@5[modlint-nonatomic-update]{{'store' on 'bytes_' reads and then writes}}
    open_ = !open_; // expect-warning@5[modlint-nonatomic-update]{{'=' on 'open_' reads and then writes}}
  }
  void silent(long bytes) {
    ++hits_;
    bytes_.fetch_add(bytes);
    bytes_.store(bytes);
    open_ = true;
    std::atomic<long> local{0};
    local = local + 1;
    std::lock_guard<std::mutex> g(mu_);
    hits_ = hits_ * 2;
  }

private:
  std::mutex mu_;
  std::atomic<long> hits_{0};
  std::atomic<long> bytes_{0};
  std::atomic<bool> open_{false};
};
