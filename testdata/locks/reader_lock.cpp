// A shared (reader) lock lets other readers in at the same time: a write
// under it races with them. Reads under it are the point of it.
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <shared_mutex>
#include <string>

class ReaderLocked : public modrt::Module {
  mutable std::shared_mutex rw_;
  std::map<std::string, int> table_; // expect-warning@30[modlint-mutable-member]{{'table_' is mutable state of shared module 'ReaderLocked' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int reads_ = 0; // expect-warning@7[modlint-mutable-member]{{'reads_' is mutable state of shared module 'ReaderLocked' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  int get(const std::string &key) const {
    std::shared_lock<std::shared_mutex> lock(rw_);
    auto it = table_.find(key);
    return it == table_.end() ? 0 : it->second;
  }
  void badPut(const std::string &key, int value) {
    std::shared_lock lock(rw_);
    table_[key] = value; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'table_' that every request to 'ReaderLocked' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}} expect-warning@5[modlint-field-assignment]{{assignment to 'table_[key]' writes state that every request to 'ReaderLocked' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    ++reads_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'reads_' is a non-atomic read-modify-write; every request to 'ReaderLocked' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    rw_.lock_shared();
    table_.erase(key); // expect-warning@5[modlint-container-mutation]{{'erase' mutates container 'table_' that every request to 'ReaderLocked' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    rw_.unlock_shared();
  }
  void goodPut(const std::string &key, int value) {
    std::unique_lock lock(rw_);
    table_[key] = value;
  }
};
