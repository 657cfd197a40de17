// Request-local state is not shared: locals, parameters, and objects the
// caller passes in are none of the module's business.
// modlint-checks: modlint-nonatomic-update
#include <modrt/module.hpp>
#include <string>

struct Reply { int attempts = 0; std::string body; };

class RetryModule : public modrt::Module {
  static constexpr int MaxRetries = 3;

public:
  Reply fetch(int start, Reply &out) const {
    int attempts = start;
    for (int i = 0; i < MaxRetries; ++i) {
      ++attempts;
      attempts += i;
    }
    out.attempts++;
    out.body += "done";
    Reply local;
    local.attempts += attempts;
    return local;
  }
};
