// A small HTTP client for modrt's routes: one kept-alive connection, used
// by one thread at a time (each test client, each demo user, has its own),
// keeping the cookies the server sets, as a browser does.
#pragma once

#include "asio.hpp"

#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace modrt::http {

class HttpClient {
public:
  struct Reply {
    unsigned status = 0;
    Json body;
    /// The reply's Set-Cookie header, if it has one.
    std::string setCookie;
  };

  explicit HttpClient(unsigned short port, const std::string &address = "127.0.0.1")
      : stream_(io_) {
    stream_.connect(tcp::endpoint(asio::ip::make_address(address), port));
  }

  /// POSTs `body` to `target` and returns the status and the JSON reply.
  Reply post(const std::string &target, const Json &body, const std::string &token = "") {
    write(request(target, body, token));
    bhttp::response<bhttp::string_body> response;
    bhttp::read(stream_, buffer_, response);
    const beast::string_view setCookie = response[bhttp::field::set_cookie];
    keepCookie(std::string(setCookie.data(), setCookie.size()));
    return {response.result_int(), Json::parse(response.body()),
            std::string(setCookie.data(), setCookie.size())};
  }

  /// The cookies kept, as the next request's Cookie header sends them.
  std::map<std::string, std::string> &cookies() { return cookies_; }

  /// Calls `<module>/<method>` as the user `token` names; throws with the
  /// server's error for anything but 200.
  Json call(const std::string &module, const std::string &method, const Json &args,
            const std::string &token) {
    Reply reply = post("/rpc/" + module + "/" + method, args, token);
    if (reply.status != 200)
      throw std::runtime_error("HTTP " + std::to_string(reply.status) + ": " +
                               reply.body.value("error", std::string()));
    return reply.body.at("result");
  }

  /// Calls the generator `<module>/<method>` and reads its events as they
  /// come. After `limit` events it stops reading and, if `leave`, closes
  /// the connection: the client goes away. Either way the client object
  /// cannot be used again.
  std::vector<Json> stream(const std::string &module, const std::string &method,
                           const Json &args, const std::string &token,
                           std::size_t limit = std::numeric_limits<std::size_t>::max(),
                           bool leave = true) {
    write(request("/stream/" + module + "/" + method, args, token));
    bhttp::response_parser<bhttp::empty_body> parser;
    parser.body_limit(boost::none);
    std::string pending;
    // Beast keeps a reference to the callback: it lives as long as the parser.
    auto onChunk = [&pending](std::uint64_t, beast::string_view body,
                              beast::error_code &) -> std::size_t {
      pending.append(body.data(), body.size());
      return body.size();
    };
    parser.on_chunk_body(onChunk);
    bhttp::read_header(stream_, buffer_, parser);
    if (parser.get().result_int() != 200)
      throw std::runtime_error("HTTP " + std::to_string(parser.get().result_int()));
    std::vector<Json> events;
    while (!parser.is_done() && events.size() < limit) {
      bhttp::read_some(stream_, buffer_, parser);
      for (auto end = pending.find("\n\n"); end != std::string::npos && events.size() < limit;
           end = pending.find("\n\n")) {
        const std::string event = pending.substr(0, end);
        pending.erase(0, end + 2);
        if (event.starts_with("data: "))
          events.push_back(Json::parse(event.substr(6)));
      }
    }
    if (!parser.is_done() && leave)
      stream_.close();
    return events;
  }

private:
  bhttp::request<bhttp::string_body> request(const std::string &target, const Json &body,
                                             const std::string &token) const {
    bhttp::request<bhttp::string_body> request(bhttp::verb::post, target, 11);
    request.set(bhttp::field::host, "localhost");
    request.set(bhttp::field::content_type, "application/json");
    if (!token.empty())
      request.set(bhttp::field::authorization, "Bearer " + token);
    std::string cookie;
    for (const auto &[name, value] : cookies_)
      cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie.empty())
      request.set(bhttp::field::cookie, cookie);
    request.body() = body.dump();
    request.keep_alive(true);
    request.prepare_payload();
    return request;
  }
  void write(const bhttp::request<bhttp::string_body> &request) { bhttp::write(stream_, request); }

  /// Keeps `name=value` of a Set-Cookie header; an empty value or
  /// Max-Age=0 removes the cookie.
  void keepCookie(const std::string &header) {
    const std::size_t equals = header.find('=');
    if (equals == std::string::npos)
      return;
    const std::string name = header.substr(0, equals);
    const std::string value = header.substr(equals + 1, header.find(';') - equals - 1);
    if (value.empty() || header.find("Max-Age=0") != std::string::npos)
      cookies_.erase(name);
    else
      cookies_[name] = value;
  }

  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::map<std::string, std::string> cookies_;
};

} // namespace modrt::http
