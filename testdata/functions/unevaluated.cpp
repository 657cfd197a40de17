// Operands that are never evaluated (sizeof, decltype, noexcept) write
// nothing.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

class Unevaluated : public modrt::Module {
  int count_ = 0; // expect-remark@7[modlint-mutable-member]{{'count_' of shared module 'Unevaluated' is never modified}}

public:
  unsigned size() { return sizeof(count_++); }
  bool nothrow() { return noexcept(count_ = 1); }
  int copy() {
    decltype(count_++) local = count_;
    return local;
  }
};
