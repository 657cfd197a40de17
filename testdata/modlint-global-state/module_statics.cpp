// One race, one finding: a static data member of a shared module is member
// state, so modlint-mutable-member owns it (at its declaration) and
// modlint-global-state stays silent on it; a static data member of any
// other class, a namespace-scope variable and a header's inline variable
// are global state, modlint-global-state's alone. Writes under a global
// lock of Abseil's, pthread's or Boost's are protected.
// modlint-checks: modlint-global-state, modlint-mutable-member
#include "registry.h"

#include <absl/synchronization/mutex.h>
#include <boost/thread/lock_guard.hpp>
#include <boost/thread/mutex.hpp>
#include <modrt/module.hpp>
#include <pthread.h>

#include <map>
#include <string>

namespace app {

absl::Mutex abslMu;
std::map<std::string, int> abslGuarded;
pthread_mutex_t pthreadMu = PTHREAD_MUTEX_INITIALIZER;
int pthreadGuarded = 0;
boost::mutex boostMu;
std::string boostGuarded;
int unguarded = 0; // expect-warning@5[modlint-global-state]{{'app::unguarded' is a namespace-scope variable written without a lock}}

struct Metrics {
  static int errors; // expect-warning@14[modlint-global-state]{{'app::Metrics::errors' is a static data member written without a lock}}
};
int Metrics::errors = 0;

class Counter : public modrt::Module {
public:
  void hit(const std::string &path) {
    ++total_;
    ++Metrics::errors;
    ++unguarded;
    enroll(path);
    {
      absl::MutexLock lock(&abslMu);
      abslGuarded[path] += 1;
    }
    pthread_mutex_lock(&pthreadMu);
    ++pthreadGuarded;
    pthread_mutex_unlock(&pthreadMu);
    boost::lock_guard<boost::mutex> guard(boostMu);
    boostGuarded = path;
  }

private:
  static int total_; // expect-warning@14[modlint-mutable-member]{{'total_' is mutable state}}
};
int Counter::total_ = 0;

} // namespace app
