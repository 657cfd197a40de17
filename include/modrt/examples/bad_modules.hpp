// The anti-patterns: state every concurrent request shares and changes
// without synchronisation. modlint reports each one (the expected findings
// are written on their lines), and ThreadSanitizer reports the races when
// they run concurrently. Never copy these.
#pragma once

#include <modrt/modrt.hpp>

#include <map>
#include <shared_mutex>
#include <string>

namespace modrt::examples {

/// A request counter and an active-request map in the module instance.
class BadCounterModule : public Module {
  int requestCounter_ = 0; // expect-warning@7[modlint-mutable-member]{{'requestCounter_' is mutable state}}
  std::map<std::string, int> activeRequests_; // expect-warning@30[modlint-mutable-member]{{'activeRequests_' is mutable state}}

public:
  std::string begin() {
    const std::string id = "req_" + std::to_string(++requestCounter_); // expect-warning@52[modlint-nonatomic-update]{{'++' on 'requestCounter_'}}
    activeRequests_[id] = requestCounter_; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'activeRequests_'}}
    return id;
  }
  void end(const std::string &id) { activeRequests_.erase(id); } // expect-warning@37[modlint-container-mutation]{{'erase' mutates container 'activeRequests_'}}
};

/// Message ids from a plain int: two requests can get the same id.
class BadChatModule : public Module {
  long messageCounter_ = 0; // expect-warning@8[modlint-mutable-member]{{'messageCounter_' is mutable state}}

public:
  std::string send(const std::string &text) {
    return "msg_" + std::to_string(++messageCounter_) + ": " + text; // expect-warning@36[modlint-nonatomic-update]{{'++' on 'messageCounter_'}}
  }
};

/// The caller stored in a member: the next request overwrites it.
class BadUserModule : public Module {
  std::string currentUser_; // expect-warning@15[modlint-mutable-member]{{'currentUser_' is mutable state}}

public:
  std::string greet() {
    currentUser_ = currentUser() ? currentUser()->id : "anonymous"; // expect-warning@5[modlint-field-assignment]{{assignment to 'currentUser_'}}
    return "hello " + currentUser_;
  }
};

/// A map changed under a reader lock: shared_lock lets every reader in at
/// once, so two writers race.
class BadReaderLockModule : public Module {
  mutable std::shared_mutex rw_;
  std::map<std::string, int> hits_; // expect-warning@30[modlint-mutable-member]{{'hits_' is mutable state}}

public:
  void hit(const std::string &page) {
    std::shared_lock<std::shared_mutex> lock(rw_);
    ++hits_[page]; // expect-warning@7[modlint-container-mutation]{{'operator[]' mutates container 'hits_'}}
  }
  int count(const std::string &page) const {
    std::shared_lock<std::shared_mutex> lock(rw_);
    auto found = hits_.find(page);
    return found == hits_.end() ? 0 : found->second;
  }
};

} // namespace modrt::examples
