// Helpers for the suites over HTTP: two modules (one reading the context
// across co_await, one keeping per-user data in the session), a server on a
// free loopback port serving them, and client threads released together
// whose failures fail the test instead of ending it.
#pragma once

#include "RuntimeTestSupport.h"

#include <modrt/http/client.hpp>
#include <modrt/http/cookie_sessions.hpp>
#include <modrt/http/server.hpp>

#include "gtest/gtest.h"

#include <iostream>
#include <string>

namespace modrt::testing {

using http::asio::awaitable;
using http::HttpClient;
using http::Json;

class ProfileModule : public Module {
public:
  Json who(const Json &) const { return Json{{"user", currentUser()->id}}; }

  /// Waits on a timer `hops` times; after each wait (on whichever io thread
  /// resumes it) reads the caller from the context.
  awaitable<Json> whoAfterHops(Json args) const {
    const int hops = args.value("hops", 3);
    const auto executor = co_await http::asio::this_coro::executor;
    const std::thread::id started = std::this_thread::get_id();
    Json seen = Json::array();
    bool moved = false;
    for (int i = 0; i < hops; ++i) {
      http::asio::steady_timer timer(executor, std::chrono::milliseconds(1));
      co_await timer.async_wait(http::asio::use_awaitable);
      seen.push_back(currentUser() ? currentUser()->id : "<none>");
      moved = moved || std::this_thread::get_id() != started;
    }
    co_return Json{{"seen", seen}, {"request", requestId()}, {"moved", moved}};
  }
};

/// Per-user notes in the caller's session: set, read, and a counter added
/// to in one step (SessionHandle::update).
class NotesModule : public Module {
public:
  Json put(const Json &args) const {
    session().set(args.at("key").get<std::string>(), args.at("value").get<std::string>());
    return true;
  }
  Json get(const Json &args) const {
    const std::optional<std::string> value = session().get(args.at("key").get<std::string>());
    return value ? Json(*value) : Json();
  }
  Json add(const Json &args) const {
    return std::stoi(session().update(args.at("key").get<std::string>(),
                                      [](const std::optional<std::string> &old) {
                                        return std::to_string((old ? std::stoi(*old) : 0) + 1);
                                      }));
  }
};

struct Served {
  Server core;
  http::HttpServer server{core};
  /// Serving at once, unless a derived suite adds routes first.
  explicit Served(bool start = true, ServerOptions options = testServerOptions())
      : core(std::move(options)) {
    core.registerModule<ProfileModule>();
    core.registerModule<NotesModule>();
    server.route<ProfileModule>("profile", "who", &ProfileModule::who)
        .route<ProfileModule>("profile", "whoAfterHops", &ProfileModule::whoAfterHops)
        .route<NotesModule>("notes", "put", &NotesModule::put)
        .route<NotesModule>("notes", "get", &NotesModule::get)
        .route<NotesModule>("notes", "add", &NotesModule::add);
    if (start)
      server.start();
  }
  std::vector<Credentials> visitors(int count) {
    std::vector<Credentials> all;
    for (int i = 0; i < count; ++i)
      all.push_back(visitor());
    return all;
  }
  Credentials visitor() {
    HttpClient client(server.port());
    const Json body = client.post("/auth/visitor", Json::object()).body;
    return {body.at("userId").get<std::string>(), body.at("token").get<std::string>(), ""};
  }
};

/// A server whose sessions travel in encrypted cookies.
struct CookieServed {
  std::shared_ptr<http::CookieSessionProvider> provider;
  Served served;
  explicit CookieServed(http::CookieSessionOptions options = {})
      : provider(std::make_shared<http::CookieSessionProvider>(std::move(options))),
        served(true, withProvider(provider)) {}
  static ServerOptions withProvider(std::shared_ptr<SessionProvider> provider) {
    ServerOptions options = testServerOptions();
    options.sessionProvider = std::move(provider);
    return options;
  }
};

/// The suites that hold for either session provider run with each: the
/// parameter says whether sessions travel in cookies.
class EitherProvider : public ::testing::TestWithParam<bool> {
protected:
  Served &served() { return GetParam() ? cookies_.emplace().served : memory_.emplace(); }

private:
  std::optional<CookieServed> cookies_;
  std::optional<Served> memory_;
};

inline std::string providerName(const ::testing::TestParamInfo<bool> &info) {
  return info.param ? "Cookie" : "InMemory";
}

/// runConcurrently, where a client's exception (an HTTP error, a lost
/// context) fails the test instead of ending the process.
inline void clientsAtOnce(int clients, const std::function<void(int)> &client) {
  runConcurrently(clients, [&](int i) {
    try {
      client(i);
    } catch (const std::exception &e) {
      ADD_FAILURE() << "client " << i << ": " << e.what();
    }
  });
}

inline void report(const std::string &suite, int requests, int assertions) {
  std::cout << "[modrt http] " << suite << ": " << requests << " requests, " << assertions
            << " assertions\n";
}

} // namespace modrt::testing
