// Check-then-act on a shared module's container: a mutation under the
// exclusive lock that a check of the same container decides, when the
// check was made in another critical section: without the lock, under a
// shared lock (then upgraded), or before the lock was released and taken
// again. The decision is followed into the branch that acts, past early
// returns, and through a local the check was stored in. Silent: check and
// act in one critical section, the double-checked form (checked again
// after upgrading), try_emplace/insert whose result is the check, an act
// without any lock (the write checks report that), another container.
// modlint-checks: modlint-check-then-act
#include <modrt/module.hpp>

#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

std::string load(const std::string &key);

class Cache : public modrt::Module {
public:
  // Checked under the shared lock, inserted under the exclusive one.
  void fill(const std::string &key) {
    {
      std::shared_lock<std::shared_mutex> read(mu_);
      if (entries_.find(key) != entries_.end())
        return;
    }
    std::string value = load(key);
    std::unique_lock<std::shared_mutex> write(mu_);
    entries_.emplace(key, value); // expect-warning@5[modlint-check-then-act]={{'emplace' on 'entries_' acts on a check of 'entries_' made under a shared lock: another request can change 'entries_' between that check and this exclusive lock on 'mu_' (check-then-act); check again under this lock before acting, or let one call check and act (try_emplace, or insert's returned bool)}}
  }

  // Checked with no lock at all.
  void add(const std::string &key) {
    if (!entries_.count(key)) {
      std::lock_guard<std::shared_mutex> guard(mu_);
      entries_[key] = load(key); // expect-warning@7[modlint-check-then-act]={{'operator[]' on 'entries_' acts on a check of 'entries_' made without a lock: another request can change 'entries_' between that check and this exclusive lock on 'mu_' (check-then-act); check again under this lock before acting, or let one call check and act (try_emplace, or insert's returned bool)}}
    }
  }

  // The branch that acts, decided by a comparison with end().
  void put(const std::string &key) {
    if (entries_.find(key) == entries_.end()) {
      std::string value = load(key);
      std::lock_guard<std::shared_mutex> guard(mu_);
      entries_.emplace(key, value); // expect-warning@7[modlint-check-then-act]{{'emplace' on 'entries_' acts on a check of 'entries_' made without a lock}}
    }
  }

  // Checked in an earlier critical section, stored in a local.
  void remember(const std::string &name) {
    bool known;
    {
      std::lock_guard<std::shared_mutex> guard(mu_);
      known = names_.contains(name);
    }
    if (known)
      return;
    std::lock_guard<std::shared_mutex> guard(mu_);
    names_.insert(name); // expect-warning@5[modlint-check-then-act]={{'insert' on 'names_' acts on a check of 'names_' made in an earlier critical section: another request can change 'names_' between that check and this exclusive lock on 'mu_' (check-then-act); check again under this lock before acting, or let one call check and act (try_emplace, or insert's returned bool)}}
  }

  // The same unique_lock released and taken again.
  void top(const std::string &item) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    const bool empty = queue_.empty();
    lock.unlock();
    std::string loaded = load(item);
    lock.lock();
    if (empty)
      queue_.push_back(loaded); // expect-warning@7[modlint-check-then-act]{{'push_back' on 'queue_' acts on a check of 'queue_' made in an earlier critical section}}
  }

  // Silent: one critical section.
  void fillLocked(const std::string &key) {
    std::lock_guard<std::shared_mutex> guard(mu_);
    if (entries_.find(key) == entries_.end())
      entries_.emplace(key, load(key));
  }

  // Silent: the double-checked form.
  void fillTwice(const std::string &key) {
    {
      std::shared_lock<std::shared_mutex> read(mu_);
      if (entries_.contains(key))
        return;
    }
    std::string value = load(key);
    std::unique_lock<std::shared_mutex> write(mu_);
    if (entries_.contains(key))
      return;
    entries_.emplace(key, value);
  }

  // Silent: the insertion's own result is the check.
  bool claim(const std::string &name) {
    {
      std::shared_lock<std::shared_mutex> read(mu_);
      if (names_.count(name))
        return false;
    }
    std::lock_guard<std::shared_mutex> guard(mu_);
    auto [where, added] = names_.insert(name);
    return added;
  }
  void note(const std::string &key) {
    if (entries_.count(key))
      return;
    std::lock_guard<std::shared_mutex> guard(mu_);
    if (!entries_.try_emplace(key, "").second)
      return;
  }

  // Silent: another container was checked.
  void log(const std::string &key) {
    if (!entries_.contains(key))
      return;
    std::lock_guard<std::shared_mutex> guard(mu_);
    queue_.push_back(key);
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, std::string> entries_;
  std::set<std::string> names_;
  std::vector<std::string> queue_;
};
