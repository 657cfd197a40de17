// Subclasses at any depth of modrt::Module are shared modules.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

class BaseModule : public modrt::Module {
protected:
  int shared_ = 0; // expect-warning@7[modlint-mutable-member]{{'shared_' is mutable state}}
};

class Middle : public BaseModule {};

class Leaf final : public Middle {
  int own_ = 0; // expect-warning@7[modlint-mutable-member]{{'own_' is mutable state}}

public:
  void handle() {
    ++own_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'own_'}}
    shared_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'shared_'}}
  }
};

struct NotAModule {
  int count = 0;
  void bump() { ++count; }
};
