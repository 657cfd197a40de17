// The NOLINT comment forms (same line, next line, begin/end blocks) silence
// clang-tidy, for all checks or only the named ones.
#include <modrt/module.hpp>
#include <vector>

class Suppressed : public modrt::Module {
  int count_ = 0; // NOLINT(modlint-mutable-member)
  int legacy_ = 0; // NOLINT
  std::vector<int> items_; // expect-warning@20[modlint-mutable-member]{{'items_' is mutable state of shared module 'Suppressed' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void handle() {
    ++count_; // NOLINT
    ++count_; // NOLINT(modlint-nonatomic-update)
    ++count_; // NOLINT(modlint-field-assignment) // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_' is a non-atomic read-modify-write; every request to 'Suppressed' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    // NOLINTNEXTLINE(modlint-*)
    legacy_ = 1;
    // NOLINTBEGIN(modlint-container-mutation)
    items_.push_back(1);
    items_.clear();
    // NOLINTEND(modlint-container-mutation)
    items_.push_back(2); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'items_' that every request to 'Suppressed' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
  }
};
