// A write that a macro expands to is reported where the macro is used.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

#define BUMP(x) (++(x))

class MacroModule : public modrt::Module {
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state}}

public:
  void handle() {
    BUMP(count_); // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
};
