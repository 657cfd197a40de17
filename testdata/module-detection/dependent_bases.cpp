// In a class template whose module base depends on a template parameter,
// members of the base are reached as `this->member`; they are member state,
// and a lock on `this->mu_` protects.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

template <typename T> class Repository : public modrt::Module {
protected:
  std::vector<T> items_; // expect-warning@18[modlint-mutable-member]{{'items_' is mutable state}}
  int version_ = 0; // expect-warning@7[modlint-mutable-member]{{'version_' is mutable state}}
  std::mutex mu_;
  static inline int instances_ = 0; // expect-warning@21[modlint-mutable-member]{{'instances_' is mutable state}}
};

template <typename T> class CachedRepository : public Repository<T> {
public:
  void add(const T &item) {
    this->items_.push_back(item); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'items_'}}
    ++this->version_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'version_'}}
    this->instances_ = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'instances_'}}
  }
  void safeAdd(const T &item) {
    std::lock_guard<std::mutex> lock(this->mu_);
    this->items_.push_back(item);
  }
};

class UserRepo : public CachedRepository<std::string> {
  std::string owner_; // expect-warning@15[modlint-mutable-member]{{'owner_' is mutable state}}

public:
  void rename(const std::string &n) { owner_ = n; } // expect-warning@39[modlint-field-assignment]{{assignment to 'owner_'}}
};
