// A lambda inside a member function counts as the member function: its
// writes are the method's writes, with the locks held where it runs (where
// it is written if it runs there, at its calls for a local variable; see
// locks/deferred_lambdas.cpp for code that runs later).
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <algorithm>
#include <functional>
#include <modrt/module.hpp>
#include <mutex>
#include <vector>

class LambdaModule : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state}}
  std::vector<int> seen_; // expect-warning@20[modlint-mutable-member]{{'seen_' is mutable state}}
  std::function<void()> onDone_; // set in the constructor's body: not const

public:
  LambdaModule() {
    onDone_ = [this] { ++count_; };
  }
  void handle(const std::vector<int> &batch) {
    auto bump = [this] { ++count_; }; // expect-warning@26[modlint-nonatomic-update]{{'++' on 'count_'}}
    bump();
    std::for_each(batch.begin(), batch.end(), [&](int v) {
      seen_.push_back(v); // expect-warning@7[modlint-container-mutation]{{'push_back' mutates container 'seen_'}}
    });
    [this]() { count_ = 0; }(); // expect-warning@16[modlint-field-assignment]{{assignment to 'count_'}}
    auto nested = [this] { return [this] { seen_.clear(); }; }; // expect-warning@44[modlint-container-mutation]{{'clear' mutates container 'seen_'}}
    nested()();
  }
  void locked(const std::vector<int> &batch) {
    std::lock_guard<std::mutex> g(mu_);
    std::for_each(batch.begin(), batch.end(), [this](int v) { count_ += v; });
  }
  void generic() {
    auto add = [this](auto v) { count_ += v; }; // expect-warning@33[modlint-nonatomic-update]{{'+=' on 'count_'}}
    add(1);
  }
};
