// Global state every request thread shares: namespace-scope variables,
// static data members of classes that are not shared modules, and
// function-local statics, written after static initialisation with no
// lock on a namespace-scope or static lock object. One finding per
// variable, at its declaration, with a note at each such write. Silent:
// writes under such a lock (also in a helper every call of which holds
// it, and inside std::call_once), thread_local, const and constexpr,
// atomics, a magic static's initialisation, reads, and main.
// clang-tidy's cppcoreguidelines-avoid-non-const-global-variables runs on
// the same input (peer-warning records it): it flags every non-const
// namespace-scope variable, the mutex, the atomic, the thread_local and
// the guarded and never-written ones included, and misses static data
// members and function-local statics.
// modlint-checks: modlint-global-state
// modlint-peer: cppcoreguidelines-avoid-non-const-global-variables
#include <atomic>
#include <cstdio>
#include <istream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace app {

int requests = 0; // expect-warning@5[modlint-global-state]={{'app::requests' is a namespace-scope variable written without a lock: every request thread shares it, so these writes race; move it into the module or the request context, make it thread_local or std::atomic, or hold a namespace-scope mutex around every access}} peer-warning@5[cppcoreguidelines-avoid-non-const-global-variables]
std::map<std::string, int> hits; // expect-warning@28[modlint-global-state]{{'app::hits' is a namespace-scope variable written without a lock}} peer-warning@28[cppcoreguidelines-avoid-non-const-global-variables]
std::string lastLine; // expect-warning@13[modlint-global-state]{{'app::lastLine' is a namespace-scope variable written without a lock}} peer-warning@13[cppcoreguidelines-avoid-non-const-global-variables]
static std::vector<int> history; // expect-warning@25[modlint-global-state]{{'app::history' is a namespace-scope variable written without a lock}} peer-warning@25[cppcoreguidelines-avoid-non-const-global-variables]

struct Stats {
  static int served; // expect-warning@14[modlint-global-state]={{'app::Stats::served' is a static data member written without a lock: every request thread shares it, so these writes race; move it into the module or the request context, make it thread_local or std::atomic, or hold a namespace-scope mutex around every access}}
  int local = 0;
};
int Stats::served = 0;

// Silent: guarded by a namespace-scope mutex, thread-local, constant,
// atomic, or only read.
std::mutex tableMu; // peer-warning@12[cppcoreguidelines-avoid-non-const-global-variables]
std::map<std::string, int> table; // peer-warning@28[cppcoreguidelines-avoid-non-const-global-variables]
thread_local int scratch = 0; // peer-warning@18[cppcoreguidelines-avoid-non-const-global-variables]
const int limit = 10;
constexpr int width = 4;
std::atomic<int> active{0}; // peer-warning@18[cppcoreguidelines-avoid-non-const-global-variables]
std::string banner = "hello"; // peer-warning@13[cppcoreguidelines-avoid-non-const-global-variables]
std::once_flag loaded; // peer-warning@16[cppcoreguidelines-avoid-non-const-global-variables]
std::vector<int> defaults; // peer-warning@18[cppcoreguidelines-avoid-non-const-global-variables]

void serve(const std::string &path, std::istream &in) {
  ++requests;
  hits[path] += 1;
  std::getline(in, lastLine);
  history.push_back(1);
  Stats::served = Stats::served + 1;
  Stats stats;
  stats.local = 1; // a local object
  {
    std::lock_guard<std::mutex> guard(tableMu);
    table[path] = 1;
  }
  scratch += 1;
  active.fetch_add(1);
  std::printf("%s %d %d\n", banner.c_str(), limit, width);
  std::call_once(loaded, [] { defaults.push_back(1); });
}

// Every call of this helper holds tableMu: its write is under it.
static void rememberLocked(const std::string &key) { table[key] = 2; }

void remember(const std::string &key) {
  std::lock_guard<std::mutex> guard(tableMu);
  rememberLocked(key);
}

// A function-local static written on every call: one per process.
const std::string &requestName(int id) {
  static std::string name; // expect-warning@22[modlint-global-state]={{'name' is a function-local static that 'app::requestName' writes and returns a const reference to: every caller shares the one object, so the next call overwrites what an earlier caller still reads; return the value itself, or keep it in the caller's own state (the connection, the request context)}}
  name = "request-" + std::to_string(id);
  return name;
}

// The formatter that wrote a static buffer and returned a view into it.
std::string_view hex(unsigned value) {
  static char buffer[16]; // expect-warning@15[modlint-global-state]={{'buffer' is a function-local static that 'app::hex' writes and returns a view to: every caller shares the one object, so the next call overwrites what an earlier caller still reads; return the value itself, or keep it in the caller's own state (the connection, the request context)}}
  std::snprintf(buffer, sizeof buffer, "%x", value);
  return buffer;
}

int nextId() {
  static int counter = 0; // expect-warning@14[modlint-global-state]={{'counter' is a function-local static written without a lock: every request thread shares it, so these writes race; move it into the module or the request context, make it thread_local or std::atomic, or hold a namespace-scope mutex around every access}}
  return ++counter;
}

// Silent: a magic static's initialisation, a static written under a
// static mutex, a static only read.
const std::map<std::string, int> &routes() {
  static const std::map<std::string, int> all = {{"/", 1}};
  return all;
}
int nextTicket() {
  static std::mutex mu;
  static int ticket = 0;
  std::lock_guard<std::mutex> guard(mu);
  return ++ticket;
}
int cached() {
  static int value = limit * 2;
  return value;
}

} // namespace app

// main runs before the server shares anything.
int main() {
  app::requests = 0;
  app::banner = "ready";
  return 0;
}
