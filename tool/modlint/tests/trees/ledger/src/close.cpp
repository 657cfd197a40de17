#include "acme/ledger.hpp"

namespace acme {

// The unit's own cycle, over two globals: its check reports it, and the
// run must not report it again.
std::mutex configMu, routesMu;

void reload() {
  std::lock_guard<std::mutex> config(configMu);
  std::lock_guard<std::mutex> routes(routesMu);
}

void publish() {
  std::lock_guard<std::mutex> routes(routesMu);
  std::lock_guard<std::mutex> config(configMu);
}

void Ledger::close() {
  std::unique_lock<std::mutex> accounts(accountsMu_);
  std::lock_guard<std::mutex> journal(journalMu_);
  balance_ = 0;
}

} // namespace acme
