// std::lock with adopting guards, nested mutex members, a mutex reached
// through a member pointer, and a static member mutex.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <memory>
#include <modrt/module.hpp>
#include <mutex>

struct Shard { std::mutex mu; int value = 0; };

class Sharded : public modrt::Module {
  std::mutex a_;
  std::mutex b_;
  Shard shard_;
  std::unique_ptr<Shard> const remote_ = std::make_unique<Shard>();
  static std::mutex classMu_;
  static int classCount_;
  int both_ = 0;

public:
  void transfer() {
    std::lock(a_, b_);
    std::lock_guard<std::mutex> ga(a_, std::adopt_lock);
    std::lock_guard<std::mutex> gb(b_, std::adopt_lock);
    both_ += 1;
  }
  void lockBoth() {
    std::lock(a_, b_);
    both_ = 2;
    a_.unlock();
    b_.unlock();
  }
  void inShard() {
    std::lock_guard<std::mutex> g(shard_.mu);
    shard_.value++;
  }
  void inRemote() {
    std::lock_guard<std::mutex> g(remote_->mu);
    remote_->value = 3;
  }
  static void bumpClass() {
    std::lock_guard<std::mutex> g(classMu_);
    ++classCount_;
  }
};

std::mutex Sharded::classMu_;
int Sharded::classCount_ = 0;
