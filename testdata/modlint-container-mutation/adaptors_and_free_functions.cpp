// Container adaptors, std::swap and std::erase_if mutate too.
// modlint-checks: modlint-mutable-member, modlint-container-mutation
#include <algorithm>
#include <modrt/module.hpp>
#include <queue>
#include <stack>
#include <vector>

class JobModule : public modrt::Module {
  std::queue<int> jobs_; // expect-warning@19[modlint-mutable-member]{{'jobs_' is mutable state}}
  std::stack<int> undo_; // expect-warning@19[modlint-mutable-member]{{'undo_' is mutable state}}
  std::priority_queue<int> urgent_; // expect-warning@28[modlint-mutable-member]{{'urgent_' is mutable state}}
  std::vector<int> done_; // expect-warning@20[modlint-mutable-member]{{'done_' is mutable state}}

public:
  void cycle(std::vector<int> &fresh) {
    jobs_.push(1); // expect-warning@5[modlint-container-mutation]={{'push' mutates container 'jobs_' that every request to 'JobModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    jobs_.pop(); // expect-warning@5[modlint-container-mutation]{{'pop' mutates container 'jobs_'}}
    jobs_.emplace(2); // expect-warning@5[modlint-container-mutation]{{'emplace' mutates container 'jobs_'}}
    undo_.push(3); // expect-warning@5[modlint-container-mutation]{{'push' mutates container 'undo_'}}
    urgent_.push(4); // expect-warning@5[modlint-container-mutation]{{'push' mutates container 'urgent_'}}
    std::swap(done_, fresh); // expect-warning@5[modlint-container-mutation]{{'swap' mutates container 'done_'}}
    std::erase_if(done_, [](int v) { return v < 0; }); // expect-warning@5[modlint-container-mutation]{{'erase_if' mutates container 'done_'}}
    std::erase(done_, 7); // expect-warning@5[modlint-container-mutation]{{'erase' mutates container 'done_'}}
  }
};
