// Mutating calls on std sequence containers held by a module.
// modlint-checks: modlint-mutable-member, modlint-container-mutation
#include <deque>
#include <list>
#include <modrt/module.hpp>
#include <string>
#include <vector>

class QueueModule : public modrt::Module {
  std::vector<std::string> items_; // expect-warning@28[modlint-mutable-member]{{'items_' is mutable state}}
  std::deque<int> recent_; // expect-warning@19[modlint-mutable-member]{{'recent_' is mutable state}}
  std::list<int> history_; // expect-warning@18[modlint-mutable-member]{{'history_' is mutable state}}
  std::string buffer_; // expect-warning@15[modlint-mutable-member]{{'buffer_' is mutable state}}

public:
  void add(const std::string &item, std::list<int> &other) {
    items_.push_back(item); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'items_'}}
    items_.emplace_back(item); // expect-warning@5[modlint-container-mutation]{{'emplace_back' mutates container 'items_'}}
    items_.insert(items_.begin(), item); // expect-warning@5[modlint-container-mutation]{{'insert' mutates container 'items_'}}
    items_.erase(items_.begin()); // expect-warning@5[modlint-container-mutation]{{'erase' mutates container 'items_'}}
    items_.pop_back(); // expect-warning@5[modlint-container-mutation]{{'pop_back' mutates container 'items_'}}
    items_.resize(10); // expect-warning@5[modlint-container-mutation]{{'resize' mutates container 'items_'}}
    items_.reserve(64); // expect-warning@5[modlint-container-mutation]{{'reserve' mutates container 'items_'}}
    items_.clear(); // expect-warning@5[modlint-container-mutation]{{'clear' mutates container 'items_'}}
    items_.assign(3, item); // expect-warning@5[modlint-container-mutation]{{'assign' mutates container 'items_'}}
    recent_.push_front(1); // expect-warning@5[modlint-container-mutation]{{'push_front' mutates container 'recent_'}}
    recent_.pop_front(); // expect-warning@5[modlint-container-mutation]{{'pop_front' mutates container 'recent_'}}
    recent_.emplace_front(2); // expect-warning@5[modlint-container-mutation]{{'emplace_front' mutates container 'recent_'}}
    history_.splice(history_.end(), other); // expect-warning@5[modlint-container-mutation]{{'splice' mutates container 'history_'}}
    history_.remove(3); // expect-warning@5[modlint-container-mutation]{{'remove' mutates container 'history_'}}
    history_.sort(); // expect-warning@5[modlint-container-mutation]{{'sort' mutates container 'history_'}}
    history_.unique(); // expect-warning@5[modlint-container-mutation]{{'unique' mutates container 'history_'}}
    history_.reverse(); // expect-warning@5[modlint-container-mutation]{{'reverse' mutates container 'history_'}}
    buffer_.append(item); // expect-warning@5[modlint-container-mutation]{{'append' mutates container 'buffer_'}}
    buffer_.replace(0, 1, "x"); // expect-warning@5[modlint-container-mutation]{{'replace' mutates container 'buffer_'}}
    buffer_.push_back('!'); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'buffer_'}}
  }
};
