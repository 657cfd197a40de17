// A class template module is reported once, at the template, however many
// times it is instantiated. Dependent member types are still recognised.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <atomic>
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <vector>

template <typename K, typename V> class CacheModule : public modrt::Module {
  std::map<K, V> entries_; // expect-warning@18[modlint-mutable-member]{{'entries_' is mutable state}}
  std::vector<V> recent_; // expect-warning@18[modlint-mutable-member]{{'recent_' is mutable state}}
  V last_{}; // expect-warning@5[modlint-mutable-member]{{'last_' is mutable state}}
  int hits_ = 0; // expect-warning@7[modlint-mutable-member]{{'hits_' is mutable state}}
  std::atomic<int> safeHits_{0};
  const int capacity_ = 16;

public:
  void put(const K &key, const V &value) {
    entries_[key] = value; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'entries_'}}
    recent_.push_back(value); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'recent_'}}
    last_ = value; // expect-warning@5[modlint-field-assignment]{{assignment to 'last_'}}
    ++hits_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits_'}}
    ++safeHits_;
  }
  int capacity() const { return capacity_; }
  void evict(const K &key);
};

template <typename K, typename V>
void CacheModule<K, V>::evict(const K &key) {
  entries_.erase(key); // expect-warning@3[modlint-container-mutation]{{'erase' mutates container 'entries_'}}
}

CacheModule<int, std::string> ints;
CacheModule<std::string, int> strings;

void use() {
  ints.put(1, "a");
  strings.put("a", 1);
  ints.evict(1);
  strings.evict("a");
}
