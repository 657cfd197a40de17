// The NOLINT comment forms (same line, next line, begin/end blocks) silence
// clang-tidy, for all checks or only the named ones.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <vector>

class Suppressed : public modrt::Module {
  int count_ = 0; // NOLINT(modlint-mutable-member)
  int legacy_ = 0; // NOLINT
  std::vector<int> items_; // expect-warning@20[modlint-mutable-member]{{'items_' is mutable state}}

public:
  void handle() {
    ++count_; // NOLINT
    ++count_; // NOLINT(modlint-nonatomic-update)
    ++count_; // NOLINT(modlint-field-assignment) // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
    // NOLINTNEXTLINE(modlint-*)
    legacy_ = 1;
    // NOLINTBEGIN(modlint-container-mutation)
    items_.push_back(1);
    items_.clear();
    // NOLINTEND(modlint-container-mutation)
    items_.push_back(2); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'items_'}}
  }
};
