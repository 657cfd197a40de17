// Storing per-request data in a member: the next request overwrites it
// while the first is still using it.
// modlint-checks: modlint-mutable-member, modlint-field-assignment
#include <modrt/module.hpp>
#include <string>

class ProfileModule : public modrt::Module {
  std::string currentUser_; // expect-warning@15[modlint-mutable-member]{{'currentUser_' is mutable state}}
  int lastStatus_ = 0; // expect-warning@7[modlint-mutable-member]{{'lastStatus_' is mutable state}}
  bool busy_ = false; // expect-warning@8[modlint-mutable-member]{{'busy_' is mutable state}}

public:
  std::string greet(const std::string &user) {
    currentUser_ = user; // expect-warning@5[modlint-field-assignment]{{assignment to 'currentUser_'}}
    lastStatus_ = 200; // expect-warning@5[modlint-field-assignment]{{assignment to 'lastStatus_'}}
    this->busy_ = true; // expect-warning@5[modlint-field-assignment]{{assignment to 'busy_'}}
    return "hello " + currentUser_;
  }
};
