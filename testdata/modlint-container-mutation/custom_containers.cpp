// Any class shaped like a container (begin, end, size) is one; a class
// that is not gets no container finding, but its member is still mutable
// state modified without a lock.
// modlint-checks: modlint-mutable-member, modlint-container-mutation
#include <cstddef>
#include <modrt/module.hpp>
#include <vector>

template <typename T> class SmallVec {
public:
  T *begin() { return data_.data(); }
  T *end() { return data_.data() + data_.size(); }
  std::size_t size() const { return data_.size(); }
  void push_back(const T &v) { data_.push_back(v); }
  void clear() { data_.clear(); }

private:
  std::vector<T> data_;
};

class Cache {
public:
  void insert(int key) { last_ = key; }
  void clear() { last_ = 0; }

private:
  int last_ = 0;
};

class CustomModule : public modrt::Module {
  SmallVec<int> small_; // expect-warning@17[modlint-mutable-member]{{'small_' is mutable state}}
  Cache cache_; // expect-warning@9[modlint-mutable-member]{{'cache_' is mutable state}}

public:
  void update(int v) {
    small_.push_back(v); // expect-warning@5[modlint-container-mutation]{{'push_back' mutates container 'small_'}}
    small_.clear(); // expect-warning@5[modlint-container-mutation]{{'clear' mutates container 'small_'}}
    cache_.insert(v);
    cache_.clear();
  }
};
