// The rule catalogue is the single source of rule text, so it must agree
// with the checks and the docs: one entry per registered check, each bad
// example reported by its check and each good one silent, and each docs page
// quoting its entry's summary and examples verbatim.
#include "catalog/RuleCatalog.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"

#include <set>
#include <sstream>

namespace modlint::testing {
namespace {

std::vector<Rule> rules() {
  auto Loaded = loadRules(MODLINT_RULES_DIR);
  if (!Loaded) {
    ADD_FAILURE() << llvm::toString(Loaded.takeError());
    return {};
  }
  return std::move(*Loaded);
}

/// Lints `Code` as a file of its own with the given checks.
RunOutput lint(const std::string &Code, const std::string &Checks) {
  const std::string Path = writeTempFile("cpp", Code);
  RunOutput Result = run(MODLINT_BINARY, {"--color=never", "--quiet",
                                          "--checks=" + Checks, Path, "--",
                                          "-std=c++20", "-I" MODLINT_REPO_INCLUDE_DIR});
  llvm::sys::fs::remove(Path);
  return Result;
}

TEST(Rules, OneEntryPerRegisteredCheck) {
  std::set<std::string> Ids;
  for (const Rule &R : rules())
    EXPECT_TRUE(Ids.insert(R.Id).second) << "duplicate rule " << R.Id;
  RunOutput Listed = run(MODLINT_BINARY, {"--list-checks"});
  ASSERT_EQ(Listed.ExitCode, 0) << Listed.Stderr;
  std::set<std::string> Checks;
  std::istringstream Lines(Listed.Stdout);
  for (std::string Line; std::getline(Lines, Line);)
    if (!Line.empty())
      Checks.insert(Line);
  EXPECT_FALSE(Checks.empty());
  EXPECT_EQ(Ids, Checks);
}

TEST(Rules, MalformedEntriesAreRejected) {
  EXPECT_FALSE(static_cast<bool>(parseRule("id: x\nlevel: loud\nsummary: s\n"
                                           "rationale: r\nbad: b\ngood: g\n",
                                           "x.yaml")));
  EXPECT_FALSE(static_cast<bool>(parseRule("id: x\nlevel: warning\n", "x.yaml")));
  EXPECT_FALSE(static_cast<bool>(
      parseRule("id: x\nlevel: warning\nsummary: s\nrationale: r\nbad: b\n"
                "good: g\ncolour: red\n",
                "x.yaml")));
}

} // namespace
} // namespace modlint::testing

namespace modlint {
// Test names and failures name the rule, not its bytes.
void PrintTo(const Rule &R, std::ostream *OS) { *OS << R.Id; }
} // namespace modlint

namespace modlint::testing {
namespace {

class RuleExample : public ::testing::TestWithParam<Rule> {};

TEST_P(RuleExample, BadExampleIsReportedByItsCheck) {
  const Rule &R = GetParam();
  RunOutput Out = lint(R.Bad, "-*," + R.Id);
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stdout << Out.Stderr;
  EXPECT_NE(Out.Stdout.find("warning: "), std::string::npos) << Out.Stdout;
  EXPECT_NE(Out.Stdout.find("[" + R.Id + "]"), std::string::npos) << Out.Stdout;
}

TEST_P(RuleExample, GoodExampleIsSilentForEveryCheck) {
  RunOutput Out = lint(GetParam().Good, "modlint-*");
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stderr;
  EXPECT_EQ(Out.Stdout, "");
}

TEST_P(RuleExample, DocsPageQuotesTheRule) {
  const Rule &R = GetParam();
  const std::string Page =
      readFile(std::string(MODLINT_DOCS_DIR) + "/checks/" + R.Id + ".md");
  ASSERT_FALSE(Page.empty()) << "docs/checks/" << R.Id << ".md is missing";
  EXPECT_NE(Page.find(R.Summary), std::string::npos) << "summary";
  EXPECT_NE(Page.find(R.Bad), std::string::npos) << "bad example";
  EXPECT_NE(Page.find(R.Good), std::string::npos) << "good example";
}

std::string ruleName(const ::testing::TestParamInfo<Rule> &Info) {
  std::string Name = Info.param.Id;
  for (char &C : Name)
    if (C == '-')
      C = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, RuleExample, ::testing::ValuesIn(rules()),
                         ruleName);

} // namespace
} // namespace modlint::testing
