// A chat controller over a pub/sub service, as web frameworks write them:
// the service keeps its channels behind a shared_mutex and synchronises
// itself, the controller counts messages in an atomic and keeps its room
// list under its own mutex, with private helpers that run under it. Correct
// as written; each RACE_* build puts back one bug.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-races: RACE_HELPER_UNLOCKED, RACE_SHARED_LOCK, RACE_PLAIN_COUNTER
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

namespace chat {

using Callback = std::function<void(const std::string &)>;

// Channels and their subscribers, behind a reader-writer lock.
class PubSubService {
public:
  int subscribe(const std::string &topic, Callback cb) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    channels_[topic].push_back(std::move(cb));
    return static_cast<int>(channels_[topic].size());
  }
  void publish(const std::string &topic, const std::string &text) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    if (auto it = channels_.find(topic); it != channels_.end())
      for (const Callback &cb : it->second)
        cb(text);
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::vector<Callback>> channels_;
};

class ChatController : public modrt::Module {
public:
  void join(const std::string &room, const std::string &user) {
    service_->subscribe(room, [user](const std::string &) {});
    std::lock_guard<std::mutex> lock(rooms_mu_);
    addMemberLocked(room, user);
  }

  void leave(const std::string &room, const std::string &user) {
#ifdef RACE_HELPER_UNLOCKED
    removeMemberLocked(room, user);
#else
    std::lock_guard<std::mutex> lock(rooms_mu_);
    removeMemberLocked(room, user);
#endif
  }

  void say(const std::string &room, const std::string &text) {
    service_->publish(room, text);
#ifdef RACE_PLAIN_COUNTER
    ++plain_messages_; // expect-warning(RACE_PLAIN_COUNTER)@5[modlint-nonatomic-update]{{'++' on 'plain_messages_'}}
#else
    ++messages_;
#endif
  }

  void rename(const std::string &from, const std::string &to) {
#ifdef RACE_SHARED_LOCK
    std::shared_lock<std::shared_mutex> lock(names_mu_);
#else
    std::unique_lock<std::shared_mutex> lock(names_mu_);
#endif
    names_[from] = to; // expect-warning(RACE_SHARED_LOCK)@5[modlint-container-mutation]{{'operator[]' mutates container 'names_'}}
  }

  std::string displayName(const std::string &user) const {
    std::shared_lock<std::shared_mutex> lock(names_mu_);
    auto it = names_.find(user);
    return it == names_.end() ? user : it->second;
  }

private:
  void addMemberLocked(const std::string &room, const std::string &user) {
    rooms_[room].push_back(user);
  }
  void removeMemberLocked(const std::string &room, const std::string &user) {
    auto &members = rooms_[room]; // expect-warning(RACE_HELPER_UNLOCKED)@21[modlint-container-mutation]{{'operator[]' mutates container 'rooms_'}}
    std::erase(members, user); // expect-warning(RACE_HELPER_UNLOCKED)@5[modlint-container-mutation]{{'erase' mutates container 'rooms_[room]'}}
  }

  std::shared_ptr<PubSubService> service_ = std::make_shared<PubSubService>();
  std::mutex rooms_mu_;
  std::map<std::string, std::vector<std::string>> rooms_; // expect-warning(RACE_HELPER_UNLOCKED)@51[modlint-mutable-member]{{'rooms_' is mutable state}}
  mutable std::shared_mutex names_mu_;
  std::map<std::string, std::string> names_; // expect-warning(RACE_SHARED_LOCK)@38[modlint-mutable-member]{{'names_' is mutable state}}
  std::atomic<long> messages_{0};
#ifdef RACE_PLAIN_COUNTER
  long plain_messages_ = 0; // expect-warning(RACE_PLAIN_COUNTER)@8[modlint-mutable-member]{{'plain_messages_' is mutable state}}
#endif
};

} // namespace chat
