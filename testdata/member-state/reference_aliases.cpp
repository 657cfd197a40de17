// A local reference to member state is the member state: writes through it
// race the same way. A const reference only reads.
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

struct Entry { int count = 0; std::string owner; };

class AliasModule : public modrt::Module {
  std::mutex mu_;
  std::map<std::string, Entry> table_; // expect-warning@32[modlint-mutable-member]{{'table_' is mutable state of shared module 'AliasModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::vector<Entry> items_; // expect-warning@22[modlint-mutable-member]{{'items_' is mutable state of shared module 'AliasModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int total_ = 0; // expect-warning@7[modlint-mutable-member]{{'total_' is mutable state of shared module 'AliasModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::vector<int> readOnly_{1, 2}; // expect-remark@20[modlint-mutable-member]{{'readOnly_' of shared module 'AliasModule' is never modified after construction; declare it 'const' so it stays safe to share}}

public:
  void touch(const std::string &key) {
    auto &entry = table_[key]; // expect-warning@19[modlint-container-mutation]{{'operator[]' mutates container 'table_' that every request to 'AliasModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    entry.count++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'table_[key].count' is a non-atomic read-modify-write; every request to 'AliasModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    entry.owner = key; // expect-warning@5[modlint-field-assignment]{{assignment to 'table_[key].owner' writes state that every request to 'AliasModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    int &total = total_;
    total += entry.count; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'total_' is a non-atomic read-modify-write; every request to 'AliasModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    const auto &view = table_.at(key);
    (void)view;
  }
  void sweep() {
    for (auto &item : items_)
      item.count = 0; // expect-warning@7[modlint-field-assignment]{{assignment to 'items_[...].count' writes state that every request to 'AliasModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    for (const auto &item : items_)
      (void)item;
    for (int v : readOnly_)
      (void)v;
  }
  void locked() {
    std::lock_guard<std::mutex> g(mu_);
    for (auto &item : items_)
      item.count++;
  }
};
