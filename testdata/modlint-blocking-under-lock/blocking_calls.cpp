// Calls that block the thread, made while a lock is held: sleeps, joins,
// waits on futures, a condition-variable wait that releases one lock while
// another stays held, file I/O through C, POSIX and std streams,
// std::filesystem, processes, and the team's own blocking functions
// (BlockingFunctions). Silent: the same calls with no lock held, after
// unlock(), under an automatic local mutex, in a lambda that runs later,
// and a wait that releases the only lock held. clang-analyzer's
// unix.BlockInCriticalSection runs on the same input (peer-warning records
// what it finds): of all these it knows only POSIX read, and it reports one
// under a mutex no other thread can see.
// modlint-checks: modlint-blocking-under-lock
// modlint-peer: clang-analyzer-unix.BlockInCriticalSection
// modlint-option: BlockingFunctions=app::Db::query*
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>

namespace app {
struct Db {
  int queryRows(const std::string &sql);
  int count();
};
} // namespace app

void later(std::function<void()> task);
/// The program's own `send`, not the socket call.
void send(const std::string &message);

class Store {
public:
  void flush(const std::string &path) {
    std::lock_guard<std::mutex> guard(mu_);
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // expect-warning@5[modlint-blocking-under-lock]={{'std::this_thread::sleep_for' blocks the thread while it holds the 'exclusive' lock on 'mu_'; every other thread that takes the lock waits as long: move the call out of the critical section (copy what it needs under the lock, release it, then call)}}
    std::ofstream out(path); // expect-warning@19[modlint-blocking-under-lock]{{'opening a std::ofstream' blocks}}
    out << entries_; // expect-warning@5[modlint-blocking-under-lock]{{blocks the thread while it holds the 'exclusive' lock on 'mu_'}}
    std::FILE *file = std::fopen(path.c_str(), "w"); // expect-warning@23[modlint-blocking-under-lock]{{'fopen' blocks}}
    std::fclose(file); // expect-warning@5[modlint-blocking-under-lock]{{'fclose' blocks}}
    std::filesystem::create_directories(path); // expect-warning@5[modlint-blocking-under-lock]{{'std::filesystem::create_directories' blocks}}
    std::system("sync"); // expect-warning@5[modlint-blocking-under-lock]{{'system' blocks}}
  }

  void load(const std::string &path, int fd) {
    std::unique_lock<std::mutex> lock(mu_);
    std::ifstream in(path); // expect-warning@19[modlint-blocking-under-lock]{{'opening a std::ifstream' blocks}}
    std::string line;
    std::getline(in, line); // expect-warning@5[modlint-blocking-under-lock]{{'std::getline' blocks}}
    char buffer[64];
    ::read(fd, buffer, sizeof buffer); // expect-warning@5[modlint-blocking-under-lock]{{'read' blocks}} peer-warning@5[clang-analyzer-unix.BlockInCriticalSection]
    rows_ = db_.queryRows("select 1"); // expect-warning@13[modlint-blocking-under-lock]{{'app::Db::queryRows' blocks}}
    rows_ += db_.count();
    send("loaded");
    lock.unlock();
    std::getline(in, line);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  void join(std::thread &worker, std::future<int> &result) {
    std::lock_guard<std::mutex> guard(mu_);
    worker.join(); // expect-warning@5[modlint-blocking-under-lock]{{'std::thread::join' blocks}}
    rows_ = result.get(); // expect-warning@13[modlint-blocking-under-lock]{{'std::future<int>::get' blocks}}
  }

  // future<void>'s wait is inherited from a base of the library's own.
  void waitDone(std::future<void> &done) {
    std::lock_guard<std::mutex> guard(mu_);
    done.wait(); // expect-warning@5[modlint-blocking-under-lock]{{'std::future<void>::wait' blocks}}
  }

  void waitForWork() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [this] { return rows_ > 0; });
  }

  void waitAdopted() {
    mu_.lock();
    std::unique_lock<std::mutex> lock(mu_, std::adopt_lock);
    ready_.wait(lock);
  }

  void waitHoldingAnother() {
    std::lock_guard<std::mutex> outer(registryMu_);
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock); // expect-warning@5[modlint-blocking-under-lock]{{'std::condition_variable::wait' blocks the thread while it holds the 'exclusive' lock on 'registryMu_'}}
  }

  // Made empty (opened later), or moved: nothing is opened here.
  void streamsNotOpened(std::ofstream &target) {
    std::lock_guard<std::mutex> guard(mu_);
    std::ofstream unopened;
    std::ofstream taken(std::move(target));
  }

  void deferred() {
    std::lock_guard<std::mutex> guard(mu_);
    later([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
    [] { std::this_thread::sleep_for(std::chrono::seconds(1)); }(); // expect-warning@10[modlint-blocking-under-lock]{{'std::this_thread::sleep_for' blocks}}
  }

private:
  std::mutex mu_;
  std::mutex registryMu_;
  std::condition_variable ready_;
  app::Db db_;
  std::string entries_;
  int rows_ = 0;
};

std::mutex logMu;

void appendLog(const std::string &line) {
  std::lock_guard<std::mutex> guard(logMu);
  std::FILE *log = std::fopen("log.txt", "a"); // expect-warning@20[modlint-blocking-under-lock]{{'fopen' blocks the thread while it holds the 'exclusive' lock on 'logMu'}}
  std::fputs(line.c_str(), log); // expect-warning@3[modlint-blocking-under-lock]{{'fputs' blocks}}
  std::fclose(log); // expect-warning@3[modlint-blocking-under-lock]{{'fclose' blocks}}
}

void scratch(int fd) {
  std::mutex local;
  std::lock_guard<std::mutex> guard(local);
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  char byte;
  ::read(fd, &byte, 1); // peer-warning@3[clang-analyzer-unix.BlockInCriticalSection]
}

void unlocked(const std::string &path) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::ofstream out(path);
  out << "x";
}
