// The shared object reached through another name: a shared_from_this() copy,
// a pointer copied from `this`, a captured `thisPtr` or `self` (also in an
// Asio timer's handler and behind a weak_ptr), `(*self).`, and
// const_cast<T *>(this). Writes through them are writes of the module's
// state. Silent twins: the same writes under the object's own lock taken
// through the alias, on another instance of the class, and on a local object.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <utility>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <mutex>
#include <string>

class Reconnector : public modrt::Module,
                    public std::enable_shared_from_this<Reconnector> {
public:
  explicit Reconnector(boost::asio::io_context &io) : timer_(io) {}

  void arm() {
    auto self = shared_from_this();
    self->armed_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'armed_'}}
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([self](const boost::system::error_code &) {
      self->pending_.insert({"retry", 1}); // expect-warning@7[modlint-container-mutation]{{'insert' mutates container 'pending_'}}
    });
    timer_.async_wait([thisPtr = this](const boost::system::error_code &) {
      thisPtr->attempts_ += 2; // expect-warning@7[modlint-nonatomic-update]{{'+=' on 'attempts_'}}
    });
    timer_.async_wait([weak = weak_from_this()](const boost::system::error_code &) {
      if (auto locked = weak.lock())
        locked->lastError_ = "timeout"; // expect-warning@9[modlint-field-assignment]{{assignment to 'lastError_'}}
    });
  }

  void retry() {
    auto *me = this;
    (*me).attempts_ -= 1; // expect-warning@5[modlint-nonatomic-update]{{'-=' on 'attempts_'}}
    const_cast<Reconnector *>(this)->armed_ = 0; // expect-warning@5[modlint-field-assignment]{{assignment to 'armed_'}}
  }

  void flush() const {
    const_cast<Reconnector *>(this)->pending_.clear(); // expect-warning@5[modlint-container-mutation]{{'clear' mutates container 'pending_'}}
  }

  // The fix the timer handler above needs: its lock, taken through the alias.
  void armLocked() {
    auto self = shared_from_this();
    timer_.async_wait([self](const boost::system::error_code &) {
      std::lock_guard<std::mutex> guard(self->mu_);
      self->locked_.insert({"retry", 1});
      (*self).lockedCount_++;
    });
  }

  void mergeFrom(Reconnector &other) {
    std::lock_guard<std::mutex> guard(mu_);
    other.attempts_ += locked_.size();
    auto peer = other.shared_from_this();
    peer->armed_ = 1;
  }

private:
  boost::asio::steady_timer timer_; // expect-warning@29[modlint-mutable-member]{{'timer_' is mutable state}}
  std::mutex mu_;
  int armed_ = 0;    // expect-warning@7[modlint-mutable-member]{{'armed_' is mutable state}}
  int attempts_ = 0; // expect-warning@7[modlint-mutable-member]{{'attempts_' is mutable state}}
  std::string lastError_; // expect-warning@15[modlint-mutable-member]{{'lastError_' is mutable state}}
  std::map<std::string, int> pending_; // expect-warning@30[modlint-mutable-member]{{'pending_' is mutable state}}
  std::map<std::string, int> locked_;
  long lockedCount_ = 0;
};

class Counter : public modrt::Module {
public:
  int hits_ = 0;
};

void countLocally() {
  Counter local;
  auto *alias = &local;
  alias->hits_++;
}
