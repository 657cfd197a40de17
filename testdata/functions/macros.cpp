// A write that a macro expands to is reported where the macro is used.
#include <modrt/module.hpp>

#define BUMP(x) (++(x))

class MacroModule : public modrt::Module {
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state of shared module 'MacroModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void handle() {
    BUMP(count_); // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_' is a non-atomic read-modify-write; every request to 'MacroModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};
