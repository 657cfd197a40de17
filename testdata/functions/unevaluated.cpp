// Operands that are never evaluated (sizeof, decltype, noexcept) write
// nothing.
#include <modrt/module.hpp>

class Unevaluated : public modrt::Module {
  int count_ = 0; // expect-remark@7[modlint-mutable-member]{{'count_' of shared module 'Unevaluated' is never modified after construction; declare it 'const' so it stays safe to share}}

public:
  unsigned size() { return sizeof(count_++); }
  bool nothrow() { return noexcept(count_ = 1); }
  int copy() {
    decltype(count_++) local = count_;
    return local;
  }
};
