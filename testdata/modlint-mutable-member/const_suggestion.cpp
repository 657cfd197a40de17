// A member never modified after construction is a note, not a warning:
// declaring it const makes the promise explicit and keeps it.
// modlint-checks: modlint-mutable-member
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <vector>

class ConfigModule : public modrt::Module {
  std::string name_ = "config"; // expect-remark@15[modlint-mutable-member]={{'name_' of shared module 'ConfigModule' is never modified after construction; declare it 'const' so it stays safe to share}}
  int maxRetries_ = 3; // expect-remark@7[modlint-mutable-member]{{'maxRetries_' of shared module 'ConfigModule' is never modified}}
  std::vector<std::string> hosts_{"a", "b"}; // written in the constructor body: const would not compile
  std::map<std::string, int> limits_; // expect-remark@30[modlint-mutable-member]{{'limits_' of shared module 'ConfigModule' is never modified}}
  static int defaultTimeout_; // expect-remark@14[modlint-mutable-member]{{'defaultTimeout_' of shared module 'ConfigModule' is never modified}}

public:
  explicit ConfigModule(std::map<std::string, int> limits)
      : limits_(std::move(limits)) {
    hosts_.push_back("c");
  }
  std::string describe() const {
    return name_ + std::to_string(maxRetries_ + defaultTimeout_) +
           hosts_.front() + std::to_string(limits_.size());
  }
  int limit(const std::string &key) {
    auto it = limits_.find(key);
    return it == limits_.end() ? 0 : it->second;
  }
};

int ConfigModule::defaultTimeout_ = 30;
