// A local class's own members belong to a local object, not the module;
// its writes to the module's static members are the module's writes.
#include <modrt/module.hpp>

class LocalModule : public modrt::Module {
  static int created_; // expect-warning@14[modlint-mutable-member]{{'created_' is mutable state of shared module 'LocalModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  int handle() {
    struct Visitor {
      int visits = 0;
      void visit() {
        ++visits;
        ++LocalModule::created_; // expect-warning@9[modlint-nonatomic-update]{{'++' on 'created_' is a non-atomic read-modify-write; every request to 'LocalModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
      }
    };
    Visitor v;
    v.visit();
    return v.visits;
  }
};

int LocalModule::created_ = 0;
