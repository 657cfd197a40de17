// Reading a container (find, at, count, size, iteration), including through
// non-const overloads, is not a mutation. Const containers are safe.
// modlint-checks: modlint-mutable-member, modlint-container-mutation
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <vector>

class LookupModule : public modrt::Module {
  const std::map<std::string, int> routes_{{"a", 1}, {"b", 2}};
  const std::vector<std::string> names_{"x", "y"};

public:
  int lookup(const std::string &key) const {
    auto it = routes_.find(key);
    if (it == routes_.end() || !routes_.count(key))
      return -1;
    int total = 0;
    for (const auto &[name, value] : routes_)
      total += value + static_cast<int>(name.size());
    return it->second + routes_.at(key) + total +
           static_cast<int>(names_.size() + names_.front().size());
  }
};

class ReaderModule : public modrt::Module {
  std::map<std::string, int> table_{{"a", 1}}; // expect-remark@30[modlint-mutable-member]{{'table_' of shared module 'ReaderModule' is never modified}}
  std::vector<int> values_{1, 2, 3}; // expect-remark@20[modlint-mutable-member]{{'values_' of shared module 'ReaderModule' is never modified}}

public:
  int read(const std::string &key) {
    auto it = table_.find(key);
    int sum = 0;
    for (int v : values_)
      sum += v;
    for (auto i = values_.begin(); i != values_.end(); ++i)
      sum += *i;
    return (it == table_.end() ? 0 : it->second) + values_[0] + sum +
           static_cast<int>(table_.size());
  }
};
