// The runner's own logic must be able to fail: these feed it findings that
// do not match and check that every kind of difference is caught.
#include "Expectations.h"

#include "gtest/gtest.h"

namespace modlint::testing {
namespace {

const char *Output =
    "/t/a.cpp:4:5: warning: '++' on 'n_' races [modlint-nonatomic-update]\n"
    "    4 |     ++n_;\n"
    "      |     ^~~~\n"
    "/t/a.cpp:2:7: note: 'n_' is declared here\n"
    "/t/a.cpp:2:7: remark: 'k_' is never modified [modlint-mutable-member]\n";

/// Line 2 expects the remark, line 4 the warning; `Four` is what line 4 says.
std::string source(const std::string &Four, const std::string &Two =
                       "// expect-remark@7[modlint-mutable-member]{{'k_' is never}}") {
  return "\n" + Two + "\n\n" + Four + "\n";
}

std::vector<Expectation> parse(const std::string &Source) {
  std::vector<std::string> Errors;
  auto Result = parseExpectations("/t/a.cpp", Source, Errors);
  EXPECT_TRUE(Errors.empty()) << Errors.front();
  return Result;
}

std::vector<std::string> problems(const std::string &Source) {
  return compare(parse(Source), parseFindings(Output));
}

TEST(Expectations, ParsesLevelColumnCheckAndMessage) {
  std::vector<std::string> Errors;
  auto E = parseExpectations(
      "/t/a.cpp",
      "int a;\n"
      "x; // expect-warning@5[modlint-field-assignment]={{a {b} c}} "
      "expect-remark@3[modlint-mutable-member]{{never}}\n",
      Errors);
  ASSERT_EQ(E.size(), 2u);
  EXPECT_TRUE(Errors.empty());
  EXPECT_EQ(E[0].Line, 2u);
  EXPECT_EQ(E[0].Column, 5u);
  EXPECT_EQ(E[0].Level, "warning");
  EXPECT_EQ(E[0].Check, "modlint-field-assignment");
  EXPECT_EQ(E[0].Message, "a {b} c");
  EXPECT_TRUE(E[0].Whole);
  EXPECT_EQ(E[1].Level, "remark");
  EXPECT_EQ(E[1].Column, 3u);
  EXPECT_FALSE(E[1].Whole);
}

TEST(Expectations, MalformedOrColumnlessExpectationIsAnError) {
  for (const char *Line : {"x; // expect-warning@4[check]{{unclosed\n",
                           "x; // expect-warning[check]{{no column}}\n"}) {
    std::vector<std::string> Errors;
    EXPECT_TRUE(parseExpectations("/t/a.cpp", Line, Errors).empty()) << Line;
    EXPECT_EQ(Errors.size(), 1u) << Line;
  }
}

TEST(Findings, OverflowingNumbersAreNotDiagnosticsAndNotExpectations) {
  // Found by the annotation fuzzer: these threw std::out_of_range.
  const std::string Huge(100, '3');
  EXPECT_TRUE(parseFindings("a.c:4:" + Huge + ": warning: m [c]\n").empty());
  std::vector<std::string> Errors;
  EXPECT_TRUE(parseExpectations("a.c", "// expect-warning@" + Huge + "[c]{{m}}\n", Errors).empty());
  EXPECT_EQ(Errors.size(), 1u);
}

TEST(Findings, ParsesPrimaryDiagnosticsAndAttachesNotes) {
  auto F = parseFindings(Output);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Line, 4u);
  EXPECT_EQ(F[0].Column, 5u);
  EXPECT_EQ(F[0].Check, "modlint-nonatomic-update");
  EXPECT_EQ(F[0].Message, "'++' on 'n_' races");
  ASSERT_EQ(F[0].Notes.size(), 1u);
  EXPECT_EQ(F[1].Level, "remark");
}

TEST(Compare, APartOrTheWholeMessageMatches) {
  EXPECT_TRUE(problems(source("// expect-warning@5[modlint-nonatomic-update]{{on 'n_'}}")).empty());
  EXPECT_TRUE(
      problems(source("// expect-warning@5[modlint-nonatomic-update]={{'++' on 'n_' races}}"))
          .empty());
}

TEST(Compare, MissingFindingIsReported) {
  auto Problems = problems(source("// expect-warning@5[modlint-nonatomic-update]{{'++' on 'n_'}}\n"
                                  "// expect-warning@1[modlint-field-assignment]{{gone}}"));
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("missing"), std::string::npos);
}

TEST(Compare, UnexpectedFindingIsReported) {
  auto Problems = problems(source(""));
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("unexpected"), std::string::npos);
}

TEST(Compare, WrongWordsColumnLineOrLevelAreReported) {
  const char *Cases[] = {
      // a part the message does not contain
      "// expect-warning@5[modlint-nonatomic-update]{{'--' on 'n_'}}",
      // the whole message, cut short
      "// expect-warning@5[modlint-nonatomic-update]={{'++' on 'n_'}}",
      // wrong column
      "// expect-warning@6[modlint-nonatomic-update]{{'++' on 'n_'}}",
      // wrong check
      "// expect-warning@5[modlint-field-assignment]{{'++' on 'n_'}}",
      // wrong level
      "// expect-remark@5[modlint-nonatomic-update]{{'++' on 'n_'}}",
      // right finding on the wrong line
      "\n// expect-warning@5[modlint-nonatomic-update]{{'++' on 'n_'}}",
  };
  for (const char *Four : Cases)
    EXPECT_EQ(problems(source(Four)).size(), 2u) << Four; // missing and unexpected
}

