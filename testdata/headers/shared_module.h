// A module defined in a header: its findings belong to the header lines.
#pragma once
#include <modrt/module.hpp>
#include <string>

class HeaderModule : public modrt::Module {
  int visits_ = 0; // expect-warning@7[modlint-mutable-member]{{'visits_' is mutable state of shared module 'HeaderModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::string last_; // expect-warning@15[modlint-mutable-member]{{'last_' is mutable state of shared module 'HeaderModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void visit(const std::string &who) {
    ++visits_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'visits_' is a non-atomic read-modify-write; every request to 'HeaderModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    last_ = who; // expect-warning@5[modlint-field-assignment]{{assignment to 'last_' writes state that every request to 'HeaderModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void record(const std::string &what);
};
