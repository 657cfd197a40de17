// ++ and -- on a plain int member, in every spelling.
#include <modrt/module.hpp>

class CounterModule : public modrt::Module {
  int requests_ = 0; // expect-warning@7[modlint-mutable-member]{{'requests_' is mutable state of shared module 'CounterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  long pending_ = 0; // expect-warning@8[modlint-mutable-member]{{'pending_' is mutable state of shared module 'CounterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  int handle() {
    ++requests_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'requests_' is a non-atomic read-modify-write; every request to 'CounterModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    requests_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'requests_' is a non-atomic read-modify-write; every request to 'CounterModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    this->requests_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'requests_' is a non-atomic read-modify-write; every request to 'CounterModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    --pending_; // expect-warning@5[modlint-nonatomic-update]{{'--' on 'pending_' is a non-atomic read-modify-write; every request to 'CounterModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    pending_--; // expect-warning@5[modlint-nonatomic-update]{{'--' on 'pending_' is a non-atomic read-modify-write; every request to 'CounterModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    return requests_;
  }
};
