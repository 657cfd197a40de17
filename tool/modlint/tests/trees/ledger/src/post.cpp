#include "acme/ledger.hpp"

namespace acme {

void Ledger::post(long amount) {
  std::lock_guard<std::mutex> accounts(accountsMu_);
  std::lock_guard<std::mutex> journal(journalMu_);
  balance_ += amount;
  ++entries_;
}

} // namespace acme
