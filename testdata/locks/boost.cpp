// Boost.Thread's locks, with Boost's own headers: its mutexes and condition
// variables are lock objects, not mutable state; writes under
// boost::lock_guard, boost::unique_lock (and boost::mutex::scoped_lock, its
// alias) are protected; a boost::shared_lock is a reader lock and protects
// no write.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

#include <boost/thread/condition_variable.hpp>
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/shared_mutex.hpp>
#include <string>
#include <vector>

class Feed : public modrt::Module {
public:
  void post(const std::string &item) {
    boost::lock_guard<boost::mutex> lock(mu_);
    items_.push_back(item);
    ready_.notify_one();
  }
  void clear() {
    boost::mutex::scoped_lock lock(mu_);
    items_.clear();
  }
  void rename(const std::string &name) {
    boost::unique_lock<boost::shared_mutex> lock(nameMu_);
    name_ = name;
  }
  void touch() {
    boost::shared_lock<boost::shared_mutex> lock(nameMu_);
    name_ += "!"; // expect-warning@5[modlint-nonatomic-update]{{'+=' on 'name_'}}
  }

private:
  boost::mutex mu_;
  boost::condition_variable ready_;
  boost::shared_mutex nameMu_;
  std::vector<std::string> items_;
  std::string name_; // expect-warning@15[modlint-mutable-member]{{'name_' is mutable state}}
};
