// One unlocked write is enough: the member is not guarded.
#include <modrt/module.hpp>
#include <mutex>

class HalfLocked : public modrt::Module {
  std::mutex mu_;
  int total_ = 0; // expect-warning@7[modlint-mutable-member]{{'total_' is mutable state of shared module 'HalfLocked' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void add(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    total_ += n;
  }
  void reset() { total_ = 0; } // expect-warning@18[modlint-field-assignment]{{assignment to 'total_' writes state that every request to 'HalfLocked' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};
