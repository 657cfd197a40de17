// A module defined in a header: its findings belong to the header lines.
#pragma once
#include <modrt/module.hpp>
#include <string>

class HeaderModule : public modrt::Module {
  int visits_ = 0; // expect-warning@7[modlint-mutable-member]{{'visits_' is mutable state}}
  std::string last_; // expect-warning@15[modlint-mutable-member]{{'last_' is mutable state}}

public:
  void visit(const std::string &who) {
    ++visits_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'visits_'}}
    last_ = who; // expect-warning@5[modlint-field-assignment]{{assignment to 'last_'}}
  }
  void record(const std::string &what);
};
