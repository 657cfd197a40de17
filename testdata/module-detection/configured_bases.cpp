// ModuleBases names the application's own base classes (fully qualified);
// the default modrt::Module is then not a base unless listed.
// modlint-option: ModuleBases=app::Handler;::app::Service
#include <app/bases.hpp>
#include <modrt/module.hpp>
#include <vector>

class Orders : public app::Handler {
  std::vector<int> orders_; // expect-warning@20[modlint-mutable-member]{{'orders_' is mutable state of shared module 'Orders' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void place(int id) { orders_.push_back(id); } // expect-warning@24[modlint-container-mutation]{{'push_back' mutates container 'orders_' that every request to 'Orders' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
};

class Billing : public app::Service {
  long total_ = 0; // expect-warning@8[modlint-mutable-member]{{'total_' is mutable state of shared module 'Billing' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void charge(long amount) { total_ += amount; } // expect-warning@30[modlint-nonatomic-update]{{'+=' on 'total_' is a non-atomic read-modify-write; every request to 'Billing' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};

class NotConfigured : public modrt::Module {
  int n_ = 0;

public:
  void handle() { ++n_; }
};
