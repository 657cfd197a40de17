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

std::vector<Expectation> parse(const std::string &Source) {
  std::vector<std::string> Errors;
  auto Result = parseExpectations("/t/a.cpp", Source, Errors);
  EXPECT_TRUE(Errors.empty());
  return Result;
}

TEST(Expectations, ParsesLevelColumnCheckAndFullMessage) {
  std::vector<std::string> Errors;
  auto E = parseExpectations(
      "/t/a.cpp",
      "int a;\n"
      "x; // expect-warning@5[modlint-field-assignment]{{a {b} c}} "
      "expect-remark[modlint-mutable-member]{{never}}\n",
      Errors);
  ASSERT_EQ(E.size(), 2u);
  EXPECT_TRUE(Errors.empty());
  EXPECT_EQ(E[0].Line, 2u);
  EXPECT_EQ(E[0].Column, 5u);
  EXPECT_EQ(E[0].Level, "warning");
  EXPECT_EQ(E[0].Check, "modlint-field-assignment");
  EXPECT_EQ(E[0].Message, "a {b} c");
  EXPECT_EQ(E[1].Level, "remark");
  EXPECT_FALSE(E[1].Column.has_value());
}

TEST(Expectations, MalformedExpectationIsAnError) {
  std::vector<std::string> Errors;
  parseExpectations("/t/a.cpp", "x; // expect-warning[check]{{unclosed\n",
                    Errors);
  EXPECT_EQ(Errors.size(), 1u);
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

TEST(Compare, ExactMatchHasNoProblems) {
  auto E = parse("\n// expect-remark[modlint-mutable-member]{{'k_' is never "
                 "modified}}\n\n"
                 "// expect-warning@5[modlint-nonatomic-update]{{'++' on 'n_' "
                 "races}}\n");
  EXPECT_TRUE(compare(E, parseFindings(Output)).empty());
}

TEST(Compare, MissingFindingIsReported) {
  auto E = parse("\n// expect-remark[modlint-mutable-member]{{'k_' is never "
                 "modified}}\n\n"
                 "// expect-warning[modlint-nonatomic-update]{{'++' on 'n_' "
                 "races}}\n"
                 "// expect-warning[modlint-field-assignment]{{gone}}\n");
  auto Problems = compare(E, parseFindings(Output));
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("missing"), std::string::npos);
}

TEST(Compare, UnexpectedFindingIsReported) {
  auto E = parse("\n// expect-remark[modlint-mutable-member]{{'k_' is never "
                 "modified}}\n\n");
  auto Problems = compare(E, parseFindings(Output));
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("unexpected"), std::string::npos);
}

TEST(Compare, TruncatedMessageWrongColumnOrLineAreReported) {
  const char *Cases[] = {
      // message cut short
      "\n// expect-remark[modlint-mutable-member]{{'k_' is never "
      "modified}}\n\n// expect-warning[modlint-nonatomic-update]{{'++' on}}\n",
      // wrong column
      "\n// expect-remark[modlint-mutable-member]{{'k_' is never "
      "modified}}\n\n// expect-warning@6[modlint-nonatomic-update]{{'++' on "
      "'n_' races}}\n",
      // right finding on the wrong line
      "\n// expect-remark[modlint-mutable-member]{{'k_' is never "
      "modified}}\n\n\n// expect-warning[modlint-nonatomic-update]{{'++' on "
      "'n_' races}}\n",
  };
  for (const char *Source : Cases)
    EXPECT_EQ(compare(parse(Source), parseFindings(Output)).size(), 2u)
        << Source;
}

TEST(CompareFrontEnds, DifferentNotesOrFindingsAreReported) {
  auto A = parseFindings(Output);
  auto B = A;
  EXPECT_TRUE(compareFrontEnds(A, B).empty());
  B[0].Notes.clear();
  EXPECT_EQ(compareFrontEnds(A, B).size(), 2u);
  B = A;
  B.pop_back();
  EXPECT_EQ(compareFrontEnds(A, B).size(), 1u);
}

TEST(CaseOptions, ReadsOneOptionPerLine) {
  auto O = parseCaseOptions("// modlint-option: ModuleBases=a::B;c::D\n"
                            "// modlint-option: Strict=true\nint x;\n");
  ASSERT_EQ(O.Values.size(), 2u);
  EXPECT_EQ(O.Values[0].first, "ModuleBases");
  EXPECT_EQ(O.Values[0].second, "a::B;c::D");
  EXPECT_EQ(O.Values[1].second, "true");
}

} // namespace
} // namespace modlint::testing
