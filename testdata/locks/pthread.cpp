// pthread's lock objects are not mutable state, and writes between
// pthread_mutex_lock(&mu_) and pthread_mutex_unlock(&mu_), or under
// pthread_rwlock_wrlock, are protected. A read lock (pthread_rwlock_rdlock)
// protects no write, nor does a write after the unlock.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

#include <pthread.h>
#include <vector>

class Router : public modrt::Module {
public:
  void hit() {
    pthread_mutex_lock(&mu_);
    ++hits_;
    pthread_cond_signal(&changed_);
    pthread_mutex_unlock(&mu_);
  }
  void route(int id) {
    pthread_rwlock_wrlock(&routesMu_);
    routes_.push_back(id);
    pthread_rwlock_unlock(&routesMu_);
  }
  void lookup() {
    pthread_rwlock_rdlock(&routesMu_);
    routes_.clear(); // expect-warning@5[modlint-container-mutation]{{'clear' mutates container 'routes_'}}
    pthread_rwlock_unlock(&routesMu_);
  }
  void miss() {
    pthread_mutex_lock(&mu_);
    pthread_mutex_unlock(&mu_);
    ++misses_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'misses_'}}
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t changed_ = PTHREAD_COND_INITIALIZER;
  pthread_rwlock_t routesMu_ = PTHREAD_RWLOCK_INITIALIZER;
  long hits_ = 0;
  long misses_ = 0; // expect-warning@8[modlint-mutable-member]{{'misses_' is mutable state}}
  std::vector<int> routes_; // expect-warning@20[modlint-mutable-member]{{'routes_' is mutable state}}
};
