// A member every write of which happens under a held lock is guarded, and so
// is one carrying Clang's guarded_by attribute (the compiler checks those).
// modlint-checks: modlint-mutable-member
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>

class SessionModule : public modrt::Module {
  std::mutex mu_;
  std::map<std::string, int> sessions_;
  int count_ = 0;
  int annotated_ __attribute__((guarded_by(mu_))) = 0;
  int *slot_ __attribute__((pt_guarded_by(mu_))) = nullptr;

public:
  void open(const std::string &id) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[id] = ++count_;
    annotated_ = count_;
    slot_ = &count_;
  }
  void close(const std::string &id) {
    std::unique_lock<std::mutex> lock(mu_);
    sessions_.erase(id);
    --count_;
  }
  int size() {
    std::lock_guard<std::mutex> lock(mu_);
    return static_cast<int>(sessions_.size()) + annotated_ + (slot_ ? 1 : 0);
  }
};
