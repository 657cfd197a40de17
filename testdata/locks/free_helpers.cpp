// A function with internal linkage (static, or in an unnamed namespace) or
// a non-public static member that is handed the module runs under the
// module's lock when every reference to it is a call made with that lock
// held and the object itself as the argument, also transitively through
// private helpers. One called once without the lock, with another instance,
// from a deferred lambda, or whose address is taken starts with no lock; so
// does any function other units can call.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <functional>
#include <modrt/module.hpp>
#include <mutex>
#include <vector>

void later(std::function<void()> task);

class Journal : public modrt::Module {
public:
  void write(int entry);
  void writeTwice(int entry);
  void copyTo(Journal &other, int entry);
  void flushLater();
  void registerHook();

  std::mutex mu_;
  std::vector<int> entries_;
  long written_ = 0;
  long copied_ = 0; // expect-warning@8[modlint-mutable-member]{{'copied_' is mutable state}}
  long flushed_ = 0; // expect-warning@8[modlint-mutable-member]{{'flushed_' is mutable state}}
  long hooked_ = 0; // expect-warning@8[modlint-mutable-member]{{'hooked_' is mutable state}}
  long audited_ = 0; // expect-warning@8[modlint-mutable-member]{{'audited_' is mutable state}}

private:
  static void countLocked(Journal &journal) { ++journal.written_; }
  void appendAll(int entry);
};

static void appendLocked(Journal &journal, int entry) {
  journal.entries_.push_back(entry);
}

namespace {
void copyLocked(Journal &journal) {
  ++journal.copied_; // expect-warning@3[modlint-nonatomic-update]{{'++' on 'copied_'}}
}
void flushLocked(Journal &journal) {
  journal.flushed_ = 0; // expect-warning@3[modlint-field-assignment]{{assignment to 'flushed_'}}
}
void hook(Journal &journal) {
  ++journal.hooked_; // expect-warning@3[modlint-nonatomic-update]{{'++' on 'hooked_'}}
}
} // namespace

void audit(Journal &journal) {
  ++journal.audited_; // expect-warning@3[modlint-nonatomic-update]{{'++' on 'audited_'}}
}

void Journal::write(int entry) {
  std::lock_guard<std::mutex> guard(mu_);
  appendLocked(*this, entry);
  countLocked(*this);
  audit(*this);
}

void Journal::writeTwice(int entry) {
  std::lock_guard<std::mutex> guard(mu_);
  appendAll(entry);
}

void Journal::appendAll(int entry) {
  appendLocked(*this, entry);
  appendLocked(*this, entry);
}

void Journal::copyTo(Journal &other, int entry) {
  std::lock_guard<std::mutex> guard(mu_);
  copyLocked(*this);
  copyLocked(other);
}

void Journal::flushLater() {
  std::lock_guard<std::mutex> guard(mu_);
  flushLocked(*this);
  later([this] { flushLocked(*this); });
}

void Journal::registerHook() {
  std::lock_guard<std::mutex> guard(mu_);
  hook(*this);
  std::function<void(Journal &)> stored = hook;
}
