// A container inside a member, or an element of a container member, is
// member state too. A mutation reached through a map's operator[] is one
// race and one finding: the operator[] that inserts.
// modlint-checks: modlint-mutable-member, modlint-container-mutation
#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <string>
#include <vector>

struct Room { std::vector<std::string> members; };

class ChatRooms : public modrt::Module {
  std::map<std::string, Room> rooms_; // expect-warning@31[modlint-mutable-member]{{'rooms_' is mutable state}}
  std::unique_ptr<std::vector<int>> const log_ = std::make_unique<std::vector<int>>();

public:
  void join(const std::string &room, const std::string &user) {
    rooms_[room].members.push_back(user); // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'rooms_'}}
    rooms_.at(room).members.clear(); // expect-warning@5[modlint-container-mutation]{{'clear' mutates container 'rooms_.at(room).members'}}
    log_->push_back(1); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'log_'}}
  }
};
