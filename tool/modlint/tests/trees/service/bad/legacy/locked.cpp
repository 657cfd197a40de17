#include <mutex>
#include <svc/handler.hpp>

class Locked : public svc::Handler {
  std::mutex mu_;
  int count_ = 0;

public:
  void bump() {
    std::lock_guard<std::mutex> lock(mu_);
    ++count_;
  }
};
