// Writes that reach a member container's elements through a local iterator
// (`it->second = v`, `*it = x`) or a structured binding of a reference loop
// variable (`for (auto &[name, quota] : quotas_) quota = 0;`) are writes of
// the container's elements. Moving the iterator itself, reading through a
// const binding, the same on a local map, or under a held lock is silent.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

class Quotas : public modrt::Module {
public:
  void reset() {
    for (auto &[name, quota] : quotas_)
      quota = 0; // expect-warning@7[modlint-field-assignment]{{assignment to 'quotas_[...]'}}
    auto it = quotas_.find("guest");
    it->second = 5; // expect-warning@5[modlint-field-assignment]{{assignment to 'quotas_[...]->second'}}
    auto slot = slots_.begin();
    *slot += 1; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'slots_[...]'}}
  }
  long total() {
    long sum = 0;
    for (const auto &[name, quota] : quotas_)
      sum += quota;
    for (auto it = quotas_.begin(); it != quotas_.end(); ++it)
      sum += it->second;
    std::map<std::string, int> local = quotas_;
    for (auto &[name, quota] : local)
      quota = 1;
    local.find("x")->second = 2;
    std::lock_guard<std::mutex> g(mu_);
    auto owned = owned_.find("me");
    owned->second = 1;
    for (auto &[name, count] : owned_)
      ++count;
    return sum;
  }

private:
  std::mutex mu_;
  std::map<std::string, int> quotas_; // expect-warning@30[modlint-mutable-member]{{'quotas_' is mutable state}}
  std::vector<int> slots_ = std::vector<int>(4); // expect-warning@20[modlint-mutable-member]{{'slots_' is mutable state}}
  std::map<std::string, int> owned_;
};
