// A class template module is reported once, at the template, however many
// times it is instantiated. Dependent member types are still recognised.
#include <atomic>
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <vector>

template <typename K, typename V> class CacheModule : public modrt::Module {
  std::map<K, V> entries_; // expect-warning@18[modlint-mutable-member]{{'entries_' is mutable state of shared module 'CacheModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::vector<V> recent_; // expect-warning@18[modlint-mutable-member]{{'recent_' is mutable state of shared module 'CacheModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  V last_{}; // expect-warning@5[modlint-mutable-member]{{'last_' is mutable state of shared module 'CacheModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int hits_ = 0; // expect-warning@7[modlint-mutable-member]{{'hits_' is mutable state of shared module 'CacheModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::atomic<int> safeHits_{0};
  const int capacity_ = 16;

public:
  void put(const K &key, const V &value) {
    entries_[key] = value; // expect-warning@5[modlint-container-mutation]{{'operator[]' mutates container 'entries_' that every request to 'CacheModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}} expect-warning@5[modlint-field-assignment]{{assignment to 'entries_[key]' writes state that every request to 'CacheModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    recent_.push_back(value); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'recent_' that every request to 'CacheModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
    last_ = value; // expect-warning@5[modlint-field-assignment]{{assignment to 'last_' writes state that every request to 'CacheModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    ++hits_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits_' is a non-atomic read-modify-write; every request to 'CacheModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    ++safeHits_;
  }
  int capacity() const { return capacity_; }
  void evict(const K &key);
};

template <typename K, typename V>
void CacheModule<K, V>::evict(const K &key) {
  entries_.erase(key); // expect-warning@3[modlint-container-mutation]{{'erase' mutates container 'entries_' that every request to 'CacheModule' shares; concurrent mutation corrupts it and invalidates what other requests are reading: hold a member mutex around every access, or keep the data request-local (request context or session)}}
}

CacheModule<int, std::string> ints;
CacheModule<std::string, int> strings;

void use() {
  ints.put(1, "a");
  strings.put("a", 1);
  ints.evict(1);
  strings.evict("a");
}
