// The fixes: immutable configuration, an atomic counter, and a map behind a
// member mutex with short critical sections.
#include <atomic>
#include <chat/stats_module.hpp>
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

namespace chat {

class PresenceModule : public modrt::Module {
  static constexpr int MaxRooms = 64;
  const std::string region_ = "eu";
  std::atomic<long> joins_{0};
  std::mutex mu_;
  std::map<std::string, std::vector<std::string>> rooms_;

public:
  void join(const std::string &room, const std::string &user) {
    joins_.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard<std::mutex> lock(mu_);
    if (rooms_.size() < MaxRooms)
      rooms_[room].push_back(user);
  }

  std::vector<std::string> members(const std::string &room) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = rooms_.find(room);
    return it == rooms_.end() ? std::vector<std::string>{} : it->second;
  }

  const std::string &region() const { return region_; }
};

} // namespace chat
