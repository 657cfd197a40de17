// Members that are safe to share as they are.
// modlint-checks: modlint-mutable-member
#include <atomic>
#include <condition_variable>
#include <latch>
#include <modrt/module.hpp>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <string>

struct Registry { int size = 0; };

class SafeModule : public modrt::Module {
  const int limit_ = 10;
  const std::string name_ = "safe";
  static constexpr int Version = 2;
  static const int Build;
  static inline const char *const Tag = "t";
  Registry &registry_;
  const Registry &config_;
  static thread_local int scratch_;
  std::atomic<int> hits_{0};
  std::atomic<bool> ready_{false};
  std::mutex mu_;
  mutable std::mutex cacheMu_;
  std::shared_mutex rw_;
  std::recursive_mutex rmu_;
  std::condition_variable cv_;
  std::condition_variable_any cvAny_;
  std::once_flag once_;
  std::counting_semaphore<8> slots_{8};
  std::binary_semaphore gate_{1};
  std::latch started_{1};
  const int table_[3] = {1, 2, 3};

public:
  SafeModule(Registry &r, const Registry &c) : registry_(r), config_(c) {}
  int serve() {
    ++scratch_;
    hits_++;
    ready_ = true;
    return limit_ + Version + Build + registry_.size + config_.size + table_[0] +
           static_cast<int>(name_.size()) + (Tag ? 1 : 0);
  }
};

const int SafeModule::Build = 7;
thread_local int SafeModule::scratch_ = 0;
