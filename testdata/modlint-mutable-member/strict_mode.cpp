// Strict: the JavaScript rule, no mutable instance state at all. Locks do
// not help; every non-safe member and every write is reported.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-option: Strict=true
#include <atomic>
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>

class StrictModule : public modrt::Module {
  const int limit_ = 5;
  std::atomic<int> hits_{0};
  std::mutex mu_;
  std::map<std::string, int> table_; // expect-warning@30[modlint-mutable-member]={{'table_' is mutable state of shared module 'StrictModule'; Strict mode allows no mutable instance state: make it const or constexpr, use std::atomic, or keep the data request-local (request context or session)}}
  int counter_ = 0; // expect-warning@7[modlint-mutable-member]{{'counter_' is mutable state}}
  std::string neverWritten_; // expect-warning@15[modlint-mutable-member]{{'neverWritten_' is mutable state}}
  std::string lastKey_; // expect-warning@15[modlint-mutable-member]{{'lastKey_' is mutable state}}

public:
  StrictModule() { counter_ = 1; }
  void put(const std::string &k) {
    std::lock_guard<std::mutex> lock(mu_);
    table_[k] = ++counter_; // expect-warning@5[modlint-container-mutation]={{'operator[]' mutates container 'table_' that every request to 'StrictModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: keep the data request-local (request context or session)}} expect-warning@17[modlint-nonatomic-update]={{'++' on 'counter_' is a non-atomic read-modify-write; every request to 'StrictModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), or make it std::atomic}}
    lastKey_ = k; // expect-warning@5[modlint-field-assignment]={{assignment to 'lastKey_' writes state that every request to 'StrictModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), or make it std::atomic}}
    hits_++;
  }
  std::string get() const { return neverWritten_ + std::to_string(limit_); }
};
