// Under ThreadSanitizer (the tsan preset), the bad example modules' races
// are reported and every good module runs clean. Each module runs in a child
// process, so the race report ends the child, not this test.
#include "gtest/gtest.h"

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

struct ChildResult {
  int ExitCode;
  std::string Output;
};

ChildResult runDemo(const std::string &module) {
  const std::string command = "TSAN_OPTIONS='halt_on_error=1 exitcode=66' " +
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

class BadModuleRace : public ::testing::TestWithParam<std::string> {};

TEST_P(BadModuleRace, IsReportedByThreadSanitizer) {
  const ChildResult result = runDemo(GetParam());
  EXPECT_EQ(result.ExitCode, 66) << result.Output;
  EXPECT_NE(result.Output.find("WARNING: ThreadSanitizer: data race"), std::string::npos)
      << result.Output;
  // The report points into the module's own code.
  EXPECT_NE(result.Output.find(GetParam() + "::"), std::string::npos) << result.Output;
}

INSTANTIATE_TEST_SUITE_P(Examples, BadModuleRace,
                         ::testing::Values("BadCounterModule", "BadChatModule",
                                           "BadUserModule", "BadReaderLockModule"));

class GoodModuleRace : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodModuleRace, RunsCleanUnderThreadSanitizer) {
  const ChildResult result = runDemo(GetParam());
  EXPECT_EQ(result.ExitCode, 0) << result.Output;
  EXPECT_EQ(result.Output.find("ThreadSanitizer"), std::string::npos) << result.Output;
  EXPECT_NE(result.Output.find("400 calls done"), std::string::npos) << result.Output;
}

INSTANTIATE_TEST_SUITE_P(Examples, GoodModuleRace,
                         ::testing::Values("ConfigModule", "ProfileModule", "CartModule",
                                           "IdModule", "InventoryModule", "EventModule",
                                           "RoutingModule", "LedgerModule", "StatsModule"));

} // namespace
