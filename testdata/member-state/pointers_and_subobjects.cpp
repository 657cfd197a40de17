// Writes that reach member state through a pointer taken from it
// (`window_.data()`, `&slots_[0]`, `std::begin(ring_)`, `&count_`), through
// a library accessor (`std::get<0>(pair_)`), through a conditional that picks
// one of two members, and to a member of an anonymous union. Silent twins:
// pointers to const, the same on local arrays, reads, and writes under the
// module's lock.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <array>
#include <iterator>
#include <modrt/module.hpp>
#include <mutex>
#include <tuple>
#include <utility>
#include <vector>

class Sampler : public modrt::Module {
public:
  void record(int value, bool ok) {
    int *window = window_.data();
    window[0] = value; // expect-warning@5[modlint-field-assignment]{{assignment to 'window_[...]'}}
    int *slot = &slots_[1];
    *slot += value; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'slots_[1]'}}
    auto ring = std::begin(ring_);
    *ring = value; // expect-warning@5[modlint-field-assignment]{{assignment to 'ring_[...]'}}
    long *count = &count_;
    (*count)++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
    std::get<0>(range_) = value; // expect-warning@5[modlint-field-assignment]{{assignment to 'std::get<0>(range_)'}}
    (ok ? okCount_ : errCount_)++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'okCount_'}} expect-warning@5[modlint-nonatomic-update]{{'++' on 'errCount_'}}
    bits_ = static_cast<unsigned>(value); // expect-warning@5[modlint-field-assignment]{{assignment to 'bits_'}}
  }

  int peek() const {
    const int *window = window_.data();
    int local[4] = {};
    int *first = std::begin(local);
    *first = window[0];
    bool ok = local[0] > 0;
    int a = 0, b = 0;
    (ok ? a : b)++;
    return std::get<1>(range_) + local[0] + a + b;
  }

  void recordLocked(int value) {
    std::lock_guard<std::mutex> guard(mu_);
    int *sample = guarded_.data();
    sample[1] = value;
    std::get<1>(guardedRange_) = value;
  }

private:
  std::mutex mu_;
  std::vector<int> window_ = std::vector<int>(8); // expect-warning@20[modlint-mutable-member]{{'window_' is mutable state}}
  int slots_[4] = {}; // expect-warning@7[modlint-mutable-member]{{'slots_' is mutable state}}
  std::array<int, 4> ring_ = {}; // expect-warning@22[modlint-mutable-member]{{'ring_' is mutable state}}
  long count_ = 0; // expect-warning@8[modlint-mutable-member]{{'count_' is mutable state}}
  std::pair<int, int> range_; // expect-warning@23[modlint-mutable-member]{{'range_' is mutable state}}
  int okCount_ = 0, errCount_ = 0; // expect-warning@7[modlint-mutable-member]{{'okCount_' is mutable state}} expect-warning@21[modlint-mutable-member]{{'errCount_' is mutable state}}
  union {
    unsigned bits_; // expect-warning@14[modlint-mutable-member]{{'bits_' is mutable state}}
    float level_;
  };
  std::vector<int> guarded_ = std::vector<int>(2);
  std::pair<int, int> guardedRange_;
};
