// A local reference to member state is the member state: writes through it
// race the same way. A const reference only reads.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

struct Entry { int count = 0; std::string owner; };

class AliasModule : public modrt::Module {
  std::mutex mu_;
  std::map<std::string, Entry> table_; // expect-warning@32[modlint-mutable-member]{{'table_' is mutable state}}
  std::vector<Entry> items_; // expect-warning@22[modlint-mutable-member]{{'items_' is mutable state}}
  int total_ = 0; // expect-warning@7[modlint-mutable-member]{{'total_' is mutable state}}
  std::vector<int> readOnly_{1, 2}; // expect-remark@20[modlint-mutable-member]{{'readOnly_' of shared module 'AliasModule' is never modified}}

public:
  void touch(const std::string &key) {
    auto &entry = table_[key]; // expect-warning@19[modlint-container-mutation]{{'operator[]' mutates container 'table_'}}
    entry.count++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'table_[key].count'}}
    entry.owner = key; // expect-warning@5[modlint-field-assignment]{{assignment to 'table_[key].owner'}}
    int &total = total_;
    total += entry.count; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'total_'}}
    const auto &view = table_.at(key);
    (void)view;
  }
  void sweep() {
    for (auto &item : items_)
      item.count = 0; // expect-warning@7[modlint-field-assignment]{{assignment to 'items_[...].count'}}
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
