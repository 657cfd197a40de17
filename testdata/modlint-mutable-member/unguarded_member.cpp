// The seed example: a counter and an active-request map modified on every
// request, and the user of the current request stored in a member.
#include <map>
#include <modrt/module.hpp>
#include <string>

class BadModule : public modrt::Module {
  int requestCounter_ = 0; // expect-warning@7[modlint-mutable-member]{{'requestCounter_' is mutable state of shared module 'BadModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::map<std::string, int> activeRequests_; // expect-warning@30[modlint-mutable-member]{{'activeRequests_' is mutable state of shared module 'BadModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::string currentUser_; // expect-warning@15[modlint-mutable-member]{{'currentUser_' is mutable state of shared module 'BadModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  std::string handle(const std::string &user) {
    const std::string id = "req_" + std::to_string(++requestCounter_); // expect-warning@52[modlint-nonatomic-update]{{'++' on 'requestCounter_' is a non-atomic read-modify-write; every request to 'BadModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    activeRequests_.emplace(id, 1); // expect-warning@5[modlint-container-mutation]{{'emplace' mutates container 'activeRequests_' that every request to 'BadModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    currentUser_ = user; // expect-warning@5[modlint-field-assignment]{{assignment to 'currentUser_' writes state that every request to 'BadModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    return id;
  }
};
