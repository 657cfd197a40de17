// Maps and sets: insert, erase, extract, merge, try_emplace... and map
// operator[], which inserts a missing key. A write through operator[]
// (`m_[k] = v`, `m_[k]++`, `m_[k].push_back(v)`) is one race and one finding:
// the insertion.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class RegistryModule : public modrt::Module {
  std::map<std::string, int> activeRequests_; // expect-warning@30[modlint-mutable-member]{{'activeRequests_' is mutable state}}
  std::unordered_map<std::string, int> counts_; // expect-warning@40[modlint-mutable-member]{{'counts_' is mutable state}}
  std::set<int> ids_; // expect-warning@17[modlint-mutable-member]{{'ids_' is mutable state}}
  std::unordered_set<std::string> seen_; // expect-warning@35[modlint-mutable-member]{{'seen_' is mutable state}}
  std::map<std::string, std::vector<int>> history_; // expect-warning@43[modlint-mutable-member]{{'history_' is mutable state}}

public:
  void track(const std::string &key, int id, std::set<int> &more) {
    activeRequests_[key] = id; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'activeRequests_'}}
    activeRequests_.insert({key, id}); // expect-warning@5[modlint-container-mutation]{{'insert' mutates container 'activeRequests_'}}
    activeRequests_.emplace(key, id); // expect-warning@5[modlint-container-mutation]{{'emplace' mutates container 'activeRequests_'}}
    activeRequests_.try_emplace(key, id); // expect-warning@5[modlint-container-mutation]{{'try_emplace' mutates container 'activeRequests_'}}
    activeRequests_.insert_or_assign(key, id); // expect-warning@5[modlint-container-mutation]{{'insert_or_assign' mutates container 'activeRequests_'}}
    activeRequests_.erase(key); // expect-warning@5[modlint-container-mutation]{{'erase' mutates container 'activeRequests_'}}
    counts_[key]++; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'counts_'}}
    counts_[key] += 2; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'counts_'}}
    counts_.emplace_hint(counts_.begin(), key, 1); // expect-warning@5[modlint-container-mutation]{{'emplace_hint' mutates container 'counts_'}}
    counts_.rehash(64); // expect-warning@5[modlint-container-mutation]{{'rehash' mutates container 'counts_'}}
    ids_.insert(id); // expect-warning@5[modlint-container-mutation]{{'insert' mutates container 'ids_'}}
    ids_.merge(more); // expect-warning@5[modlint-container-mutation]{{'merge' mutates container 'ids_'}}
    auto node = ids_.extract(id); // expect-warning@17[modlint-container-mutation]{{'extract' mutates container 'ids_'}}
    (void)node;
    seen_.insert(key); // expect-warning@5[modlint-container-mutation]{{'insert' mutates container 'seen_'}}
    history_[key].push_back(id); // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'history_'}}
    history_.at(key).push_back(id); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'history_.at(key)'}}
    seen_.swap(seen_); // expect-warning@5[modlint-container-mutation]{{'swap' mutates container 'seen_'}}
  }
};
