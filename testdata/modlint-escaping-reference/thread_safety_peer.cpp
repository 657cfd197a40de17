// The same getters against Clang's thread-safety analysis
// (-Wthread-safety-reference-return, which this case runs beside modlint;
// peer-warning records what it reports). Clang sees a guarded member
// returned by reference: it needs the member annotated `guarded_by`, and it
// also flags a helper that its callers call under the lock unless that
// helper says so with `requires_capability`. It does not see an iterator,
// a view or a pointer into the state, nor any member without the
// annotation. modlint needs no annotation and follows the handle to the
// member.
// modlint-checks: modlint-escaping-reference
// modlint-peer: clang-diagnostic-thread-safety-reference-return
// modlint-peer-flags: -Wthread-safety-analysis
#include <modrt/module.hpp>

#include <map>
#include <mutex>
#include <string>
#include <string_view>

class __attribute__((capability("mutex"))) Mutex {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};

class __attribute__((scoped_lockable)) Guard {
public:
  explicit Guard(Mutex &mu) __attribute__((acquire_capability(mu))) : mu_(mu) { mu.lock(); }
  ~Guard() __attribute__((release_capability())) { mu_.unlock(); }

private:
  Mutex &mu_;
};

class Prices : public modrt::Module {
public:
  void set(const std::string &item, int cents) {
    Guard guard(mu_);
    prices_[item] = cents;
    label_ = item;
    plain_[item] = cents;
  }

  // Both: an annotated member returned by reference.
  const std::map<std::string, int> &all() {
    Guard guard(mu_);
    return prices_; // expect-warning@5[modlint-escaping-reference]{{'Prices}} peer-warning@12[clang-diagnostic-thread-safety-reference-return]
  }
  // Only modlint: an iterator, a view, and a member without the annotation.
  std::map<std::string, int>::const_iterator find(const std::string &item) {
    Guard guard(mu_);
    return prices_.find(item); // expect-warning@5[modlint-escaping-reference]{{'Prices}}
  }
  std::string_view label() {
    Guard guard(mu_);
    return label_; // expect-warning@5[modlint-escaping-reference]{{'Prices}}
  }
  const std::map<std::string, int> &plain() {
    Guard guard(mu_);
    return plain_; // expect-warning@5[modlint-escaping-reference]{{'Prices}}
  }
  // Neither: a copy.
  std::map<std::string, int> snapshot() {
    Guard guard(mu_);
    return prices_;
  }
  int total() {
    Guard guard(mu_);
    return sumLocked();
  }

private:
  // Only Clang: a private helper its callers call under the lock (modlint
  // reports entry points only; Clang wants `requires_capability(mu_)`).
  const std::map<std::string, int> &pricesLocked() {
    return prices_; // peer-warning@12[clang-diagnostic-thread-safety-reference-return]
  }
  int sumLocked() {
    int sum = 0;
    for (const auto &entry : pricesLocked())
      sum += entry.second;
    return sum;
  }

  Mutex mu_;
  std::map<std::string, int> prices_ __attribute__((guarded_by(mu_)));
  std::string label_ __attribute__((guarded_by(mu_)));
  std::map<std::string, int> plain_;
};
