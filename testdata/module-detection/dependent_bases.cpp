// In a class template whose module base depends on a template parameter,
// members of the base are reached as `this->member`; they are member state,
// and a lock on `this->mu_` protects.
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

template <typename T> class Repository : public modrt::Module {
protected:
  std::vector<T> items_; // expect-warning@18[modlint-mutable-member]{{'items_' is mutable state of shared module 'Repository' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int version_ = 0; // expect-warning@7[modlint-mutable-member]{{'version_' is mutable state of shared module 'Repository' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::mutex mu_;
  static inline int instances_ = 0; // expect-warning@21[modlint-mutable-member]{{'instances_' is mutable state of shared module 'Repository' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
};

template <typename T> class CachedRepository : public Repository<T> {
public:
  void add(const T &item) {
    this->items_.push_back(item); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'items_' that every request to 'CachedRepository' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    ++this->version_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'version_' is a non-atomic read-modify-write; every request to 'CachedRepository' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    this->instances_ = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'instances_' writes state that every request to 'Repository' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void safeAdd(const T &item) {
    std::lock_guard<std::mutex> lock(this->mu_);
    this->items_.push_back(item);
  }
};

class UserRepo : public CachedRepository<std::string> {
  std::string owner_; // expect-warning@15[modlint-mutable-member]{{'owner_' is mutable state of shared module 'UserRepo' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void rename(const std::string &n) { owner_ = n; } // expect-warning@39[modlint-field-assignment]{{assignment to 'owner_' writes state that every request to 'UserRepo' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};
