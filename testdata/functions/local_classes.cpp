// A local class's own members belong to a local object, not the module;
// its writes to the module's static members are the module's writes.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

class LocalModule : public modrt::Module {
  static int created_; // expect-warning@14[modlint-mutable-member]{{'created_' is mutable state}}

public:
  int handle() {
    struct Visitor {
      int visits = 0;
      void visit() {
        ++visits;
        ++LocalModule::created_; // expect-warning@9[modlint-nonatomic-update]{{'++' on 'created_'}}
      }
    };
    Visitor v;
    v.visit();
    return v.visits;
  }
};

int LocalModule::created_ = 0;
