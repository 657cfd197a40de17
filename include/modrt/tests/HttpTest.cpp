// The document's concurrent suites over real HTTP: clients in their own
// threads, each with its own connection to a modrt::http::HttpServer on
// loopback, released together. Logins must give distinct ids, and every
// call, also a coroutine handler that resumes on other io threads after
// each co_await, must see its own caller's context.
#include "HttpTestSupport.h"

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <set>

namespace modrt::testing {
namespace {

using http::HttpClient;
using http::Json;

TEST(HttpSuite, ConcurrentVisitorLoginsGetDistinctIds) {
  for (const int clients : {10, 50, 100}) {
    Served served;
    std::vector<HttpClient::Reply> replies(clients);
    clientsAtOnce(clients, [&](int i) {
      replies[i] = HttpClient(served.server.port()).post("/auth/visitor", Json::object());
    });
    std::set<std::string> ids;
    for (const HttpClient::Reply &reply : replies) {
      ASSERT_EQ(reply.status, 200u) << reply.body.dump();
      ids.insert(reply.body.at("userId").get<std::string>());
    }
    EXPECT_EQ(ids.size(), static_cast<size_t>(clients)) << "visitor ids collided";
    report("visitor logins x" + std::to_string(clients), clients, clients + 1);
  }
}

TEST(HttpSuite, ConcurrentNamedLoginsAreEachTheirUser) {
  Served served;
  constexpr int Users = 20;
  for (int i = 0; i < Users; ++i)
    served.core.auth().registerUser("user" + std::to_string(i), "secret" + std::to_string(i));
  std::vector<std::string> seen(Users);
  clientsAtOnce(Users, [&](int i) {
    HttpClient client(served.server.port());
    const Json login = client.post("/auth/login", {{"name", "user" + std::to_string(i)},
                                                   {"password", "secret" + std::to_string(i)}})
                           .body;
    seen[i] = client.call("profile", "who", Json::object(), login.at("token")).at("user");
  });
  for (int i = 0; i < Users; ++i)
    EXPECT_EQ(seen[i], "user" + std::to_string(i));
  report("named logins", 2 * Users, Users);
}

/// `clients` callers, `calls` coroutine calls each, all at once: every hop
/// of every call must see the caller; returns how many calls moved thread.
int callsKeepTheirContext(Served &served, const std::vector<Credentials> &callers, int calls,
                          int &assertions) {
  std::atomic<int> moved{0}, mismatches{0};
  std::mutex requestsMu;
  std::set<std::string> requests;
  clientsAtOnce(static_cast<int>(callers.size()), [&](int i) {
    HttpClient client(served.server.port());
    for (int c = 0; c < calls; ++c) {
      const Json result = client.call("profile", "whoAfterHops", {{"hops", 3}}, callers[i].token);
      for (const Json &user : result.at("seen"))
        if (user != callers[i].userId)
          ++mismatches;
      moved += result.at("moved").get<bool>();
      std::lock_guard<std::mutex> lock(requestsMu);
      requests.insert(result.at("request").get<std::string>());
    }
  });
  const int total = static_cast<int>(callers.size()) * calls;
  EXPECT_EQ(mismatches.load(), 0) << "a call saw another caller's context";
  EXPECT_EQ(requests.size(), static_cast<size_t>(total)) << "request ids repeated";
  assertions += total * 3 + 2;
  return moved.load();
}

TEST(HttpSuite, TenConcurrentCallsFromOneClient) {
  Served served;
  const Credentials one = served.visitor();
  int assertions = 0;
  callsKeepTheirContext(served, std::vector<Credentials>(10, one), 1, assertions);
  report("10 concurrent calls, one client", 11, assertions);
}

TEST(HttpSuite, HundredCallsFromTenClientsKeepTheirContextAcrossThreads) {
  Served served;
  const std::vector<Credentials> callers = served.visitors(10);
  int assertions = 0;
  const int moved = callsKeepTheirContext(served, callers, 10, assertions);
  // Four io threads and 300 timer waits: resumption elsewhere is what the
  // ContextExecutor is for, so the suite must have seen it happen.
  EXPECT_GT(moved, 0) << "no call resumed on another thread; the suite proves nothing";
  report("100 calls from 10 clients (" + std::to_string(moved) + " resumed on another thread)",
         110, assertions + 1);
}

/// A gate one request waits at (a plain method that blocks) until another
/// request opens it, or ten seconds pass.
class GateModule : public Module {
public:
  Json wait(const Json &) {
    std::unique_lock<std::mutex> lock(mu_);
    ++waiting_;
    const bool opened = changed_.wait_for(lock, std::chrono::seconds(10), [this] { return open_; });
    --waiting_;
    return Json{{"opened", opened}, {"user", currentUser()->id}};
  }
  Json open(const Json &) {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    changed_.notify_all();
    return true;
  }
  int waiting() {
    std::lock_guard<std::mutex> lock(mu_);
    return waiting_;
  }

private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool open_ = false;
  int waiting_ = 0;
};

TEST(HttpSuite, BlockingMethodsRunOnTheHandlerPoolInTheirCallersContext) {
  // One io thread: a blocking method run on it would hold every connection.
  Server core(testServerOptions());
  GateModule &gate = core.registerModule<GateModule>();
  core.registerModule<ProfileModule>();
  http::HttpServer server(core, {.threads = 1});
  server.blockingRoute<GateModule>("gate", "wait", &GateModule::wait)
      .route<GateModule>("gate", "open", &GateModule::open)
      .route<ProfileModule>("profile", "who", &ProfileModule::who);
  EXPECT_THROW(server.blockingRoute<ProfileModule>("profile", "hops", &ProfileModule::whoAfterHops),
               std::logic_error);
  server.start();
  const Credentials waiter = core.loginAsVisitor(), opener = core.loginAsVisitor();
  std::future<Json> waited = std::async(std::launch::async, [&] {
    return HttpClient(server.port()).call("gate", "wait", Json::object(), waiter.token);
  });
  EXPECT_TRUE(eventually([&] { return gate.waiting() > 0; })) << "the wait never started";
  // The io thread is free while the blocking method waits: were the method
  // on it, these calls would wait for the gate the last one opens.
  for (int i = 0; i < 8; ++i)
    HttpClient(server.port()).call("profile", "who", Json::object(), opener.token);
  HttpClient(server.port()).call("gate", "open", Json::object(), opener.token);
  const Json result = waited.get();
  EXPECT_TRUE(result.at("opened").get<bool>()) << "the gate opened only after its time limit";
  EXPECT_EQ(result.at("user"), waiter.userId);
  report("blocking method off the io threads", 11, 4);
}

TEST(HttpSuite, BadRequestsGetTheirStatus) {
  Served served;
  HttpClient client(served.server.port());
  const Credentials visitor = served.visitor();
  EXPECT_EQ(client.post("/rpc/profile/nothing", Json::object(), visitor.token).status, 404u);
  EXPECT_EQ(client.post("/rpc/profile/who", Json::object(), "forged.token").status, 401u);
  EXPECT_EQ(client.post("/auth/login", {{"name", "nobody"}, {"password", "x"}}).status, 401u);
  EXPECT_EQ(client.post("/auth/login", Json::object()).status, 400u);
  EXPECT_EQ(client.call("profile", "who", Json::object(), visitor.token).at("user"),
            visitor.userId);
}

} // namespace
} // namespace modrt::testing
