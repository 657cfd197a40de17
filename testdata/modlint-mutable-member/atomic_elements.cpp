// A container of atomics is modified only through the atomics: no race,
// and no advice to make it const (it could not be).
// modlint-checks: modlint-mutable-member, modlint-field-assignment
#include <array>
#include <atomic>
#include <modrt/module.hpp>
#include <mutex>

struct Shard { std::mutex mu; std::atomic<long> hits{0}; };

class ShardedCounters : public modrt::Module {
  std::array<std::atomic<int>, 4> counters_{};
  Shard shard_;
  std::array<int, 4> plain_{}; // expect-warning@22[modlint-mutable-member]={{'plain_' is mutable state of shared module 'ShardedCounters' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void hit(int i) {
    counters_[i % 4]++;
    counters_[0].store(1);
    shard_.hits.fetch_add(1);
    std::lock_guard<std::mutex> g(shard_.mu);
    plain_[0] = 1;
  }
  void reset() { plain_[1] = 0; } // expect-warning@18[modlint-field-assignment]{{assignment to 'plain_[1]'}}
};
