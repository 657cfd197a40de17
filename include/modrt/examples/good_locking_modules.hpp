// The fixed twins of bad_locking_modules.hpp: the same work, locked the way
// that stays correct under concurrent requests. modlint reports nothing
// here; the runtime's tests show each one behaving (RuleDemoTest.cpp,
// RaceDemoTest.cpp). LedgerModule and EventModule, the twins of
// BadLedgerModule and BadEventModule, are in good_modules.hpp.
#pragma once

#include <modrt/modrt.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace modrt::examples {

/// Each line is added under the lock and written to the sink after it is
/// released: requests wait for each other only as long as a push_back.
class AuditModule : public Module {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  static constexpr std::chrono::milliseconds SinkLatency{50};

  void record(const std::string &line) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.push_back(line);
    }
    std::this_thread::sleep_for(SinkLatency);
  }
};

/// The seat is claimed in one step under the writer lock (try_emplace checks
/// and acts at once); the payment runs after, without the lock, and a
/// failed payment gives the seat back.
class BookingModule : public Module {
public:
  using Payment = std::function<void(const std::string &user)>;
  explicit BookingModule(Payment pay) : pay_(std::move(pay)) {}

  bool book(const std::string &seat, const std::string &user) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!bookings_.try_emplace(seat, user).second)
        return false;
    }
    try {
      pay_(user);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      bookings_.erase(seat);
      throw;
    }
    return true;
  }

private:
  const Payment pay_;
  std::mutex mu_;
  std::map<std::string, std::string> bookings_;
};

/// The banner is returned by value: the copy is made while the lock is held.
class BannerModule : public Module {
  mutable std::mutex mu_;
  std::string banner_ = "welcome to the shop";

public:
  void setBanner(const std::string &text) {
    std::lock_guard<std::mutex> lock(mu_);
    banner_ = text;
  }
  std::string banner() const {
    std::lock_guard<std::mutex> lock(mu_);
    return banner_;
  }
};

/// Each receipt is formatted into its own string.
class ReceiptModule : public Module {
public:
  std::string receipt(long cents) const {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "total %ld.%02ld", cents / 100, cents % 100);
    return buffer;
  }
};

} // namespace modrt::examples
