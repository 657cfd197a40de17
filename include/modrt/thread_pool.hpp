// A fixed set of worker threads taking tasks from one queue.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace modrt {

class ThreadPool {
public:
  explicit ThreadPool(unsigned threads) {
    if (threads == 0)
      threads = 1;
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i)
      workers_.emplace_back([this](std::stop_token stop) { work(stop); });
  }

  /// Finishes the queued tasks, then stops the workers.
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      draining_ = true;
    }
    ready_.notify_all();
    workers_.clear(); // jthread joins
  }

  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;

  void post(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

private:
  void work(std::stop_token) {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [this] { return draining_ || !tasks_.empty(); });
        if (tasks_.empty())
          return; // draining and nothing left
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task(); // never under the lock
    }
  }

  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool draining_ = false;
  std::vector<std::jthread> workers_;
};

} // namespace modrt
