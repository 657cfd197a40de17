// An embedded HTTP server wrapper in C style, as small servers wrap a C
// library: the route table sits behind a pthread reader-writer lock (read
// on every request, written when a route is added), the statistics behind a
// pthread mutex, and a best-effort metric is taken with a try-lock. Correct
// as written; each RACE_* build puts back one bug.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-races: RACE_READ_LOCK, RACE_NO_LOCK, RACE_TRYLOCK_FAILED, RACE_EARLY_UNLOCK
#include <functional>
#include <map>
#include <modrt/module.hpp>
#include <pthread.h>
#include <string>

namespace http {

struct Request {
  std::string method, path, body;
};
struct Response {
  int status = 200;
  std::string body;
};
using Handler = std::function<Response(const Request &)>;

class ServerWrapper : public modrt::Module {
public:
  ServerWrapper() {
    pthread_rwlock_init(&routes_lock_, nullptr);
    pthread_mutex_init(&stats_lock_, nullptr);
  }
  ~ServerWrapper() {
    pthread_rwlock_destroy(&routes_lock_);
    pthread_mutex_destroy(&stats_lock_);
  }

  void route(const std::string &path, Handler handler) {
#ifdef RACE_READ_LOCK
    pthread_rwlock_rdlock(&routes_lock_);
#else
    pthread_rwlock_wrlock(&routes_lock_);
#endif
    routes_[path] = std::move(handler); // expect-warning(RACE_READ_LOCK)@5[modlint-container-mutation]{{'operator[]' mutates container 'routes_'}}
    pthread_rwlock_unlock(&routes_lock_);
  }

  Response serve(const Request &request) {
    Handler handler;
    pthread_rwlock_rdlock(&routes_lock_);
    if (auto it = routes_.find(request.path); it != routes_.end())
      handler = it->second;
    pthread_rwlock_unlock(&routes_lock_);

#ifndef RACE_NO_LOCK
    pthread_mutex_lock(&stats_lock_);
#endif
    ++requests_; // expect-warning(RACE_NO_LOCK)@5[modlint-nonatomic-update]{{'++' on 'requests_'}}
    bytes_in_ += request.body.size(); // expect-warning(RACE_NO_LOCK)@5[modlint-nonatomic-update]{{'+=' on 'bytes_in_'}}
#ifndef RACE_NO_LOCK
    pthread_mutex_unlock(&stats_lock_);
#endif
    return handler ? handler(request) : Response{404, "not found"};
  }

  void sample(long queue_depth) {
    if (pthread_mutex_trylock(&stats_lock_) == 0) {
      peak_queue_ = queue_depth > peak_queue_ ? queue_depth : peak_queue_;
      pthread_mutex_unlock(&stats_lock_);
    } else {
#ifndef RACE_TRYLOCK_FAILED
      pthread_mutex_lock(&stats_lock_);
#endif
      ++skipped_samples_; // expect-warning(RACE_TRYLOCK_FAILED)@7[modlint-nonatomic-update]{{'++' on 'skipped_samples_'}}
#ifndef RACE_TRYLOCK_FAILED
      pthread_mutex_unlock(&stats_lock_);
#endif
    }
  }

  void reset() {
    pthread_mutex_lock(&stats_lock_);
#ifdef RACE_EARLY_UNLOCK
    pthread_mutex_unlock(&stats_lock_);
#endif
    requests_ = 0; // expect-warning(RACE_EARLY_UNLOCK)@5[modlint-field-assignment]{{assignment to 'requests_'}}
#ifndef RACE_EARLY_UNLOCK
    pthread_mutex_unlock(&stats_lock_);
#endif
  }

private:
  pthread_rwlock_t routes_lock_;
  pthread_mutex_t stats_lock_;
  std::map<std::string, Handler> routes_; // expect-warning(RACE_READ_LOCK)@34[modlint-mutable-member]{{'routes_' is mutable state}}
  long requests_ = 0; // expect-warning(RACE_NO_LOCK)@8[modlint-mutable-member]{{'requests_' is mutable state}} expect-warning(RACE_EARLY_UNLOCK)@8[modlint-mutable-member]{{'requests_' is mutable state}}
  unsigned long bytes_in_ = 0; // expect-warning(RACE_NO_LOCK)@17[modlint-mutable-member]{{'bytes_in_' is mutable state}}
  long peak_queue_ = 0;
  long skipped_samples_ = 0; // expect-warning(RACE_TRYLOCK_FAILED)@8[modlint-mutable-member]{{'skipped_samples_' is mutable state}}
};

} // namespace http
