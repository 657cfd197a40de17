// A static data member is shared by every instance and every request.
#include <modrt/module.hpp>

class IdModule : public modrt::Module {
  static int nextId_; // expect-warning@14[modlint-mutable-member]{{'nextId_' is mutable state of shared module 'IdModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  static inline long served_ = 0; // expect-warning@22[modlint-mutable-member]{{'served_' is mutable state of shared module 'IdModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  int allocate() {
    served_ += 1; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'served_' is a non-atomic read-modify-write; every request to 'IdModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    return nextId_++; // expect-warning@12[modlint-nonatomic-update]{{'++' on 'nextId_' is a non-atomic read-modify-write; every request to 'IdModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  static void reset() {
    IdModule::nextId_ = 0; // expect-warning@5[modlint-field-assignment]{{assignment to 'nextId_' writes state that every request to 'IdModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};

int IdModule::nextId_ = 1;
