// Every built-in compound assignment is a read-modify-write.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment
#include <modrt/module.hpp>

class StatsModule : public modrt::Module {
  long total_ = 0; // expect-warning@8[modlint-mutable-member]{{'total_' is mutable state}}
  unsigned flags_ = 0; // expect-warning@12[modlint-mutable-member]{{'flags_' is mutable state}}
  double average_ = 0; // expect-warning@10[modlint-mutable-member]{{'average_' is mutable state}}

public:
  void record(long value) {
    total_ += value; // expect-warning@5[modlint-nonatomic-update]={{'+=' on 'total_' is a non-atomic read-modify-write; every request to 'StatsModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    total_ -= 1; // expect-warning@5[modlint-nonatomic-update]{{'-=' on 'total_'}}
    total_ *= 2; // expect-warning@5[modlint-nonatomic-update]{{'*=' on 'total_'}}
    total_ /= 2; // expect-warning@5[modlint-nonatomic-update]{{'/=' on 'total_'}}
    total_ %= 1000; // expect-warning@5[modlint-nonatomic-update]{{'%=' on 'total_'}}
    flags_ |= 1u; // expect-warning@5[modlint-nonatomic-update]{{'|=' on 'flags_'}}
    flags_ &= ~2u; // expect-warning@5[modlint-nonatomic-update]{{'&=' on 'flags_'}}
    flags_ ^= 4u; // expect-warning@5[modlint-nonatomic-update]{{'^=' on 'flags_'}}
    flags_ <<= 1; // expect-warning@5[modlint-nonatomic-update]{{'<<=' on 'flags_'}}
    flags_ >>= 1; // expect-warning@5[modlint-nonatomic-update]{{'>>=' on 'flags_'}}
    average_ = (average_ + value) / 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'average_'}}
  }
};
