// Included by two translation units: its finding is reported once.
#pragma once
#include <atomic>
#include <modrt/module.hpp>
#include <string>

namespace chat {
class StatsModule : public modrt::Module {
  std::atomic<long> delivered_{0};
  std::string lastRoom_; // written on every delivery, no lock

public:
  void delivered(const std::string &room) {
    delivered_.fetch_add(1, std::memory_order_relaxed);
    lastRoom_ = room;
  }
  long count() const { return delivered_.load(); }
};
} // namespace chat
