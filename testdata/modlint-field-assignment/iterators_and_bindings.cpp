// Writes that reach a member container's elements through a local iterator
// (`it->second = v`, `*it = x`) or a structured binding of a reference loop
// variable (`for (auto &[name, quota] : quotas_) quota = 0;`) are writes of
// the container's elements. Moving the iterator itself, reading through a
// const binding, the same on a local map, or under a held lock is silent.
// An iterator used where it is made (`find(k)->second += 1`), one into an
// element found through another (nested maps), the bindings of a
// dereferenced `begin()`, and a write under a reader lock (which never
// protects a write) are reported too.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <shared_mutex>
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

struct Hits {
  int count = 0;
};

class Routes : public modrt::Module {
public:
  void hit(const std::string &path) {
    table_.find(path)->second += 1; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'table_[...]->second'}}
    auto it = hits_.find(path);
    it->second.count++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits_[...]->second.count'}}
    auto &[first, value] = *table_.begin();
    value = 0; // expect-warning@5[modlint-field-assignment]{{assignment to 'table_[...]'}}
    auto host = byHost_.find("h");
    auto route = host->second.find(path);
    route->second = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'byHost_[...]->second[...]->second'}}
    std::shared_lock<std::shared_mutex> reading(mu_);
    auto seen = table_.find(path);
    seen->second--; // expect-warning@5[modlint-nonatomic-update]{{'--' on 'table_[...]->second'}}
  }
  int hitLocked(const std::string &path) {
    std::unique_lock<std::shared_mutex> writing(mu_);
    table_.find(path)->second += 1;
    auto host = byHost_.find("h");
    host->second.find(path)->second = 2;
    return (*table_.begin()).second + table_.find(path)->second;
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, int> table_; // expect-warning@30[modlint-mutable-member]{{'table_' is mutable state}}
  std::map<std::string, Hits> hits_; // expect-warning@31[modlint-mutable-member]{{'hits_' is mutable state}}
  std::map<std::string, std::map<std::string, int>> byHost_; // expect-warning@53[modlint-mutable-member]{{'byHost_' is mutable state}}
};
