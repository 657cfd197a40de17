// MODLINT_SHARED marks a shared class that has no configured base; classes
// derived from it are shared too.
#include <modlint/annotations.hpp>
#include <string>

class MODLINT_SHARED RateLimiter {
  int tokens_ = 10; // expect-warning@7[modlint-mutable-member]{{'tokens_' is mutable state of shared module 'RateLimiter' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  bool take() { return --tokens_ >= 0; } // expect-warning@24[modlint-nonatomic-update]{{'--' on 'tokens_' is a non-atomic read-modify-write; every request to 'RateLimiter' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};

class BurstLimiter : public RateLimiter {
  std::string lastClient_; // expect-warning@15[modlint-mutable-member]{{'lastClient_' is mutable state of shared module 'BurstLimiter' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void note(const std::string &client) { lastClient_ = client; } // expect-warning@42[modlint-field-assignment]{{assignment to 'lastClient_' writes state that every request to 'BurstLimiter' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};

class Unmarked {
  int tokens_ = 10;

public:
  bool take() { return --tokens_ >= 0; }
};
