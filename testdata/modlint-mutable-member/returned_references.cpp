// Returning a member by const reference or by value gives no write access;
// returning a non-const reference hands shared state to any caller.
// modlint-checks: modlint-mutable-member
#include <modrt/module.hpp>
#include <string>

class RefModule : public modrt::Module {
  std::string name_ = "n"; // expect-remark@15[modlint-mutable-member]{{'name_' of shared module 'RefModule' is never modified}}
  std::string copy_ = "c"; // expect-remark@15[modlint-mutable-member]{{'copy_' of shared module 'RefModule' is never modified}}
  std::string exposed_; // expect-warning@15[modlint-mutable-member]{{'exposed_' is mutable state}}

public:
  const std::string &name() { return name_; }
  std::string copy() { return copy_; }
  std::string &exposed() { return exposed_; }
};
