// The same finding where the code is shaped otherwise: a class template
// (calls not yet resolved, `auto &` deduced at instantiation), a struct
// module, state behind a smart-pointer member, methods defined outside the
// class, and a shared lock for the readers. Silent: a template's copy, a
// member no method writes.
// modlint-checks: modlint-escaping-reference
#include <modrt/module.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

template <class T>
class Store : public modrt::Module {
public:
  void set(const std::string &key, T value) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    values_[key] = std::move(value);
    last_ = key;
  }
  const T &get(const std::string &key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return values_.at(key); // expect-warning@5[modlint-escaping-reference]{{'Store::get' returns a const reference to 'values_', which is written under 'mu_'}}
  }
  auto &lastKey() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return last_; // expect-warning@5[modlint-escaping-reference]{{'Store::lastKey' returns a const reference to 'last_', which is written under 'mu_'}}
  }
  T copy(const std::string &key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return values_.at(key);
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, T> values_;
  std::string last_;
};

struct Registry : modrt::Module {
  void add(int value) {
    std::lock_guard<std::mutex> guard(mu_);
    table_->push_back(value);
  }
  const std::vector<int> &table() const { return *table_; } // expect-warning@43[modlint-escaping-reference]{{'Registry::table' returns a const reference to 'table_', which is written under 'mu_'}}
  const std::vector<int> &frozen() const;

  std::mutex mu_;
  std::unique_ptr<std::vector<int>> table_ = std::make_unique<std::vector<int>>();
  std::vector<int> frozen_;
};

const std::vector<int> &Registry::frozen() const { return frozen_; }

class Profile : public modrt::Module {
public:
  const std::string &name() const;
  void rename(const std::string &name);

private:
  mutable std::mutex mu_;
  std::string name_;
};

const std::string &Profile::name() const {
  std::lock_guard<std::mutex> guard(mu_);
  return name_; // expect-warning@3[modlint-escaping-reference]{{'Profile::name' returns a const reference to 'name_', which is written under 'mu_'}}
}

void Profile::rename(const std::string &name) {
  std::lock_guard<std::mutex> guard(mu_);
  name_ = name;
}
