// The anti-pattern: per-request state kept in the shared module instance.
#include <chat/message.hpp>
#include <chat/stats_module.hpp>
#include <map>
#include <modrt/module.hpp>
#include <string>

namespace chat {

class ChatModule : public modrt::Module {
  int messageCounter_ = 0;
  std::map<std::string, std::string> activeRequests_;
  std::string currentUser_;

public:
  Message send(const std::string &user, const std::string &text) {
    currentUser_ = user;
    const std::string id = "msg_" + std::to_string(++messageCounter_);
    activeRequests_[id] = user;
    return {id, currentUser_, text};
  }
};

} // namespace chat
