// MODLINT_SHARED marks a shared class that has no configured base; classes
// derived from it are shared too.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modlint/annotations.hpp>
#include <string>

class MODLINT_SHARED RateLimiter {
  int tokens_ = 10; // expect-warning@7[modlint-mutable-member]{{'tokens_' is mutable state}}

public:
  bool take() { return --tokens_ >= 0; } // expect-warning@24[modlint-nonatomic-update]{{'--' on 'tokens_'}}
};

class BurstLimiter : public RateLimiter {
  std::string lastClient_; // expect-warning@15[modlint-mutable-member]{{'lastClient_' is mutable state}}

public:
  void note(const std::string &client) { lastClient_ = client; } // expect-warning@42[modlint-field-assignment]{{assignment to 'lastClient_'}}
};

class Unmarked {
  int tokens_ = 10;

public:
  bool take() { return --tokens_ >= 0; }
};
