// The server's end of a streaming call: a generator method
// (`asio::awaitable<void> ticks(Json args, ChunkWriter &out)`) sends each
// chunk with `co_await out.send(json)`, which writes it to the client as a
// server-sent event in one HTTP chunk. Backpressure is TCP's: send() resumes
// once the connection has taken the chunk, so a client that reads slowly
// holds its producer back instead of filling the server's memory. When the
// client goes away, send() returns false and the call's stop token (the
// module's stopToken()) reports it: the producer stops.
#pragma once

#include "asio.hpp"

#include <chrono>
#include <stop_token>
#include <string>

namespace modrt::http {

class ChunkWriter {
public:
  ChunkWriter(beast::tcp_stream &stream, std::stop_source &cancel,
              std::chrono::steady_clock::duration timeout)
      : stream_(stream), cancel_(cancel), timeout_(timeout) {}

  /// Sends one event; false once the client is gone (nothing more is sent).
  asio::awaitable<bool> send(const Json &chunk) {
    if (cancel_.stop_requested())
      co_return false;
    const std::string event = "data: " + chunk.dump() + "\n\n";
    beast::error_code error;
    stream_.expires_after(timeout_); // a client that stops reading for this long is gone
    co_await asio::async_write(stream_, bhttp::make_chunk(asio::buffer(event)),
                               asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      cancel_.request_stop();
      co_return false;
    }
    ++sent_;
    co_return true;
  }

  std::size_t sent() const { return sent_; }

private:
  beast::tcp_stream &stream_;
  std::stop_source &cancel_;
  const std::chrono::steady_clock::duration timeout_;
  std::size_t sent_ = 0;
};

} // namespace modrt::http
