// `const` would compile for first_, second_, outOfLine_ and count_, but
// the fix cannot be placed (a shared declaration, an out-of-line
// definition, a macro): the note is given without a fix. For hosts_,
// uninitialised_ and cache_ `const` would not compile at all: no note.
#include <modrt/module.hpp>
#include <string>
#include <vector>

#define DECLARE_COUNT int count_ = 0

class Unfixable : public modrt::Module {
  std::vector<std::string> hosts_;
  int uninitialised_;
  int first_ = 1, second_ = 2;
  mutable int cache_ = 0;
  static int outOfLine_;
  DECLARE_COUNT;

public:
  Unfixable() { hosts_.push_back("a"); }
  int sum() const {
    return static_cast<int>(hosts_.size()) + uninitialised_ + first_ +
           second_ + cache_ + outOfLine_ + count_;
  }
};

int Unfixable::outOfLine_ = 3;
