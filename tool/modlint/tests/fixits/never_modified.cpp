// Members never modified after construction become const.
#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <string>
#include <vector>

class ConfigModule : public modrt::Module {
  std::string name_ = "config";
  int maxRetries_{3};
  unsigned long timeoutMs_ = 500;
  std::vector<std::string> hosts_{"a", "b"};
  int *limit_ = nullptr;
  std::unique_ptr<int> owned_ = std::make_unique<int>(1);
  static inline int defaultPort_ = 8080;

public:
  std::string describe() const {
    return name_ + std::to_string(maxRetries_ + timeoutMs_ + defaultPort_) +
           hosts_.front() + (limit_ ? "!" : "") + std::to_string(*owned_);
  }
};

class InitialisedInConstructors : public modrt::Module {
  std::string region_;
  std::map<std::string, int> weights_;

public:
  InitialisedInConstructors() : region_("eu"), weights_{{"a", 1}} {}
  explicit InitialisedInConstructors(std::string r)
      : region_(std::move(r)), weights_() {}
  int weight(const std::string &k) const {
    auto it = weights_.find(k);
    return it == weights_.end() ? 0 : it->second + static_cast<int>(region_.size());
  }
};
