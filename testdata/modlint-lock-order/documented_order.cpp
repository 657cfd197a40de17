// A documented lock order (LockOrder, outermost first, as the Rust seed
// writes its order down) and the locks of real libraries: absl::Mutex,
// boost::mutex and a pthread mutex. An acquisition against the order is
// reported even where the opposite order never occurs, once (not again as
// a cycle); locks the order does not name are left to the cycle search.
// modlint-checks: modlint-lock-order
// modlint-option: LockOrder=shop::Store::catalogMu_;shop::Store::cartsMu_;shop::Store::paymentsMu_
#include "absl/synchronization/mutex.h"
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <pthread.h>

namespace shop {

class Store {
public:
  void addToCart() {
    absl::MutexLock catalog(&catalogMu_);
    boost::lock_guard<boost::mutex> carts(cartsMu_);
  }

  void checkout() {
    boost::lock_guard<boost::mutex> carts(cartsMu_);
    pthread_mutex_lock(&paymentsMu_);
    pthread_mutex_unlock(&paymentsMu_);
  }

  void refund() {
    pthread_mutex_lock(&paymentsMu_);
    boost::lock_guard<boost::mutex> carts(cartsMu_); // expect-warning@43[modlint-lock-order]={{'shop::Store::cartsMu_' is acquired while 'shop::Store::paymentsMu_' is held, against the documented lock order (LockOrder takes 'shop::Store::cartsMu_' first): a thread that follows the order deadlocks with this one; release 'shop::Store::paymentsMu_' before taking 'shop::Store::cartsMu_', or take them in the documented order}}
    pthread_mutex_unlock(&paymentsMu_);
  }

  void reprice() {
    absl::MutexLock carts(&logMu_);
    catalogMu_.Lock();
    catalogMu_.Unlock();
  }

  void restock() {
    catalogMu_.Lock();
    pthread_mutex_lock(&paymentsMu_);
    pthread_mutex_unlock(&paymentsMu_);
    catalogMu_.Unlock();
  }

  void report() {
    absl::MutexLock catalog(&catalogMu_);
    absl::MutexLock log(&logMu_); // expect-warning@25[modlint-lock-order]{{'shop::Store::logMu_' is acquired while 'shop::Store::catalogMu_' is held, which closes the lock-order cycle}}
  }

private:
  absl::Mutex catalogMu_;
  absl::Mutex logMu_;
  boost::mutex cartsMu_;
  pthread_mutex_t paymentsMu_ = PTHREAD_MUTEX_INITIALIZER;
};

} // namespace shop
