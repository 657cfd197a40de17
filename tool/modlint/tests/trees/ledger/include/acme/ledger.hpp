// A ledger whose two locks are taken in one order in close.cpp and
// post.cpp and in the other in audit.cpp: a deadlock no single unit shows.
#pragma once
#include <mutex>

namespace acme {

class Ledger {
public:
  void post(long amount);
  void audit();
  void close();

private:
  std::mutex accountsMu_;
  std::mutex journalMu_;
  long balance_ = 0;
  int entries_ = 0;
};

} // namespace acme
