// A class named Module in another namespace is not modrt::Module.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <app/bases.hpp>

class Lookalike : public other::Module {
  int count_ = 0;

public:
  void handle() { ++count_; }
};

namespace modrt_fake {
class Module {};
} // namespace modrt_fake

class AlsoNot : public modrt_fake::Module {
  int n_ = 0;

public:
  void handle() { n_ = 1; }
};
