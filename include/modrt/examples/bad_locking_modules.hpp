// The anti-patterns of locking: each module takes a lock, or shares state,
// in a way that looks careful and is not. modlint reports each one (the
// expected findings are written on their lines); the runtime's tests show
// each going wrong (RuleDemoTest.cpp, RaceDemoTest.cpp). The fixed twin of
// each is named in its comment. Never copy these.
#pragma once

#include <modrt/modrt.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace modrt::examples {

/// modlint-lock-order. A transfer holds the accounts and then takes the
/// journal; an audit holds the journal and then takes the accounts. Two
/// requests on the two paths each hold the lock the other waits for.
/// Twin: LedgerModule (both locks together, by std::scoped_lock).
class BadLedgerModule : public Module {
  std::mutex accountsMu_;
  std::mutex journalMu_;
  std::map<std::string, long> balances_;
  std::vector<std::string> journal_;

public:
  void transfer(const std::string &from, const std::string &to, long amount) {
    std::lock_guard<std::mutex> accounts(accountsMu_);
    balances_[from] -= amount;
    balances_[to] += amount;
    std::lock_guard<std::mutex> journal(journalMu_);
    journal_.push_back(from + "->" + to);
  }
  std::size_t audit() {
    std::lock_guard<std::mutex> journal(journalMu_);
    std::lock_guard<std::mutex> accounts(accountsMu_); // expect-warning@42[modlint-lock-order]{{'modrt::examples::BadLedgerModule::accountsMu_' is acquired while 'modrt::examples::BadLedgerModule::journalMu_' is held}}
    return journal_.size() + balances_.size();
  }
};

/// modlint-callback-under-lock. Observers run while the lock is held: one
/// that subscribes another (or publishes) takes the same lock again and its
/// thread hangs for good. Twin: EventModule (snapshot, then notify).
class BadEventModule : public Module {
public:
  using Observer = std::function<void(const std::string &)>;

  void subscribe(Observer observer) {
    std::lock_guard<std::mutex> lock(mu_);
    observers_.push_back(std::move(observer));
  }
  void publish(const std::string &event) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const Observer &notify : observers_)
      notify(event); // expect-warning@7[modlint-callback-under-lock]{{'notify' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held}}
  }

private:
  std::mutex mu_;
  std::vector<Observer> observers_;
};

/// modlint-blocking-under-lock. Each line goes to the audit sink while the
/// lock is held (the sleep stands for the disk or network write), so every
/// request waits for every other request's write. Twin: AuditModule.
class BadAuditModule : public Module {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  static constexpr std::chrono::milliseconds SinkLatency{50};

  void record(const std::string &line) {
    std::lock_guard<std::mutex> lock(mu_);
    lines_.push_back(line);
    std::this_thread::sleep_for(SinkLatency); // expect-warning@5[modlint-blocking-under-lock]{{'std::this_thread::sleep_for' blocks the thread while it holds the 'exclusive' lock on 'mu_'}}
  }
};

/// modlint-check-then-act. The seat is checked under a reader lock and
/// booked under a writer lock, with the payment between: two requests both
/// see it free, both pay, both book. Twin: BookingModule.
class BadBookingModule : public Module {
public:
  using Payment = std::function<void(const std::string &user)>;
  explicit BadBookingModule(Payment pay) : pay_(std::move(pay)) {}

  bool book(const std::string &seat, const std::string &user) {
    {
      std::shared_lock<std::shared_mutex> check(mu_);
      if (bookings_.count(seat) != 0)
        return false;
    }
    pay_(user);
    std::unique_lock<std::shared_mutex> act(mu_);
    bookings_[seat] = user; // expect-warning@5[modlint-check-then-act]{{'operator[]' on 'bookings_' acts on a check of 'bookings_' made under a shared lock}}
    return true;
  }

private:
  const Payment pay_;
  std::shared_mutex mu_;
  std::map<std::string, std::string> bookings_;
};

/// modlint-escaping-reference. The banner is returned by reference: the
/// caller copies it after the lock is released, while another request
/// assigns a new one, and reads a string half old, half new (or freed).
/// Twin: BannerModule (returns a copy).
class BadBannerModule : public Module {
  mutable std::mutex mu_;
  std::string banner_ = "welcome to the shop";

public:
  void setBanner(const std::string &text) {
    std::lock_guard<std::mutex> lock(mu_);
    banner_ = text;
  }
  const std::string &banner() const {
    std::lock_guard<std::mutex> lock(mu_);
    return banner_; // expect-warning@5[modlint-escaping-reference]{{'BadBannerModule::banner' returns a const reference to 'banner_'}}
  }
};

/// modlint-global-state. The receipt is formatted into a function-local
/// static buffer and handed out as a view of it: the next request's receipt
/// overwrites the text an earlier request still holds. Twin: ReceiptModule.
class BadReceiptModule : public Module {
public:
  std::string_view receipt(long cents) const {
    static char buffer[48]; // expect-warning@17[modlint-global-state]{{'buffer' is a function-local static that 'modrt::examples::BadReceiptModule::receipt' writes and returns a view to}}
    std::snprintf(buffer, sizeof buffer, "total %ld.%02ld", cents / 100, cents % 100);
    return buffer;
  }
};

} // namespace modrt::examples