TEST(CompareRuns, DifferentNotesOrFindingsAreReported) {
  auto A = parseFindings(Output);
  auto B = A;
  EXPECT_TRUE(compareRuns(A, "a", B, "b").empty());
  B[0].Notes.clear();
  EXPECT_EQ(compareRuns(A, "a", B, "b").size(), 2u);
  B = A;
  B.pop_back();
  auto Problems = compareRuns(A, "a", B, "b");
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_EQ(Problems[0].rfind("only a reported: ", 0), 0u);
}

TEST(MessageShape, QuotedPartsDoNotCount) {
  EXPECT_EQ(messageShape("c", "'++' on 'n_' races"), messageShape("c", "'--' on 'hits_' races"));
  EXPECT_NE(messageShape("c", "'++' on 'n_' races"), messageShape("c", "'++' on 'n_' runs"));
  EXPECT_NE(messageShape("c", "'++' on 'n_' races"), messageShape("d", "'++' on 'n_' races"));
}

TEST(MessageShape, AFindingWhoseMessageNoOnePinsIsReported) {
  auto Found = parseFindings(Output);
  const std::string Update = messageShape("modlint-nonatomic-update", "'x' on 'y' races");
  const std::string Remark = messageShape("modlint-mutable-member", "'z' is never modified");
  EXPECT_TRUE(unpinned(Found, {Update, Remark}).empty());
  auto Problems = unpinned(Found, {Update});
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("={{'k_' is never modified}}"), std::string::npos) << Problems[0];
}

TEST(CaseSettings, ReadsChecksAndOneOptionPerLine) {
  auto S = parseCaseSettings("// modlint-checks: modlint-a, modlint-b\n"
                             "// modlint-option: ModuleBases=a::B;c::D\n"
                             "// modlint-option: Strict=true\nint x;\n");
  EXPECT_EQ(S.Checks, (std::vector<std::string>{"modlint-a", "modlint-b"}));
  ASSERT_EQ(S.Options.size(), 2u);
  EXPECT_EQ(S.Options[0].first, "ModuleBases");
  EXPECT_EQ(S.Options[0].second, "a::B;c::D");
  EXPECT_EQ(S.Options[1].second, "true");
  EXPECT_TRUE(S.Precompiles);
  EXPECT_FALSE(parseCaseSettings("// modlint-prefix: not-precompiled (too deep)\n").Precompiles);
  EXPECT_TRUE(S.Races.empty());
  EXPECT_EQ(parseCaseSettings("// modlint-races: RACE_A, RACE_B\n").Races,
            (std::vector<std::string>{"RACE_A", "RACE_B"}));
  EXPECT_EQ(S.HeaderFilter, "");
  EXPECT_EQ(parseCaseSettings("// modlint-header-filter: .*/a\\.cpp$\n").HeaderFilter,
            ".*/a\\.cpp$");
}

TEST(Expectations, PeerChecksAndTheirRecordedFindings) {
  EXPECT_EQ(parseCaseSettings("// modlint-peer: clang-analyzer-unix.BlockInCriticalSection, "
                              "cppcoreguidelines-no-suspend-with-lock\n")
                .Peers,
            (std::vector<std::string>{"clang-analyzer-unix.BlockInCriticalSection",
                                      "cppcoreguidelines-no-suspend-with-lock"}));
  EXPECT_EQ(parseCaseSettings("// modlint-peer-flags: -Wthread-safety-analysis -Wfoo\n")
                .PeerFlags,
            (std::vector<std::string>{"-Wthread-safety-analysis", "-Wfoo"}));
  auto Recorded = parsePeerFindings(
      "a.cpp", "x;\nread(); // expect-warning@1[modlint-x]{{y}} peer-warning@3[clang-analyzer-a.B]\n");
  ASSERT_EQ(Recorded.size(), 1u);
  EXPECT_EQ(Recorded[0].Line, 2u);
  EXPECT_EQ(Recorded[0].Column, 3u);
  EXPECT_EQ(Recorded[0].Check, "clang-analyzer-a.B");
  EXPECT_EQ(Recorded[0].Level, "warning");
}

TEST(Expectations, ARaceTagLimitsAnExpectationToThatRacesBuild) {
  std::vector<std::string> Errors;
  auto All = parseExpectations(
      "a.cpp",
      "++n_; // expect-warning(RACE_A)@3[modlint-nonatomic-update]{{'++' on 'n_'}}\n"
      "int n_; // expect-warning(RACE_A)@5[modlint-mutable-member]{{'n_'}} "
      "expect-remark@5[modlint-mutable-member]{{never}}\n",
      Errors);
  EXPECT_TRUE(Errors.empty());
  ASSERT_EQ(All.size(), 3u);
  EXPECT_EQ(All[0].Race, "RACE_A");
  EXPECT_EQ(All[0].Column, 3u);
  EXPECT_EQ(All[2].Race, "");
  // The correct build expects only the untagged remark; RACE_A's build
  // expects its two warnings and the remark; another race only the remark.
  EXPECT_EQ(expectedIn(All, "").size(), 1u);
  EXPECT_EQ(expectedIn(All, "RACE_A").size(), 3u);
  EXPECT_EQ(expectedIn(All, "RACE_B").size(), 1u);
  // A malformed tag is not silently dropped.
  parseExpectations("a.cpp", "x; // expect-warning(RACE A)@3[c]{{m}}\n", Errors);
  EXPECT_EQ(Errors.size(), 1u);
}

} // namespace
} // namespace modlint::testing
