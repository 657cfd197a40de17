// Subclasses at any depth of modrt::Module are shared modules.
#include <modrt/module.hpp>

class BaseModule : public modrt::Module {
protected:
  int shared_ = 0; // expect-warning@7[modlint-mutable-member]{{'shared_' is mutable state of shared module 'BaseModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
};

class Middle : public BaseModule {};

class Leaf final : public Middle {
  int own_ = 0; // expect-warning@7[modlint-mutable-member]{{'own_' is mutable state of shared module 'Leaf' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void handle() {
    ++own_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'own_' is a non-atomic read-modify-write; every request to 'Leaf' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    shared_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'shared_' writes state that every request to 'Leaf' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};

struct NotAModule {
  int count = 0;
  void bump() { ++count; }
};
