// A helper (a non-public, non-virtual member function) every call of which
// holds a lock runs with that lock held, transitively. Public and virtual
// methods are entry points; a helper also called without the lock, called
// from deferred code, called on another object, or whose address is taken
// starts with none. A helper called only during construction is part of it.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <functional>
#include <modrt/module.hpp>
#include <mutex>
#include <thread>
#include <vector>

class Counter : public modrt::Module {
public:
  Counter() { loadDefaults(); resetLocked(); }
  void hit() {
    std::lock_guard<std::mutex> g(mu_);
    incLocked();
    recordLocked(1);
  }
  void miss() {
    std::lock_guard<std::mutex> g(mu_);
    recordLocked(2);
    exposedLocked();
    overridable();
  }
  void missUnlocked() { sometimesLocked(); }
  void viaThread() {
    std::lock_guard<std::mutex> g(mu_);
    std::thread([this] { laterLocked(); }).detach();
  }
  void viaCallback(std::function<void()> &out) { out = std::bind(&Counter::boundLocked, this); }
  void viaOther(Counter &other) {
    std::lock_guard<std::mutex> g(mu_);
    other.otherLocked();
  }
  void exposedLocked() { ++exposed_; } // expect-warning@26[modlint-nonatomic-update]{{'++' on 'exposed_'}}

protected:
  virtual void overridable() { ++virtual_; } // expect-warning@32[modlint-nonatomic-update]{{'++' on 'virtual_'}}

private:
  void incLocked() { ++hits_; }
  void recordLocked(int v) {
    history_.push_back(v);
    resetLocked();
  }
  void resetLocked() { last_ = 0; }
  void sometimesLocked() { ++misses_; } // expect-warning@28[modlint-nonatomic-update]{{'++' on 'misses_'}}
  void laterLocked() { ++late_; }  // expect-warning@24[modlint-nonatomic-update]{{'++' on 'late_'}}
  void boundLocked() { ++bound_; } // expect-warning@24[modlint-nonatomic-update]{{'++' on 'bound_'}}
  void otherLocked() { ++other_; } // expect-warning@24[modlint-nonatomic-update]{{'++' on 'other_'}}
  void loadDefaults() { limit_ = 10; }
  void onlyForSometimes() { sometimesLocked(); }

  std::mutex mu_;
  long hits_ = 0;
  long misses_ = 0;  // expect-warning@8[modlint-mutable-member]{{'misses_' is mutable state}}
  long exposed_ = 0; // expect-warning@8[modlint-mutable-member]{{'exposed_' is mutable state}}
  long virtual_ = 0; // expect-warning@8[modlint-mutable-member]{{'virtual_' is mutable state}}
  long late_ = 0;    // expect-warning@8[modlint-mutable-member]{{'late_' is mutable state}}
  long bound_ = 0;   // expect-warning@8[modlint-mutable-member]{{'bound_' is mutable state}}
  long other_ = 0;   // expect-warning@8[modlint-mutable-member]{{'other_' is mutable state}}
  int last_ = 0;
  int limit_ = 0;
  std::vector<int> history_;
};
