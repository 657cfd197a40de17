// lock_guard, unique_lock and scoped_lock on a member mutex, with and
// without class template argument deduction, protect the whole block.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <mutex>
#include <shared_mutex>

class Guarded : public modrt::Module {
  std::mutex mu_;
  std::recursive_mutex rmu_;
  std::shared_mutex rw_;
  std::timed_mutex tmu_;
  int a_ = 0;

public:
  void one() { std::lock_guard<std::mutex> g(mu_); ++a_; }
  void two() { std::lock_guard g(mu_); a_ += 2; }
  void three() { std::unique_lock<std::mutex> l(mu_); a_ = 3; }
  void four() { std::unique_lock l{mu_}; a_--; }
  void five() { std::scoped_lock s(mu_, rmu_); a_ *= 5; }
  void six() { auto l = std::unique_lock(mu_); a_ = 6; }
  void seven() { std::unique_lock<std::shared_mutex> w(rw_); a_ = 7; }
  void eight() { std::lock_guard<std::shared_mutex> w(rw_); a_ = 8; }
  void nine() { std::lock_guard<std::recursive_mutex> g(rmu_); a_ = 9; }
  void ten() { std::unique_lock<std::timed_mutex> g(tmu_, std::try_to_lock); if (g) a_ = 10; }
  void eleven() { this->mu_.lock(); a_ = 11; this->mu_.unlock(); }
};
