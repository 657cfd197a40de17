// An expression nested 30,000 deep (valid code that clang compiles) is
// walked without recursion: the finding is reported, and neither front-end
// runs out of stack.
// modlint-checks: modlint-field-assignment, modlint-nonatomic-update
// modlint-prefix: not-precompiled (clang's PCH writer recurses on the depth
// and overflows its stack; the shared-prefix run falls back to plain parses)
#include <modrt/module.hpp>

#define TERMS_10 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1
#define TERMS_100 TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10 + TERMS_10
#define TERMS_1000 TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100 + TERMS_100
#define TERMS_10000 TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000 + TERMS_1000
#define TERMS_30000 TERMS_10000 + TERMS_10000 + TERMS_10000

class DeepSum : public modrt::Module {
public:
  void set() { total_ = TERMS_30000; } // expect-warning@16[modlint-field-assignment]{{assignment to 'total_'}}
  void add() { total_ += TERMS_30000; } // expect-warning@16[modlint-nonatomic-update]{{'total_'}}

private:
  long total_ = 0;
};
