// Storing per-request data in a member: the next request overwrites it
// while the first is still using it.
#include <modrt/module.hpp>
#include <string>

class ProfileModule : public modrt::Module {
  std::string currentUser_; // expect-warning@15[modlint-mutable-member]{{'currentUser_' is mutable state of shared module 'ProfileModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int lastStatus_ = 0; // expect-warning@7[modlint-mutable-member]{{'lastStatus_' is mutable state of shared module 'ProfileModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  bool busy_ = false; // expect-warning@8[modlint-mutable-member]{{'busy_' is mutable state of shared module 'ProfileModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  std::string greet(const std::string &user) {
    currentUser_ = user; // expect-warning@5[modlint-field-assignment]{{assignment to 'currentUser_' writes state that every request to 'ProfileModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    lastStatus_ = 200; // expect-warning@5[modlint-field-assignment]{{assignment to 'lastStatus_' writes state that every request to 'ProfileModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    this->busy_ = true; // expect-warning@5[modlint-field-assignment]{{assignment to 'busy_' writes state that every request to 'ProfileModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    return "hello " + currentUser_;
  }
};
