// Overloaded ++ and compound assignments race like the built-in ones:
// std::string::operator+= reallocates under a concurrent reader.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update
#include <modrt/module.hpp>
#include <string>

struct Version {
  int major = 0;
  Version &operator++() { ++major; return *this; }
  Version operator++(int) { Version Old = *this; ++major; return Old; }
  Version &operator+=(int n) { major += n; return *this; }
};

class LogModule : public modrt::Module {
  std::string log_; // expect-warning@15[modlint-mutable-member]{{'log_' is mutable state}}
  Version version_; // expect-warning@11[modlint-mutable-member]{{'version_' is mutable state}}

public:
  void append(const std::string &line) {
    log_ += line; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'log_'}}
    log_ += '\n'; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'log_'}}
    ++version_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'version_'}}
    version_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'version_'}}
    version_ += 2; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'version_'}}
  }
};
