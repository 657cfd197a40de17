// Returning a member by const reference or by value gives no write access;
// returning a non-const reference hands shared state to any caller.
#include <modrt/module.hpp>
#include <string>

class RefModule : public modrt::Module {
  std::string name_ = "n"; // expect-remark@15[modlint-mutable-member]{{'name_' of shared module 'RefModule' is never modified after construction; declare it 'const' so it stays safe to share}}
  std::string copy_ = "c"; // expect-remark@15[modlint-mutable-member]{{'copy_' of shared module 'RefModule' is never modified after construction; declare it 'const' so it stays safe to share}}
  std::string exposed_; // expect-warning@15[modlint-mutable-member]{{'exposed_' is mutable state of shared module 'RefModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  const std::string &name() { return name_; }
  std::string copy() { return copy_; }
  std::string &exposed() { return exposed_; }
};
