// The seed example: a counter and an active-request map modified on every
// request, and the user of the current request stored in a member.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <string>

class BadModule : public modrt::Module {
  int requestCounter_ = 0; // expect-warning@7[modlint-mutable-member]{{'requestCounter_' is mutable state}}
  std::map<std::string, int> activeRequests_; // expect-warning@30[modlint-mutable-member]{{'activeRequests_' is mutable state}}
  std::string currentUser_; // expect-warning@15[modlint-mutable-member]{{'currentUser_' is mutable state}}

public:
  std::string handle(const std::string &user) {
    const std::string id = "req_" + std::to_string(++requestCounter_); // expect-warning@52[modlint-nonatomic-update]{{'++' on 'requestCounter_'}}
    activeRequests_.emplace(id, 1); // expect-warning@5[modlint-container-mutation]{{'emplace' mutates container 'activeRequests_'}}
    currentUser_ = user; // expect-warning@5[modlint-field-assignment]{{assignment to 'currentUser_'}}
    return id;
  }
};
