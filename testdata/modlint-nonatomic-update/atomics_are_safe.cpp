// std::atomic counters are the fix: nothing here races.
// modlint-checks: modlint-nonatomic-update
#include <atomic>
#include <cstdint>
#include <modrt/module.hpp>

class AtomicModule : public modrt::Module {
  std::atomic<int> requests_{0};
  std::atomic<std::uint64_t> bytes_{0};
  std::atomic_int legacy_{0};
  std::atomic<long> perShard_[4] = {};
  std::atomic_flag busy_ = ATOMIC_FLAG_INIT;

public:
  int handle(std::uint64_t size, int shard) {
    ++requests_;
    requests_++;
    requests_ += 2;
    bytes_.fetch_add(size, std::memory_order_relaxed);
    bytes_ += size;
    legacy_--;
    perShard_[shard]++;
    perShard_[shard] = 0;
    requests_ = 0;
    busy_.test_and_set();
    busy_.clear();
    return requests_.load();
  }
};
