// Public and protected methods of a shared module that hand out member
// state others write: a reference, a pointer, an iterator or a view (const
// or not) to state written under a lock, which the caller uses after the
// lock is released; or non-const access to state written without a lock.
// Silent: a copy, state never written after construction (or written only
// inside std::call_once), private helpers, self-synchronised and safe
// members, a pointer member's own value, locals and parameters, lambdas'
// returns, const access to state written without a lock (that race is
// modlint-mutable-member's), classes that are not shared modules.
// modlint-checks: modlint-escaping-reference
#include <modrt/module.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct Widget {
  int size = 0;
};

class Cache : public modrt::Module {
public:
  explicit Cache(std::string config) : config_(std::move(config)) { once_ = 0; }

  void put(const std::string &key, int value) {
    std::lock_guard<std::mutex> guard(mu_);
    entries_[key] = value;
    name_ = key;
    count_ += 1;
    values_.push_back(value);
    list_.push_back(key);
    widget_ = &shared_;
  }
  void add(int item) { items_.push_back(item); }
  void note(int item) { notes_.push_back(item); }

  // A const reference into the map, read by the caller after the guard is
  // gone: the SDK cache's bug.
  const std::map<std::string, int> &entries() const {
    std::lock_guard<std::mutex> guard(mu_);
    return entries_; // expect-warning@5[modlint-escaping-reference]={{'Cache::entries' returns a const reference to 'entries_', which is written under 'mu_': the caller uses it after 'mu_' is released, while other threads write it; return a copy (by value), or a snapshot taken under the lock}}
  }
  std::map<std::string, int>::const_iterator find(const std::string &key) const {
    std::lock_guard<std::mutex> guard(mu_);
    return entries_.find(key); // expect-warning@5[modlint-escaping-reference]={{'Cache::find' returns a const iterator to 'entries_', which is written under 'mu_': the caller uses it after 'mu_' is released, while other threads write it; return a copy (by value), or a snapshot taken under the lock}}
  }
  const int &lookup(const std::string &key) const {
    std::lock_guard<std::mutex> guard(mu_);
    auto it = entries_.find(key);
    return it->second; // expect-warning@5[modlint-escaping-reference]{{'Cache}}
  }
  std::string_view name() const {
    std::lock_guard<std::mutex> guard(mu_);
    return name_; // expect-warning@5[modlint-escaping-reference]={{'Cache::name' returns a view to 'name_', which is written under 'mu_': the caller uses it after 'mu_' is released, while other threads write it; return a copy (by value), or a snapshot taken under the lock}}
  }
  const char *rawName() const { return name_.data(); } // expect-warning@33[modlint-escaping-reference]={{'Cache::rawName' returns a pointer to const to 'name_', which is written under 'mu_': the caller uses it after 'mu_' is released, while other threads write it; return a copy (by value), or a snapshot taken under the lock}}
  const int *countAddress() const { return &count_; } // expect-warning@37[modlint-escaping-reference]{{'Cache}}
  std::span<const int> values() const { return values_; } // expect-warning@41[modlint-escaping-reference]{{'Cache}}
  std::reference_wrapper<const std::vector<std::string>> list() const {
    return std::cref(list_); // expect-warning@5[modlint-escaping-reference]{{'Cache}}
  }
  const std::string &newest() const {
    std::lock_guard<std::mutex> guard(mu_);
    return list_.back(); // expect-warning@5[modlint-escaping-reference]{{'Cache}}
  }
  // Non-const access to state written with no lock at all.
  std::vector<int> &items() { return items_; } // expect-warning@31[modlint-escaping-reference]={{'Cache::items' returns a reference to 'items_', member state written without a lock: every caller can read and write it with no lock at all; return a copy (by value), or guard 'items_' with a member mutex and return a snapshot taken under it}}
  std::vector<int>::iterator firstItem() { return items_.begin(); } // expect-warning@44[modlint-escaping-reference]={{'Cache::firstItem' returns an iterator to 'items_', member state written without a lock: every caller can read and write it with no lock at all; return a copy (by value), or guard 'items_' with a member mutex and return a snapshot taken under it}}

  // Silent: copies, taken under the lock.
  std::map<std::string, int> snapshot() const {
    std::lock_guard<std::mutex> guard(mu_);
    return entries_;
  }
  std::string nameCopy() const {
    std::lock_guard<std::mutex> guard(mu_);
    return name_;
  }
  // Silent: set in the constructor only, an immutable snapshot.
  const std::string &config() const { return config_; }
  std::string_view configView() const { return config_; }
  // Silent: written only inside std::call_once, which is initialisation.
  const std::vector<int> &table() {
    std::call_once(loaded_, [this] { table_.assign({1, 2, 3}); });
    return table_;
  }
  // Silent: const access to state written without a lock is the
  // mutable-member race, not this one.
  const std::vector<int> &notes() const { return notes_; }
  // Silent: a thread-safe member, a pointer member's own value.
  std::atomic<int> &hits() { return hits_; }
  Widget *widget() const { return widget_; }
  // Silent: locals, parameters and a lambda's own return.
  const std::string &echo(const std::string &text) const { return text; }
  int sum() const {
    auto pick = [this]() -> const int & { return count_; };
    return pick();
  }

protected:
  std::map<std::string, int> &entriesForSubclasses() {
    return entries_; // expect-warning@5[modlint-escaping-reference]={{'Cache::entriesForSubclasses' returns a reference to 'entries_', which is written under 'mu_': the caller uses it after 'mu_' is released, while other threads write it; return a copy (by value), or a snapshot taken under the lock}}
  }

private:
  // Silent: only the class itself calls it, under its own lock.
  std::map<std::string, int> &entriesLocked() { return entries_; }

  mutable std::mutex mu_;
  std::map<std::string, int> entries_;
  std::string name_;
  int count_ = 0;
  std::vector<int> values_;
  std::vector<std::string> list_;
  std::vector<int> items_;
  std::vector<int> notes_;
  const std::string config_;
  std::once_flag loaded_;
  std::vector<int> table_;
  std::atomic<int> hits_{0};
  Widget shared_;
  Widget *widget_ = nullptr;
  int once_;
};

// Not a shared module: one owner, no finding.
class Scratch {
public:
  void put(int v) {
    std::lock_guard<std::mutex> guard(mu_);
    values_.push_back(v);
  }
  const std::vector<int> &values() const { return values_; }

private:
  std::mutex mu_;
  std::vector<int> values_;
};
