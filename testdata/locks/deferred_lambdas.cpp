// Deferred code starts with no lock: a lambda started as a thread, posted to
// an executor, stored, returned, or handed to a function that may keep it
// runs later, after the lock around it is gone. A lambda invoked where it is
// written, called through a local variable, or handed to a standard
// algorithm, std::invoke or std::visit runs under the caller's locks.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <utility>
#define BOOST_ASIO_HAS_CO_AWAIT 1
#define BOOST_ASIO_HAS_STD_COROUTINE 1
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <functional>
#include <future>
#include <modrt/module.hpp>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

template <class F> void runLater(F f);

class Dispatcher : public modrt::Module {
public:
  void startThread() {
    std::lock_guard<std::mutex> g(mu_);
    std::thread([this] {
      ++count_; // expect-warning@7[modlint-nonatomic-update]{{'++' on 'count_'}}
    }).detach();
  }
  void startJthread() {
    std::lock_guard<std::mutex> g(mu_);
    std::jthread t([this] { total_ += 2; }); // expect-warning@29[modlint-nonatomic-update]{{'+=' on 'total_'}}
  }
  void startAsync() {
    std::lock_guard<std::mutex> g(mu_);
    auto done = std::async(std::launch::async, [this] { last_ = 1; }); // expect-warning@57[modlint-field-assignment]{{assignment to 'last_'}}
    done.wait();
  }
  void post(boost::asio::thread_pool &pool) {
    std::lock_guard<std::mutex> g(mu_);
    boost::asio::post(pool, [this] { items_.push_back(1); }); // expect-warning@38[modlint-container-mutation]{{'push_back' mutates container 'items_'}}
  }
  std::function<void()> handOut() {
    std::lock_guard<std::mutex> g(mu_);
    return [this] { ++count_; }; // expect-warning@21[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
  void store() {
    std::lock_guard<std::mutex> g(mu_);
    tasks_.push_back([this] { ++count_; }); // expect-warning@31[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
  void unknownCallee() {
    std::lock_guard<std::mutex> g(mu_);
    runLater([this] { ++count_; }); // expect-warning@23[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
  void localEscapes() {
    std::lock_guard<std::mutex> g(mu_);
    auto work = [this] { ++count_; }; // expect-warning@26[modlint-nonatomic-update]{{'++' on 'count_'}}
    std::thread(work).join();
  }
  void localCalledOnceUnlocked() {
    auto work = [this] { ++count_; }; // expect-warning@26[modlint-nonatomic-update]{{'++' on 'count_'}}
    {
      std::lock_guard<std::mutex> g(mu_);
      work();
    }
    work();
  }

  // Run now, under the caller's lock: silent.
  void localCalledLocked() {
    auto work = [this](int by) { count_ += by; };
    std::lock_guard<std::mutex> g(mu_);
    work(1);
    work(2);
  }
  void algorithms(const std::vector<int> &batch) {
    std::lock_guard<std::mutex> g(mu_);
    std::for_each(batch.begin(), batch.end(), [this](int v) { items_.push_back(v); });
    std::ranges::for_each(batch, [this](int v) { total_ += v; });
    [this] { ++count_; }();
    std::invoke([this] { last_ = 2; });
    std::variant<int, long> value = 1;
    std::visit([this](auto v) { total_ += v; }, value);
  }

private:
  std::mutex mu_;
  long count_ = 0;              // expect-warning@8[modlint-mutable-member]{{'count_' is mutable state}}
  long total_ = 0;              // expect-warning@8[modlint-mutable-member]{{'total_' is mutable state}}
  int last_ = 0;                // expect-warning@7[modlint-mutable-member]{{'last_' is mutable state}}
  std::vector<int> items_;      // expect-warning@20[modlint-mutable-member]{{'items_' is mutable state}}
  std::vector<std::function<void()>> tasks_; // written under mu_
};
