// Calls into a library's functions are followed into their bodies, also
// when the library's header is not reported (it is included with -I from
// outside the header filter) and when it is a system header: a lock the
// library takes closes a lock-order cycle, and a member handed to the
// library's forwarding template is written when that template writes it.
// modlint-checks: modlint-lock-order, modlint-mutable-member
// modlint-header-filter: /testdata/functions/
#include "modrt/module.hpp"
#include "vendor/registry.hpp"

#include <absl/algorithm/container.h>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

class Ledger : public modrt::Module {
public:
  // vendor::Registry::add takes the registry's lock while entriesMu_ is held.
  void record(int value) {
    std::lock_guard<std::mutex> lock(entriesMu_);
    registry_.add(value);
  }

  // The opposite order.
  void audit() {
    std::lock_guard<std::mutex> outer(registry_.mu);
    std::lock_guard<std::mutex> inner(entriesMu_); // expect-warning@39[modlint-lock-order]{{'Ledger::entriesMu_' is acquired while 'vendor::Registry::mu' is held, which closes the lock-order cycle 'vendor::Registry::mu -> Ledger::entriesMu_ -> vendor::Registry::mu'}}
  }

  // Registry::reset clears what it is given: a write, without a lock.
  void clear() { registry_.reset(pending_); }

  // Registry::measure only reads it.
  std::size_t size() { return registry_.measure(counted_); }

  // absl::c_move (a system header's forwarding template) moves out of it.
  void drain(std::vector<std::string> &out) { absl::c_move(names_, std::back_inserter(out)); }

private:
  std::mutex entriesMu_;
  vendor::Registry registry_;
  std::vector<int> pending_; // expect-warning@20[modlint-mutable-member]{{'pending_' is mutable state of shared module 'Ledger' and is modified outside construction without a held lock}}
  std::vector<int> counted_; // expect-remark@20[modlint-mutable-member]{{'counted_' of shared module 'Ledger' is never modified after construction}}
  std::vector<std::string> names_; // expect-warning@28[modlint-mutable-member]{{'names_' is mutable state of shared module 'Ledger' and is modified outside construction without a held lock}}
};
