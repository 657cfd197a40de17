// One race, one finding. The member finding has a note at every write made
// without a lock; a NOLINT on a write's line silences both that write's own
// finding and its part in the member finding, and a member whose every
// unguarded write is silenced is not reported at all.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <string>

class SessionModule : public modrt::Module {
  std::string lastUser_;
  int visits_ = 0; // expect-warning@7[modlint-mutable-member]{{'visits_' is mutable state}}
  std::map<std::string, std::string> byId_;
  long hits_ = 0;
  std::string lastRoom_; // expect-warning@15[modlint-mutable-member]{{'lastRoom_' is mutable state}}

public:
  void login(const std::string &id, const std::string &user, const std::string &room) {
    lastUser_ = user; // NOLINT(modlint-field-assignment): a hint for the log, races accepted
    ++visits_; // NOLINT(modlint-nonatomic-update)
    visits_ += 2; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'visits_'}}
    byId_[id] = user; // NOLINT
    // NOLINTNEXTLINE(modlint-mutable-member)
    hits_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits_'}}
    // NOLINTBEGIN(modlint-mutable-member)
    hits_ += 2; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'hits_'}}
    // NOLINTEND(modlint-mutable-member)
    lastRoom_ = room; // expect-warning@5[modlint-field-assignment]{{assignment to 'lastRoom_'}}
    if (room.empty())
      lastRoom_ = "lobby"; // expect-warning@7[modlint-field-assignment]{{assignment to 'lastRoom_'}}
  }
};
