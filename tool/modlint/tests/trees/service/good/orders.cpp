#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <svc/handler.hpp>

class Orders : public svc::Handler {
  const std::string region_ = "eu";
  std::atomic<long> placed_{0};
  std::mutex mu_;
  std::map<std::string, int> open_;

public:
  void place(const std::string &id) {
    placed_.fetch_add(1);
    std::lock_guard<std::mutex> lock(mu_);
    open_[id] = 1;
  }
  const std::string &region() const { return region_; }
};
