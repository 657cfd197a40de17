// Mutations that are neither ++, = nor a container call: non-const member
// functions, a random engine's operator(), non-const references handed out.
// modlint-checks: modlint-mutable-member
#include <modrt/module.hpp>
#include <random>
#include <string>

class Lru {
public:
  void put(int key) { last_ = key; }
  int get() const { return last_; }

private:
  int last_ = 0;
};

void fill(std::string &out);
void inspect(const std::string &in);

class MixedModule : public modrt::Module {
  std::mt19937 rng_{42}; // expect-warning@16[modlint-mutable-member]{{'rng_' is mutable state}}
  Lru cache_; // expect-warning@7[modlint-mutable-member]{{'cache_' is mutable state}}
  std::string scratch_; // expect-warning@15[modlint-mutable-member]{{'scratch_' is mutable state}}
  std::string label_ = "ok"; // expect-remark@15[modlint-mutable-member]{{'label_' of shared module 'MixedModule' is never modified}}
  Lru readOnly_; // expect-remark@7[modlint-mutable-member]{{'readOnly_' of shared module 'MixedModule' is never modified}}

public:
  unsigned roll() { return rng_(); }
  void remember(int key) { cache_.put(key); }
  void refill() { fill(scratch_); }
  int peek() {
    inspect(label_);
    return readOnly_.get();
  }
};
