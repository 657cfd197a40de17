// The note is given, but `const` would not compile here, so no fix is
// offered and --fix leaves the file as it is.
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
