// ModuleBases names the application's own base classes (fully qualified);
// the default modrt::Module is then not a base unless listed.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-option: ModuleBases=app::Handler;::app::Service
#include <app/bases.hpp>
#include <modrt/module.hpp>
#include <vector>

class Orders : public app::Handler {
  std::vector<int> orders_; // expect-warning@20[modlint-mutable-member]{{'orders_' is mutable state}}

public:
  void place(int id) { orders_.push_back(id); } // expect-warning@24[modlint-container-mutation]{{'push_back' mutates container 'orders_'}}
};

class Billing : public app::Service {
  long total_ = 0; // expect-warning@8[modlint-mutable-member]{{'total_' is mutable state}}

public:
  void charge(long amount) { total_ += amount; } // expect-warning@30[modlint-nonatomic-update]{{'+=' on 'total_'}}
};

class NotConfigured : public modrt::Module {
  int n_ = 0;

public:
  void handle() { ++n_; }
};
