// A container inside a member, or an element of a container member, is
// member state too.
#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <string>
#include <vector>

struct Room { std::vector<std::string> members; };

class ChatRooms : public modrt::Module {
  std::map<std::string, Room> rooms_; // expect-warning@31[modlint-mutable-member]{{'rooms_' is mutable state of shared module 'ChatRooms' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::unique_ptr<std::vector<int>> const log_ = std::make_unique<std::vector<int>>();

public:
  void join(const std::string &room, const std::string &user) {
    rooms_[room].members.push_back(user); // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'rooms_' that every request to 'ChatRooms' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}} expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'rooms_[room].members' that every request to 'ChatRooms' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    rooms_.at(room).members.clear(); // expect-warning@5[modlint-container-mutation]{{'clear' mutates container 'rooms_.at(room).members' that every request to 'ChatRooms' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    log_->push_back(1); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'log_' that every request to 'ChatRooms' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
  }
};
