// Each locking anti-pattern of bad_locking_modules.hpp and quote_modules.hpp
// shown going wrong in every build, by construction rather than by luck,
// each module served by the framework: by its dispatcher (Server::call),
// the coroutine pair by its HTTP server to clients over loopback:
// a stall measured against its bound, a deadlock caught by a time limit in a
// child process, a lost update forced by a barrier between check and act, a
// buffer two requests share. Each bad module's test fails if the module were
// fixed; its twin's test shows the fix. (Their data races and lock-order
// inversion are shown under ThreadSanitizer by RaceDemoTest.cpp.)
#include "../examples/bad_locking_modules.hpp"
#include "../examples/good_locking_modules.hpp"
#include "../examples/good_modules.hpp"
#include "QuoteServing.h"
#include "RuntimeTestSupport.h"

#include "gtest/gtest.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <future>
#include <sys/wait.h>
#include <unistd.h>

namespace modrt::testing {
namespace {

using namespace modrt::examples;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

long long milliseconds(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

// --- modlint-blocking-under-lock -------------------------------------------

constexpr int AuditClients = 8;

/// Wall time of eight requests that each record one line at the same moment,
/// served by the framework's dispatcher (a pool of eight threads).
template <typename M> Clock::duration timeConcurrentRecords(const char *name) {
  Server server(testServerOptions());
  server.registerModule<M>();
  const auto start = Clock::now();
  runConcurrently(AuditClients, [&](int i) {
    server.call<M>("", [i](M &m) { m.record("line " + std::to_string(i)); }).get();
  });
  const auto took = Clock::now() - start;
  std::printf("%s: %d concurrent records of %lld ms each: %lld ms\n", name, AuditClients,
              static_cast<long long>(M::SinkLatency.count()), milliseconds(took));
  return took;
}

TEST(BlockingUnderLock, BadAuditModuleMakesEveryRequestWaitForEveryWrite) {
  // The sink's latency is paid under the lock: the writes run one by one.
  EXPECT_GE(timeConcurrentRecords<BadAuditModule>("BadAuditModule"),
            AuditClients * BadAuditModule::SinkLatency);
}

TEST(BlockingUnderLock, AuditModuleWritesInParallel) {
  EXPECT_LT(timeConcurrentRecords<AuditModule>("AuditModule"),
            AuditClients * AuditModule::SinkLatency / 2);
}

// --- modlint-lock-across-await ---------------------------------------------

/// A read during a refresh, over HTTP (QuoteServing.h), printed; the
/// refresh must have reached its upstream wait and then stored its quote.
template <typename M> ReadDuringRefresh readDuringRefresh(const char *name) {
  const ReadDuringRefresh read = QuoteServing<M>().readDuringRefresh("ACME");
  EXPECT_TRUE(read.readMidWait) << "the refresh never reached its upstream wait";
  EXPECT_EQ(read.refreshed, 4.0);
  std::printf("%s: a cache read during a %lld ms upstream wait saw %g after %lld ms\n", name,
              static_cast<long long>(UpstreamLatency.count()), read.seen, milliseconds(read.after));
  return read;
}

TEST(LockAcrossAwait, BadQuoteModuleStallsReadersForTheWholeUpstreamWait) {
  // The read waited for the lock the refresh kept through its wait, so it
  // answers only after upstream did, with the new quote.
  const ReadDuringRefresh read = readDuringRefresh<BadQuoteModule>("BadQuoteModule");
  EXPECT_GE(read.after, UpstreamLatency);
  EXPECT_FALSE(read.answeredMidWait);
  EXPECT_EQ(read.seen, 4.0);
}

TEST(LockAcrossAwait, QuoteModuleLetsReadersThroughWhileWaiting) {
  const ReadDuringRefresh read = readDuringRefresh<QuoteModule>("QuoteModule");
  // Whether it answered within the wait, not within a fixed time from the
  // refresh's start: a loaded (or sanitized) machine may be slow to set the
  // refresh up, but a reader that waited for it would miss the wait.
  EXPECT_TRUE(read.answeredMidWait) << "the read waited for the refresh";
  EXPECT_EQ(read.seen, 0.0) << "answered before the refresh stored its quote";
}

// --- modlint-callback-under-lock -------------------------------------------

/// Runs `scenario` in a child process; true when it returned within the time
/// limit (a deadlocked child is killed).
bool finishesInChild(const std::function<void()> &scenario) {
  // What this process has printed but not written yet would be written by
  // the child as well.
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child == 0) {
    scenario();
    _exit(0);
  }
  const auto deadline = Clock::now() + 5s;
  int status = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      std::printf("a child did not finish in 5 s: killed\n");
      return false;
    }
    std::this_thread::sleep_for(10ms);
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// An observer that reacts to a signup by subscribing a welcome-mail
/// observer: it calls back into the module it is notified by. Served by
/// the framework's dispatcher, in the child.
template <typename M> void signupWithReentrantObserver() {
  Server server(testServerOptions());
  M &events = server.registerModule<M>();
  events.subscribe([&events](const std::string &event) {
    if (event == "signup")
      events.subscribe([](const std::string &) {});
  });
  server.call<M>("", [](M &m) { m.publish("signup"); }).get();
}

TEST(CallbackUnderLock, BadEventModuleDeadlocksWhenAnObserverSubscribes) {
  ASSERT_TRUE(finishesInChild([] {})) << "a child that does nothing must finish";
  EXPECT_FALSE(finishesInChild(signupWithReentrantObserver<BadEventModule>));
  std::printf("BadEventModule: an observer that subscribes hangs its publisher\n");
}

TEST(CallbackUnderLock, EventModuleLetsAnObserverSubscribe) {
  EXPECT_TRUE(finishesInChild(signupWithReentrantObserver<EventModule>));
  std::printf("EventModule: an observer that subscribes returns\n");
}

// --- modlint-check-then-act ------------------------------------------------

/// Two users book seat 12A at the same moment. Each one's payment waits (up
/// to a second) until the other's payment has started too: a barrier
/// between the check and the act, so both checks come before either act
/// whenever the module lets both requests reach the payment. Served by the
/// framework's dispatcher.
template <typename M> int seatsSoldTwice(const char *name) {
  PaymentDesk desk;
  Server server(testServerOptions());
  server.registerModule<M>(desk.service());
  std::atomic<int> sold{0};
  runConcurrently(2, [&](int i) {
    const std::string user = "user" + std::to_string(i);
    if (server.call<M>("", [&user](M &m) { return m.book("12A", user); }).get())
      sold.fetch_add(1);
  });
  std::printf("%s: two requests for one seat: %d sold\n", name, sold.load());
  return sold.load();
}

TEST(CheckThenAct, BadBookingModuleSellsOneSeatTwice) {
  EXPECT_EQ(seatsSoldTwice<BadBookingModule>("BadBookingModule"), 2);
}

TEST(CheckThenAct, BookingModuleSellsItOnce) {
  EXPECT_EQ(seatsSoldTwice<BookingModule>("BookingModule"), 1);
}

// --- modlint-global-state --------------------------------------------------

/// One request's receipt, served by the framework's dispatcher: what the
/// module returned, kept by the caller.
template <typename M> auto receiptOf(Server &server, long cents) {
  return server.call<M>("", [cents](M &m) { return m.receipt(cents); }).get();
}

TEST(GlobalState, BadReceiptModuleShowsOneRequestAnotherRequestsTotal) {
  Server server(testServerOptions());
  server.registerModule<BadReceiptModule>();
  // Each request keeps what it was given (a view of the static buffer).
  const auto first = receiptOf<BadReceiptModule>(server, 1250);
  const auto second = receiptOf<BadReceiptModule>(server, 99);
  EXPECT_EQ(second, "total 0.99");
  // The first request's view still has its length, over the second's text.
  EXPECT_NE(first, "total 12.50");
  EXPECT_TRUE(first.starts_with("total 0.99")) << "the first request's receipt was overwritten";
}

TEST(GlobalState, ReceiptModuleGivesEachRequestItsOwn) {
  Server server(testServerOptions());
  server.registerModule<ReceiptModule>();
  const auto first = receiptOf<ReceiptModule>(server, 1250);
  const auto second = receiptOf<ReceiptModule>(server, 99);
  EXPECT_EQ(first, "total 12.50");
  EXPECT_EQ(second, "total 0.99");
}

} // namespace
} // namespace modrt::testing
