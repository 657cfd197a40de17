// Code outside the module's own member functions that is handed the shared
// instance writes its state too: friend functions (defined in the class or
// outside it), free functions taking the module by reference, pointer or
// shared_ptr, and static member functions. Silent twins: the same writes
// under the instance's lock, reads through a const reference, a free
// function on a class that is not a module, and a member function writing
// another instance.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <memory>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
#include <vector>

class Inbox : public modrt::Module {
public:
  friend void deliver(Inbox &box, const std::string &m) {
    box.messages_.push_back(m); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'messages_'}}
  }
  friend void deliverLocked(Inbox &box, const std::string &m) {
    std::lock_guard<std::mutex> guard(box.mu_);
    box.messages_.push_back(m);
    ++box.delivered_;
  }
  friend void purge(Inbox *box);
  static void resetAll(Inbox &box) {
    box.unread_ = 0; // expect-warning@5[modlint-field-assignment]{{assignment to 'unread_'}}
  }
  void adopt(Inbox &other) {
    std::lock_guard<std::mutex> guard(mu_);
    other.unread_ += unread_;
  }
  int unread_ = 0; // expect-warning@7[modlint-mutable-member]{{'unread_' is mutable state}}

private:
  std::mutex mu_;
  std::vector<std::string> messages_; // expect-warning@28[modlint-mutable-member]{{'messages_' is mutable state}}
  long delivered_ = 0;
};

void purge(Inbox *box) {
  box->messages_.clear(); // expect-warning@3[modlint-container-mutation]{{'clear' mutates container 'messages_'}}
}

void markRead(const std::shared_ptr<Inbox> &box) {
  box->unread_--; // expect-warning@3[modlint-nonatomic-update]{{'--' on 'unread_'}}
}

int peek(const Inbox &box) { return box.unread_; }

struct Draft {
  int edits = 0;
};

void edit(Draft &draft) { ++draft.edits; }
