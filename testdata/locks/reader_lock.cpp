// A shared (reader) lock lets other readers in at the same time: a write
// under it races with them. Reads under it are the point of it.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <shared_mutex>
#include <string>

class ReaderLocked : public modrt::Module {
  mutable std::shared_mutex rw_;
  std::map<std::string, int> table_; // expect-warning@30[modlint-mutable-member]{{'table_' is mutable state}}
  int reads_ = 0; // expect-warning@7[modlint-mutable-member]{{'reads_' is mutable state}}

public:
  int get(const std::string &key) const {
    std::shared_lock<std::shared_mutex> lock(rw_);
    auto it = table_.find(key);
    return it == table_.end() ? 0 : it->second;
  }
  void badPut(const std::string &key, int value) {
    std::shared_lock lock(rw_);
    table_[key] = value; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'table_'}}
    ++reads_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'reads_'}}
    rw_.lock_shared();
    table_.erase(key); // expect-warning@5[modlint-container-mutation]{{'erase' mutates container 'table_'}}
    rw_.unlock_shared();
  }
  void goodPut(const std::string &key, int value) {
    std::unique_lock lock(rw_);
    table_[key] = value;
  }
};
