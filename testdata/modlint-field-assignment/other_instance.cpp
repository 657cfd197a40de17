// Only the object's own state counts: writing another object (a parameter
// or a local of the same type) is not this instance's shared state.
// modlint-checks: modlint-mutable-member, modlint-field-assignment
#include <modrt/module.hpp>

class PeerModule : public modrt::Module {
  int value_ = 0; // expect-remark@7[modlint-mutable-member]{{'value_' of shared module 'PeerModule' is never modified}}

public:
  int get() const { return value_; }
  static void poke(PeerModule &other) { (void)other; }
  void copyInto(PeerModule &other) const { (void)other; }
};

struct Plain { int value = 0; };

class UsesPlain : public modrt::Module {
public:
  void fill(Plain &p) const { p.value = 1; }
};
