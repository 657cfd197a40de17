// Two lock objects taken in opposite orders, found within one translation
// unit: directly in two methods, through a helper called with a lock held,
// a three-lock cycle, globals and statics, and the same member lock on two
// objects of one class (transfer(a, b) racing transfer(b, a)). Each cycle
// is reported once, where it closes latest, with the other path as notes.
// Silent: the same order everywhere, locks taken together with
// std::scoped_lock or std::lock, a lock released before the next is taken,
// an automatic local mutex, and a lambda that runs later.
// modlint-checks: modlint-lock-order
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace acme {

class Ledger {
public:
  void post(int amount) {
    std::lock_guard<std::mutex> accounts(accountsMu_);
    std::lock_guard<std::mutex> journal(journalMu_);
    balance_ += amount;
  }

  void audit() {
    std::lock_guard<std::mutex> journal(journalMu_);
    std::lock_guard<std::mutex> accounts(accountsMu_); // expect-warning@42[modlint-lock-order]={{'acme::Ledger::accountsMu_' is acquired while 'acme::Ledger::journalMu_' is held, which closes the lock-order cycle 'acme::Ledger::journalMu_ -> acme::Ledger::accountsMu_ -> acme::Ledger::journalMu_': two threads that take these locks in opposite orders deadlock, each holding the lock the other waits for; take them in one order everywhere (and state it in LockOrder), or together with std::scoped_lock}}
    ++entries_;
  }

  // The same order as post(): no new edge.
  void close() {
    std::unique_lock<std::mutex> accounts(accountsMu_);
    journalMu_.lock();
    journalMu_.unlock();
  }

  void together() {
    std::scoped_lock both(journalMu_, accountsMu_);
    std::lock(statsMu_, historyMu_);
    statsMu_.unlock();
    historyMu_.unlock();
  }

  void released() {
    {
      std::lock_guard<std::mutex> history(historyMu_);
    }
    std::lock_guard<std::mutex> stats(statsMu_);
  }

  void local() {
    std::mutex scratch;
    std::lock_guard<std::mutex> stats(statsMu_);
    std::lock_guard<std::mutex> inner(scratch);
  }

  void later() {
    std::lock_guard<std::mutex> stats(statsMu_);
    std::thread([this] { std::lock_guard<std::mutex> history(historyMu_); }).detach();
  }

  void history() {
    std::lock_guard<std::mutex> history(historyMu_);
    std::lock_guard<std::mutex> stats(statsMu_);
  }

private:
  std::mutex accountsMu_, journalMu_, statsMu_, historyMu_;
  long balance_ = 0;
  int entries_ = 0;
};

// Through a helper: refresh() takes cacheMu_ while indexMu_ is held.
class Catalog {
public:
  void rebuild() {
    std::lock_guard<std::mutex> cache(cacheMu_);
    std::unique_lock<std::shared_mutex> index(indexMu_);
  }

  void lookup() {
    std::shared_lock<std::shared_mutex> index(indexMu_);
    refresh(); // expect-warning@5[modlint-lock-order]{{'acme::Catalog::cacheMu_' is acquired while 'acme::Catalog::indexMu_' is held, which closes the lock-order cycle}}
  }

private:
  void refresh() { std::lock_guard<std::mutex> cache(cacheMu_); }

  std::mutex cacheMu_;
  std::shared_mutex indexMu_;
};

// Three locks in a ring, over globals and a static member.
std::mutex configMu, routesMu;

struct Metrics {
  static std::mutex mu;
};

void reloadConfig() {
  std::lock_guard<std::mutex> config(configMu);
  std::lock_guard<std::mutex> routes(routesMu);
}

void publishRoutes() {
  std::lock_guard<std::mutex> routes(routesMu);
  std::lock_guard<std::mutex> metrics(Metrics::mu);
}

void flushMetrics() {
  std::lock_guard<std::mutex> metrics(Metrics::mu);
  std::lock_guard<std::mutex> config(configMu); // expect-warning@38[modlint-lock-order]{{'acme::configMu' is acquired while 'acme::Metrics::mu' is held, which closes the lock-order cycle 'acme::Metrics::mu -> acme::configMu -> acme::routesMu -> acme::Metrics::mu'}}
}

// One member lock, two objects.
class Account {
public:
  void transfer(Account &to, long amount) {
    std::lock_guard<std::mutex> mine(mu_);
    std::lock_guard<std::mutex> theirs(to.mu_); // expect-warning@43[modlint-lock-order]={{'acme::Account::mu_' of 'to' is acquired while 'acme::Account::mu_' of 'this' is held: a call with the two objects swapped takes them in the opposite order, and the two calls deadlock (transfer(a, b) racing transfer(b, a)); take both at once with std::scoped_lock or std::lock}}
    balance_ -= amount;
    to.balance_ += amount;
  }

  void transferSafely(Account &to, long amount) {
    std::scoped_lock both(mu_, to.mu_);
    balance_ -= amount;
    to.balance_ += amount;
  }

private:
  std::mutex mu_;
  long balance_ = 0;
};

} // namespace acme
