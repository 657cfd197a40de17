// An RPC service in the style of a callback-API route guide: one instance
// serves every call. The notes and the feature table are shared under an
// absl::Mutex; each streaming call gets a reactor object that is handed the
// mutex's address with the state it may touch, and a helper that requires
// the lock is annotated as such. Correct as written; each RACE_* build puts
// back one bug of the kind real services have fixed.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-races: RACE_NO_LOCK, RACE_READER_LOCK, RACE_EARLY_UNLOCK, RACE_OTHER_MUTEX, RACE_THREAD
#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

#include <map>
#include <memory>
#include <modrt/module.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace routeguide {

struct Point {
  int latitude = 0;
  int longitude = 0;
};
struct RouteNote {
  Point location;
  std::string message;
};
struct RouteSummary {
  int point_count = 0;
  int distance = 0;
};

// A per-call object: it reaches the service's state only through the
// pointers it is given, and locks the service's mutex to do so.
class Chatter {
public:
  Chatter(absl::Mutex *mu, std::vector<RouteNote> *notes) : mu_(mu), notes_(notes) {}
  void OnRead(const RouteNote &note) {
    absl::MutexLock lock(mu_);
    notes_->push_back(note);
  }

private:
  absl::Mutex *mu_;
  std::vector<RouteNote> *notes_;
};

class RouteGuideService : public modrt::Module {
public:
  explicit RouteGuideService(std::map<std::string, Point> features)
      : features_(std::move(features)) {}

  std::unique_ptr<Chatter> RouteChat() { return std::make_unique<Chatter>(&mu_, &notes_); }

  void RecordNote(const RouteNote &note) {
#ifndef RACE_NO_LOCK
    absl::MutexLock lock(&mu_);
#endif
    notes_.push_back(note); // expect-warning(RACE_NO_LOCK)@5[modlint-container-mutation]{{'push_back' mutates container 'notes_'}}
    ++received_; // expect-warning(RACE_NO_LOCK)@5[modlint-nonatomic-update]{{'++' on 'received_'}}
  }

  void AddFeature(const std::string &name, Point where) {
#ifdef RACE_READER_LOCK
    absl::ReaderMutexLock lock(&mu_);
#else
    absl::WriterMutexLock lock(&mu_);
#endif
    features_[name] = where; // expect-warning(RACE_READER_LOCK)@5[modlint-container-mutation]{{'operator[]' mutates container 'features_'}}
  }

  RouteSummary RecordRoute(const std::vector<Point> &points) {
    RouteSummary summary;
    summary.point_count = static_cast<int>(points.size());
    mu_.Lock();
#ifdef RACE_EARLY_UNLOCK
    mu_.Unlock();
#endif
    routes_ += 1; // expect-warning(RACE_EARLY_UNLOCK)@5[modlint-nonatomic-update]{{'+=' on 'routes_'}}
    last_ = summary; // expect-warning(RACE_EARLY_UNLOCK)@5[modlint-field-assignment]{{assignment to 'last_'}}
#ifndef RACE_EARLY_UNLOCK
    mu_.Unlock();
#endif
    return summary;
  }

  void Forget(const std::string &name) {
#ifdef RACE_OTHER_MUTEX
    absl::Mutex scratch;
    absl::MutexLock lock(&scratch);
#else
    absl::MutexLock lock(&mu_);
#endif
    EraseLocked(name);
    CountForgetLocked();
  }

  void Archive(RouteNote note) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    archive_.push_back(std::move(note));
  }

  void Audit() {
    absl::MutexLock lock(&mu_);
#ifdef RACE_THREAD
    std::thread([this] { ++audits_; }).detach(); // expect-warning(RACE_THREAD)@26[modlint-nonatomic-update]{{'++' on 'audits_'}}
#else
    ++audits_;
#endif
  }

private:
  void EraseLocked(const std::string &name) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    features_.erase(name);
  }
  // Called only with mu_ held (by Forget), which is what makes it safe.
  void CountForgetLocked() { ++forgotten_; } // expect-warning(RACE_OTHER_MUTEX)@30[modlint-nonatomic-update]{{'++' on 'forgotten_'}}

  absl::Mutex mu_;
  std::map<std::string, Point> features_; // expect-warning(RACE_READER_LOCK)@32[modlint-mutable-member]{{'features_' is mutable state}}
  std::vector<RouteNote> notes_; // expect-warning(RACE_NO_LOCK)@26[modlint-mutable-member]{{'notes_' is mutable state}}
  std::vector<RouteNote> archive_ ABSL_GUARDED_BY(mu_);
  long received_ = 0;   // expect-warning(RACE_NO_LOCK)@8[modlint-mutable-member]{{'received_' is mutable state}}
  long routes_ = 0;     // expect-warning(RACE_EARLY_UNLOCK)@8[modlint-mutable-member]{{'routes_' is mutable state}}
  RouteSummary last_;   // expect-warning(RACE_EARLY_UNLOCK)@16[modlint-mutable-member]{{'last_' is mutable state}}
  long forgotten_ = 0;  // expect-warning(RACE_OTHER_MUTEX)@8[modlint-mutable-member]{{'forgotten_' is mutable state}}
  long audits_ = 0;     // expect-warning(RACE_THREAD)@8[modlint-mutable-member]{{'audits_' is mutable state}}
};

} // namespace routeguide
