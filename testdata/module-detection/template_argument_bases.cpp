// Bases given as template arguments: a wrapper template that derives from
// its argument is a shared module when it wraps one, also through another
// wrapper, and so is a class derived from such an instantiation. The same
// wrapper around a plain class, or never instantiated, is not.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <string>
#include <vector>

namespace acme {
class ServiceModule : public modrt::Module {};
} // namespace acme

template <class Base> class WithRetries : public Base {
public:
  bool retry() { return ++attempts_ < 3; } // expect-warning@25[modlint-nonatomic-update]{{'++' on 'attempts_'}}

private:
  int attempts_ = 0; // expect-warning@7[modlint-mutable-member]{{'attempts_' is mutable state}}
};

template <class Base> class WithLog : public Base {
public:
  void log(const std::string &line) { lines_.push_back(line); } // expect-warning@39[modlint-container-mutation]{{'push_back' mutates container 'lines_'}}

private:
  std::vector<std::string> lines_; // expect-warning@28[modlint-mutable-member]{{'lines_' is mutable state}}
};

class Billing : public WithLog<WithRetries<acme::ServiceModule>> {
public:
  void charge(long cents) { total_ += cents; } // expect-warning@29[modlint-nonatomic-update]{{'+=' on 'total_'}}

private:
  long total_ = 0; // expect-warning@8[modlint-mutable-member]{{'total_' is mutable state}}
};

template <class Base> class WithCache : public Base {
public:
  void remember(int v) { last_ = v; }

private:
  int last_ = 0;
};

struct Settings {};
WithCache<Settings> settingsCache;

template <class Base> class NeverUsed : public Base {
public:
  void touch() { ++touched_; }

private:
  int touched_ = 0;
};
