// Overloaded ++ and compound assignments race like the built-in ones:
// std::string::operator+= reallocates under a concurrent reader.
#include <modrt/module.hpp>
#include <string>

struct Version {
  int major = 0;
  Version &operator++() { ++major; return *this; }
  Version operator++(int) { Version Old = *this; ++major; return Old; }
  Version &operator+=(int n) { major += n; return *this; }
};

class LogModule : public modrt::Module {
  std::string log_; // expect-warning@15[modlint-mutable-member]{{'log_' is mutable state of shared module 'LogModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  Version version_; // expect-warning@11[modlint-mutable-member]{{'version_' is mutable state of shared module 'LogModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void append(const std::string &line) {
    log_ += line; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'log_' is a non-atomic read-modify-write; every request to 'LogModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    log_ += '\n'; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'log_' is a non-atomic read-modify-write; every request to 'LogModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    ++version_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'version_' is a non-atomic read-modify-write; every request to 'LogModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    version_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'version_' is a non-atomic read-modify-write; every request to 'LogModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    version_ += 2; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'version_' is a non-atomic read-modify-write; every request to 'LogModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};
