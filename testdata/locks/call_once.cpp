// std::call_once runs its callable once, synchronised with every caller:
// lazy initialisation inside it is safe.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

class LazyModule : public modrt::Module {
  std::once_flag once_;
  std::vector<std::string> table_;
  std::string banner_; // expect-warning@15[modlint-mutable-member]{{'banner_' is mutable state}}

public:
  const std::vector<std::string> &table() {
    std::call_once(once_, [this] {
      table_.push_back("a");
      table_.push_back("b");
      banner_ = "ready";
    });
    return table_;
  }
  void rebrand() { banner_ = "new"; } // expect-warning@20[modlint-field-assignment]{{assignment to 'banner_'}}
};
