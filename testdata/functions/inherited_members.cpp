// Writes in a derived module to members it inherits are reported where
// they happen; the member is reported where it is declared.
#include <modrt/module.hpp>
#include <string>

struct Counters { int hits = 0; };

class BaseService : public modrt::Module {
protected:
  std::string lastError_; // expect-warning@15[modlint-mutable-member]{{'lastError_' is mutable state of shared module 'BaseService' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
};

class DerivedService : public BaseService, private Counters {
public:
  void fail(const std::string &why) {
    lastError_ = why; // expect-warning@5[modlint-field-assignment]{{assignment to 'lastError_' writes state that every request to 'DerivedService' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    BaseService::lastError_ += "!"; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'lastError_' is a non-atomic read-modify-write; every request to 'DerivedService' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    hits++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits' is a non-atomic read-modify-write; every request to 'DerivedService' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};
