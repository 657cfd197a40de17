#include "acme/ledger.hpp"

namespace acme {

void Ledger::audit() {
  std::lock_guard<std::mutex> journal(journalMu_);
  std::lock_guard<std::mutex> accounts(accountsMu_);
  ++entries_;
}

} // namespace acme
