// Runs every annotated input under testdata/ through both front-ends, the
// `modlint` command and clang-tidy with the plugin, and requires that
//  - both report exactly the same findings, notes included, and
//  - the findings are exactly the expectations written in the input: each
//    expected finding on its line, and nothing on any other line.
#include "Expectations.h"
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string Path; // absolute
  std::string Name; // relative to testdata/, for the test name
};

void PrintTo(const Case &C, std::ostream *OS) { *OS << C.Name; }

std::vector<Case> discoverCases() {
  std::vector<Case> Cases;
  const fs::path Root(MODLINT_TESTDATA_DIR);
  for (const auto &Entry : fs::recursive_directory_iterator(Root)) {
    if (!Entry.is_regular_file() || Entry.path().extension() != ".cpp")
      continue;
    const fs::path Relative = fs::relative(Entry.path(), Root);
    if (*Relative.begin() == "runner")
      continue;
    Cases.push_back({Entry.path().string(), Relative.string()});
  }
  std::sort(Cases.begin(), Cases.end(),
            [](const Case &A, const Case &B) { return A.Name < B.Name; });
  return Cases;
}

std::string normalise(const std::string &Path) {
  return fs::weakly_canonical(fs::path(Path)).string();
}

/// The input and the project headers it includes with quotes, which may
/// carry expectations of their own.
std::vector<std::string> filesOfCase(const std::string &Path) {
  static const std::regex Include(R"(^\s*#\s*include\s*\"([^\"]+)\")");
  std::vector<std::string> Files{normalise(Path)};
  std::set<std::string> Seen(Files.begin(), Files.end());
  for (size_t I = 0; I < Files.size(); ++I) {
    const fs::path Dir = fs::path(Files[I]).parent_path();
    std::istringstream Source(readFile(Files[I]));
    for (std::string Line; std::getline(Source, Line);) {
      std::smatch Match;
      if (!std::regex_search(Line, Match, Include))
        continue;
      const fs::path Candidate = Dir / Match[1].str();
      if (fs::exists(Candidate) &&
          Seen.insert(normalise(Candidate.string())).second)
        Files.push_back(normalise(Candidate.string()));
    }
  }
  return Files;
}

std::vector<std::string> compilerArgs() {
  return {"-std=c++20", "-I" MODLINT_REPO_INCLUDE_DIR,
          "-I" MODLINT_TESTDATA_DIR "/include"};
}

std::vector<std::string> splitList(const std::string &Value) {
  std::vector<std::string> Parts;
  std::stringstream Stream(Value);
  for (std::string Part; std::getline(Stream, Part, ';');)
    if (!Part.empty())
      Parts.push_back(Part);
  return Parts;
}

RunOutput runModlint(const Case &C, const CaseOptions &Options) {
  // The repository is the project: findings in its headers (the runtime's,
  // included by some cases) are reported and must be expected.
  // No cache: this compares the analyses themselves.
  std::vector<std::string> Args{"--color=never", "--quiet", "--no-cache",
                                "--project-root=" MODLINT_SOURCE_DIR};
  for (const auto &[Key, Value] : Options.Values) {
    const char *Flag = Key == "ModuleBases"   ? "--module-base="
                       : Key == "SafeTypes"   ? "--safe-type="
                       : Key == "InitMethods" ? "--init-method="
                                              : nullptr;
    if (Flag) {
      for (const std::string &Part : splitList(Value))
        Args.push_back(Flag + Part);
    } else if (Key == "Strict" && Value == "true") {
      Args.push_back("--strict");
    } else {
      ADD_FAILURE() << "unknown modlint-option " << Key;
    }
  }
  Args.push_back(C.Path);
  Args.push_back("--");
  for (const std::string &Arg : compilerArgs())
    Args.push_back(Arg);
  return run(MODLINT_BINARY, Args);
}

RunOutput runClangTidy(const Case &C, const CaseOptions &Options) {
  std::string Config = "{CheckOptions: {";
  for (const auto &[Key, Value] : Options.Values)
    Config += Key + ": '" + Value + "', ";
  Config += "}}";
  std::vector<std::string> Args{
      "--load=" MODLINT_PLUGIN, "--checks=-*,modlint-*",
      "--header-filter=^" MODLINT_SOURCE_DIR "/", "--config=" + Config,
      "--quiet", C.Path, "--"};
  for (const std::string &Arg : compilerArgs())
    Args.push_back(Arg);
  return run(MODLINT_CLANG_TIDY, Args);
}

/// The front-ends spell a header's path as the include did (`a/../b.h`);
/// compare them by the file they name.
std::vector<Finding> findingsOf(const RunOutput &Output) {
  static const std::regex NotePlace(R"(^(.+?)(:\d+:\d+: .*)$)");
  std::vector<Finding> Findings = parseFindings(Output.Stdout);
  for (Finding &F : Findings) {
    F.File = normalise(F.File);
    for (std::string &Note : F.Notes) {
      std::smatch Match;
      if (std::regex_match(Note, Match, NotePlace))
        Note = normalise(Match[1]) + Match[2].str();
    }
  }
  return Findings;
}

class TestdataCase : public ::testing::TestWithParam<Case> {};

TEST_P(TestdataCase, BothFrontEndsReportExactlyTheExpectedFindings) {
  const Case &C = GetParam();
  const std::string Source = readFile(C.Path);
  const CaseOptions Options = parseCaseOptions(Source);

  std::vector<std::string> Malformed;
  std::vector<Expectation> Expected;
  for (const std::string &File : filesOfCase(C.Path)) {
    auto More = parseExpectations(File, readFile(File), Malformed);
    Expected.insert(Expected.end(), More.begin(), More.end());
  }
  for (const std::string &Problem : Malformed)
    ADD_FAILURE() << Problem;

  const RunOutput Cli = runModlint(C, Options);
  const RunOutput Tidy = runClangTidy(C, Options);
  const std::vector<Finding> CliFindings = findingsOf(Cli);
  const std::vector<Finding> TidyFindings = findingsOf(Tidy);

  // The exit code says whether warnings were found; it must agree with
  // what was printed.
  const bool AnyWarning =
      std::any_of(CliFindings.begin(), CliFindings.end(),
                  [](const Finding &F) { return F.Level != "remark"; });
  EXPECT_EQ(Cli.ExitCode, AnyWarning ? 1 : 0) << Cli.Stdout << Cli.Stderr;
  EXPECT_EQ(Tidy.ExitCode, 0) << Tidy.Stderr;

  for (const std::string &Problem : compareFrontEnds(CliFindings, TidyFindings))
    ADD_FAILURE() << Problem;
  for (const std::string &Problem : compare(Expected, CliFindings))
    ADD_FAILURE() << Problem;
}

std::string testName(const ::testing::TestParamInfo<Case> &Info) {
  std::string Name = Info.param.Name;
  for (char &Ch : Name)
    if (!std::isalnum(static_cast<unsigned char>(Ch)))
      Ch = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Testdata, TestdataCase,
                         ::testing::ValuesIn(discoverCases()), testName);

} // namespace
} // namespace modlint::testing
