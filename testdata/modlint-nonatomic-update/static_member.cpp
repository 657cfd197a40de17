// A static data member is shared by every instance and every request.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment
#include <modrt/module.hpp>

class IdModule : public modrt::Module {
  static int nextId_; // expect-warning@14[modlint-mutable-member]{{'nextId_' is mutable state}}
  static inline long served_ = 0; // expect-warning@22[modlint-mutable-member]{{'served_' is mutable state}}

public:
  int allocate() {
    served_ += 1; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'served_'}}
    return nextId_++; // expect-warning@12[modlint-nonatomic-update]{{'++' on 'nextId_'}}
  }
  static void reset() {
    IdModule::nextId_ = 0; // expect-warning@5[modlint-field-assignment]{{assignment to 'nextId_'}}
  }
};

int IdModule::nextId_ = 1;
