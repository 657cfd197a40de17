// A standard algorithm that rearranges or overwrites a range writes the
// container the range belongs to: std::sort(v_.begin(), v_.end()),
// std::ranges::sort(v_), std::fill, std::reverse, an insert iterator made
// from it. Reading algorithms (std::find, std::count), the same calls on a
// local or under a held lock, are silent; and the member is not "never
// modified", so no const remark.
// modlint-checks: modlint-mutable-member, modlint-container-mutation
#include <algorithm>
#include <execution>
#include <iterator>
#include <modrt/module.hpp>
#include <mutex>
#include <numeric>
#include <vector>

class Ranking : public modrt::Module {
public:
  void rank() {
    std::sort(scores_.begin(), scores_.end()); // expect-warning@5[modlint-container-mutation]{{'std::sort' mutates container 'scores_' that every request to 'Ranking' shares}}
    std::ranges::reverse(names_); // expect-warning@5[modlint-container-mutation]{{'std::ranges::reverse' mutates container 'names_'}}
    std::fill(std::begin(slots_), std::end(slots_), 0); // expect-warning@5[modlint-container-mutation]{{'std::fill' mutates container 'slots_'}}
    std::iota(ids_.begin(), ids_.end(), 1); // expect-warning@5[modlint-container-mutation]{{'std::iota' mutates container 'ids_'}}
    std::copy(seen_.begin(), seen_.end(), std::back_inserter(log_)); // expect-warning@43[modlint-container-mutation]{{'std::back_inserter' mutates container 'log_'}}
    std::sort(std::execution::seq, extra_.begin(), extra_.end()); // expect-warning@5[modlint-container-mutation]{{'std::sort' mutates container 'extra_'}}
  }
  void silent(std::vector<int> &out) {
    std::vector<int> local = seen_;
    std::sort(local.begin(), local.end());
    std::sort(out.begin(), out.end());
    (void)std::count(seen_.begin(), seen_.end(), 3);
    (void)std::find(seen_.begin(), seen_.end(), 4);
    std::lock_guard<std::mutex> g(mu_);
    std::sort(locked_.begin(), locked_.end());
  }

private:
  std::mutex mu_;
  std::vector<int> scores_; // expect-warning@20[modlint-mutable-member]{{'scores_' is mutable state}}
  std::vector<std::string> names_; // expect-warning@28[modlint-mutable-member]{{'names_' is mutable state}}
  int slots_[8] = {};       // expect-warning@7[modlint-mutable-member]{{'slots_' is mutable state}}
  std::vector<int> ids_ = std::vector<int>(4); // expect-warning@20[modlint-mutable-member]{{'ids_' is mutable state}}
  std::vector<int> log_;    // expect-warning@20[modlint-mutable-member]{{'log_' is mutable state}}
  std::vector<int> extra_;  // expect-warning@20[modlint-mutable-member]{{'extra_' is mutable state}}
  std::vector<int> seen_ = {1, 2, 3}; // expect-remark@20[modlint-mutable-member]{{'seen_' of shared module 'Ranking' is never modified}}
  std::vector<int> locked_;
};
