// Under ThreadSanitizer, the bad example modules' races and lock-order
// inversions are reported and every good module runs clean. The demo is
// built with ThreadSanitizer in every build that can (the normal one and the
// tsan preset; not the ASan one). Each module runs in a child process, so
// the report ends the child, not this test; a child that hangs (a real
// deadlock before the report) is killed by the time limit.
#include "gtest/gtest.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

struct ChildResult {
  int ExitCode;
  std::string Output;
};

ChildResult runDemo(const std::string &module) {
  const std::string command =
      "TSAN_OPTIONS='halt_on_error=1 exitcode=66 detect_deadlocks=1' timeout -s KILL 120 " +
      std::string(MODRT_RACE_DEMO) + " " + module + " 2>&1";
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe)
    return {-1, "popen failed"};
  std::string output;
  std::array<char, 4096> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

/// A bad module and the reports ThreadSanitizer may give on it (one of
/// them on every run).
struct BadModule {
  std::string Name;
  std::vector<std::string> Reports;
};
void PrintTo(const BadModule &module, std::ostream *out) { *out << module.Name; }
const std::vector<std::string> DataRace = {"WARNING: ThreadSanitizer: data race"};
// The escaped reference is read while another request assigns the string:
// a race, or, when the assignment has freed the old buffer first, a read of
// freed memory.
const std::vector<std::string> RaceOrFreedRead = {
    "WARNING: ThreadSanitizer: data race", "WARNING: ThreadSanitizer: heap-use-after-free"};

class BadModuleRace : public ::testing::TestWithParam<BadModule> {};

TEST_P(BadModuleRace, IsReportedByThreadSanitizer) {
  const ChildResult result = runDemo(GetParam().Name);
  EXPECT_EQ(result.ExitCode, 66) << result.Output;
  const auto reported = std::find_if(
      GetParam().Reports.begin(), GetParam().Reports.end(),
      [&](const std::string &report) { return result.Output.find(report) != std::string::npos; });
  ASSERT_NE(reported, GetParam().Reports.end()) << result.Output;
  // The report points into the module's own code.
  EXPECT_NE(result.Output.find(GetParam().Name + "::"), std::string::npos) << result.Output;
  std::printf("%s: %s\n", GetParam().Name.c_str(), reported->c_str());
}

INSTANTIATE_TEST_SUITE_P(
    Examples, BadModuleRace,
    ::testing::Values(
        BadModule{"BadCounterModule", DataRace}, BadModule{"BadChatModule", DataRace},
        BadModule{"BadUserModule", DataRace}, BadModule{"BadReaderLockModule", DataRace},
        BadModule{"BadLedgerModule", {"WARNING: ThreadSanitizer: lock-order-inversion"}},
        BadModule{"BadBannerModule", RaceOrFreedRead}, BadModule{"BadReceiptModule", DataRace}),
    [](const ::testing::TestParamInfo<BadModule> &info) { return info.param.Name; });

class GoodModuleRace : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodModuleRace, RunsCleanUnderThreadSanitizer) {
  const ChildResult result = runDemo(GetParam());
  EXPECT_EQ(result.ExitCode, 0) << result.Output;
  EXPECT_EQ(result.Output.find("ThreadSanitizer"), std::string::npos) << result.Output;
  EXPECT_NE(result.Output.find("1600 calls done"), std::string::npos) << result.Output;
  std::printf("%s: 1600 calls, no report\n", GetParam().c_str());
}

INSTANTIATE_TEST_SUITE_P(Examples, GoodModuleRace,
                         ::testing::Values("ConfigModule", "ProfileModule", "CartModule",
                                           "IdModule", "InventoryModule", "EventModule",
                                           "RoutingModule", "LedgerModule", "StatsModule",
                                           "BannerModule", "ReceiptModule"));

} // namespace
