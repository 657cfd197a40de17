// Writes in a derived module to members it inherits are reported where
// they happen; the member is reported where it is declared.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <string>

struct Counters { int hits = 0; };

class BaseService : public modrt::Module {
protected:
  std::string lastError_; // expect-warning@15[modlint-mutable-member]{{'lastError_' is mutable state}}
};

class DerivedService : public BaseService, private Counters {
public:
  void fail(const std::string &why) {
    lastError_ = why; // expect-warning@5[modlint-field-assignment]{{assignment to 'lastError_'}}
    BaseService::lastError_ += "!"; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'lastError_'}}
    hits++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits'}}
  }
};
