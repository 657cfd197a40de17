// One race, one finding: what a run prints for one racy write, how one
// NOLINT silences it, and what the summary counts.
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <string>
#include <vector>

namespace modlint::testing {
namespace {

const std::string Case = "testdata/modlint-mutable-member/one_race_one_finding.cpp";

RunOutput lintCase(const std::string &File, std::vector<std::string> Extra = {}) {
  std::vector<std::string> Args{"--color=never", "--no-cache", File};
  Args.insert(Args.end(), Extra.begin(), Extra.end());
  for (const char *Flag : {"--", "-std=c++20", "-Iinclude", "-Itestdata/include"})
    Args.push_back(Flag);
  return runIn(MODLINT_SOURCE_DIR, MODLINT_BINARY, Args);
}

TEST(OneFinding, MemberFindingNotesEveryUnguardedWriteThatNoNolintSilences) {
  const RunOutput Out = lintCase(Case);
  ASSERT_EQ(Out.ExitCode, 1) << Out.Stderr;
  // visits_: the '++' line says NOLINT(modlint-nonatomic-update), so only
  // the '+=' line is a note; lastRoom_: both writes are.
  EXPECT_EQ(countOccurrences(Out.Stdout, "note: 'visits_' is modified here"), 1u) << Out.Stdout;
  EXPECT_NE(Out.Stdout.find(Case + ":21:5: note: 'visits_' is modified here"), std::string::npos);
  EXPECT_NE(Out.Stdout.find(Case + ":28:5: note: 'lastRoom_' is modified here"), std::string::npos);
  EXPECT_NE(Out.Stdout.find(Case + ":30:7: note: 'lastRoom_' is modified here"), std::string::npos);
  // Every write of these is silenced for the write check or this check.
  for (const char *Member : {"lastUser_", "byId_", "hits_"})
    EXPECT_EQ(countOccurrences(Out.Stdout, std::string("'") + Member + "' is mutable state"), 0u)
        << Member;
  // Two member findings and five write findings, on three members.
  EXPECT_NE(Out.Stderr.find(": 7 warnings on 3 members ("), std::string::npos) << Out.Stderr;
}

TEST(OneFinding, AssignmentThroughMapSubscriptIsOneContainerMutation) {
  const RunOutput Out =
      lintCase("testdata/modlint-container-mutation/associative_containers.cpp");
  EXPECT_EQ(countOccurrences(Out.Stdout, "[modlint-field-assignment]"), 0u) << Out.Stdout;
  EXPECT_EQ(countOccurrences(Out.Stdout, "[modlint-nonatomic-update]"), 0u) << Out.Stdout;
}

TEST(OneFinding, ExampleTreePrintsOneWarningPerLineAndCountsMembers) {
  const std::string Example = MODLINT_SOURCE_DIR "/examples/chat";
  const RunOutput Out = run(
      MODLINT_BINARY, {"--color=never", "-p", Example, "--project-root=" + Example});
  // Each racy write is one warning on its line; each racy member one at its
  // declaration, with the write as a note.
  std::vector<std::string> Lines;
  for (size_t At = 0, End; (End = Out.Stdout.find('\n', At)) != std::string::npos; At = End + 1)
    if (const std::string Line = Out.Stdout.substr(At, End - At);
        Line.find(": warning: ") != std::string::npos)
      Lines.push_back(Line.substr(0, Line.find(": warning: ")));
  std::sort(Lines.begin(), Lines.end());
  EXPECT_EQ(std::adjacent_find(Lines.begin(), Lines.end()), Lines.end()) << Out.Stdout;
  EXPECT_NE(Out.Stderr.find("8 warnings on 4 members (modlint-container-mutation: 1, "
                            "modlint-field-assignment: 2, modlint-mutable-member: 4, "
                            "modlint-nonatomic-update: 1), 0 suggestions"),
            std::string::npos)
      << Out.Stderr;
}

TEST(OneFinding, CompilerErrorsAreNotCountedAsWarnings) {
  const RunOutput Out = lintCase("tool/modlint/tests/fixits/does_not_compile.cpp");
  EXPECT_EQ(Out.ExitCode, 2) << Out.Stderr; // the run is incomplete
  EXPECT_NE(Out.Stderr.find(": 0 warnings, 1 compiler error, "), std::string::npos)
      << Out.Stderr;
}

} // namespace
} // namespace modlint::testing
