// A lambda inside a member function counts as the member function: its
// writes are the method's writes, with the locks held where it is written.
#include <algorithm>
#include <functional>
#include <modrt/module.hpp>
#include <mutex>
#include <vector>

class LambdaModule : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state of shared module 'LambdaModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::vector<int> seen_; // expect-warning@20[modlint-mutable-member]{{'seen_' is mutable state of shared module 'LambdaModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::function<void()> onDone_; // expect-remark@25[modlint-mutable-member]{{'onDone_' of shared module 'LambdaModule' is never modified after construction; declare it 'const' so it stays safe to share}}

public:
  LambdaModule() {
    onDone_ = [this] { ++count_; };
  }
  void handle(const std::vector<int> &batch) {
    auto bump = [this] { ++count_; }; // expect-warning@26[modlint-nonatomic-update]{{'++' on 'count_' is a non-atomic read-modify-write; every request to 'LambdaModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    bump();
    std::for_each(batch.begin(), batch.end(), [&](int v) {
      seen_.push_back(v); // expect-warning@7[modlint-container-mutation]{{'push_back' mutates container 'seen_' that every request to 'LambdaModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    });
    [this]() { count_ = 0; }(); // expect-warning@16[modlint-field-assignment]{{assignment to 'count_' writes state that every request to 'LambdaModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    auto nested = [this] { return [this] { seen_.clear(); }; }; // expect-warning@44[modlint-container-mutation]{{'clear' mutates container 'seen_' that every request to 'LambdaModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    nested()();
  }
  void locked(const std::vector<int> &batch) {
    std::lock_guard<std::mutex> g(mu_);
    std::for_each(batch.begin(), batch.end(), [this](int v) { count_ += v; });
  }
  void generic() {
    auto add = [this](auto v) { count_ += v; }; // expect-warning@33[modlint-nonatomic-update]{{'+=' on 'count_' is a non-atomic read-modify-write; every request to 'LambdaModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    add(1);
  }
};
