// Streaming calls: the module emits chunks on its worker thread, the caller
// takes them as they come.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace modrt {

namespace detail {
template <typename T> class Channel {
public:
  void push(T value) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      items_.push_back(std::move(value));
    }
    ready_.notify_one();
  }
  void close(std::exception_ptr error = nullptr) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
      error_ = error;
    }
    ready_.notify_all();
  }
  /// The next chunk, or nothing once the stream ended; rethrows the
  /// module's exception, if it threw.
  std::optional<T> next() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [this] { return closed_ || !items_.empty(); });
    if (!items_.empty()) {
      T value = std::move(items_.front());
      items_.pop_front();
      return value;
    }
    if (error_)
      std::rethrow_exception(error_);
    return std::nullopt;
  }

private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<T> items_;
  bool closed_ = false;
  std::exception_ptr error_;
};
} // namespace detail

/// What a streaming method writes its chunks to.
template <typename T> class Emitter {
public:
  Emitter(std::shared_ptr<detail::Channel<T>> channel, std::stop_token stop)
      : channel_(std::move(channel)), stop_(std::move(stop)) {}
  void emit(T value) { channel_->push(std::move(value)); }
  /// The caller cancelled: stop producing.
  bool stopRequested() const { return stop_.stop_requested(); }

private:
  std::shared_ptr<detail::Channel<T>> channel_;
  std::stop_token stop_;
};

/// The caller's end of a streaming call.
template <typename T> class Stream {
public:
  explicit Stream(std::shared_ptr<detail::Channel<T>> channel)
      : channel_(std::move(channel)) {}
  std::optional<T> next() { return channel_->next(); }
  std::vector<T> collect() {
    std::vector<T> all;
    while (std::optional<T> value = next())
      all.push_back(std::move(*value));
    return all;
  }

private:
  std::shared_ptr<detail::Channel<T>> channel_;
};

} // namespace modrt
