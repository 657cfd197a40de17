// Sessions in encrypted cookies (http/cookie_sessions.hpp) over real HTTP:
// the cookie is sealed: unreadable, tamper-evident, bound to its user,
// expiring, bounded in size, and readable across one key rotation. (The
// suites that hold for either provider are in HttpSessionTest.cpp.)
#include "HttpTestSupport.h"

#include <atomic>

namespace modrt::testing {
namespace {

using http::CookieSessionOptions;

TEST(CookieSession, IsSealedAndBoundToItsUser) {
  CookieServed cookies;
  Served &served = cookies.served;
  const Credentials owner = served.visitor(), other = served.visitor();
  HttpClient client(served.server.port());
  const HttpClient::Reply put = client.post(
      "/rpc/notes/put", {{"key", "secret"}, {"value", "swordfish"}}, owner.token);
  ASSERT_EQ(put.status, 200u);
  EXPECT_EQ(put.setCookie.find("swordfish"), std::string::npos) << put.setCookie;
  EXPECT_NE(put.setCookie.find("; Max-Age=1800; Path=/; HttpOnly; SameSite=Strict; Secure"),
            std::string::npos)
      << put.setCookie;
  EXPECT_EQ(client.call("notes", "get", {{"key", "secret"}}, owner.token), "swordfish");
  // The cookie, presented with another user's token: nothing.
  EXPECT_EQ(client.call("notes", "get", {{"key", "secret"}}, other.token), Json());

  // One character changed: not a session at all.
  std::string &value = client.cookies().at("modrt_session");
  const std::string sealed = value;
  value[value.size() / 2] = value[value.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(client.call("notes", "get", {{"key", "secret"}}, owner.token), Json());
  value = sealed;
  EXPECT_EQ(client.call("notes", "get", {{"key", "secret"}}, owner.token), "swordfish");

  // Larger than a cookie holds: the write fails, the session stays.
  const HttpClient::Reply large = client.post(
      "/rpc/notes/put", {{"key", "big"}, {"value", std::string(5000, 'x')}}, owner.token);
  EXPECT_EQ(large.status, 500u);
  EXPECT_NE(large.body.value("error", "").find("more than a cookie holds"), std::string::npos);
  EXPECT_EQ(client.call("notes", "get", {{"key", "secret"}}, owner.token), "swordfish");
}

TEST(CookieSession, OutlivesOneKeyRotationAndExpires) {
  auto offset = std::make_shared<std::atomic<int>>(0);
  CookieSessionOptions options;
  options.clock = [offset] { return std::chrono::system_clock::now() + std::chrono::minutes(*offset); };
  CookieServed cookies(options);
  Served &served = cookies.served;
  const Credentials user = served.visitor();
  HttpClient client(served.server.port());
  client.call("notes", "put", {{"key", "k"}, {"value", "v"}}, user.token);

  cookies.provider->rotateKey();
  EXPECT_EQ(client.call("notes", "get", {{"key", "k"}}, user.token), "v");
  cookies.provider->retirePreviousKey();
  EXPECT_EQ(client.call("notes", "get", {{"key", "k"}}, user.token), Json());

  client.call("notes", "put", {{"key", "k"}, {"value", "w"}}, user.token); // under the new key
  *offset = 29;
  EXPECT_EQ(client.call("notes", "get", {{"key", "k"}}, user.token), "w");
  *offset = 31;
  EXPECT_EQ(client.call("notes", "get", {{"key", "k"}}, user.token), Json()) << "expired";
}

} // namespace
} // namespace modrt::testing
