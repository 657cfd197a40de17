// std::call_once runs its callable once, synchronised with every caller:
// lazy initialisation inside it is safe.
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

class LazyModule : public modrt::Module {
  std::once_flag once_;
  std::vector<std::string> table_;
  std::string banner_; // expect-warning@15[modlint-mutable-member]{{'banner_' is mutable state of shared module 'LazyModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  const std::vector<std::string> &table() {
    std::call_once(once_, [this] {
      table_.push_back("a");
      table_.push_back("b");
      banner_ = "ready";
    });
    return table_;
  }
  void rebrand() { banner_ = "new"; } // expect-warning@20[modlint-field-assignment]{{assignment to 'banner_' writes state that every request to 'LazyModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};
