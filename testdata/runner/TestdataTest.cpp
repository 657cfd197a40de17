// Runs every annotated input under testdata/ with the checks it names,
// through both front-ends (the `modlint` command and clang-tidy with the
// plugin) and as the shared precompiled prefix of two units, and requires
// that
//  - both report exactly the same findings, notes included;
//  - the findings are exactly the expectations written in the input: each
//    expected finding on its line and column, and nothing on any other line;
//  - every message's full text is pinned, once in all of testdata/;
//  - parsed as a shared precompiled prefix of two units, the input gives
//    the same findings as parsed plainly, so a check that declares its
//    findings per body when they are not fails here.
#include "CaseRuns.h"
#include "options/CheckOptions.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// What a case says, and what is wrong with what it says.
struct CaseInputs {
  CaseSettings Settings;
  std::vector<Expectation> Expected;
  std::vector<std::string> Problems;
};

CaseInputs readCase(const Case &C) {
  CaseInputs In;
  In.Settings = parseCaseSettings(readFile(C.Path));
  if (In.Settings.Checks.empty())
    In.Problems.push_back(C.Name + ": no '// modlint-checks: CHECK-ID, ...' line");
  for (const auto &[Key, Value] : In.Settings.Options)
    if (!findCheckOption(Key))
      In.Problems.push_back(C.Name + ": modlint-option " + Key + " is no check option");
  for (const std::string &File : filesOfCase(C.Path)) {
    auto More = parseExpectations(File, readFile(File), In.Problems);
    In.Expected.insert(In.Expected.end(), More.begin(), More.end());
  }
  for (const Expectation &E : In.Expected) {
    if (std::find(In.Settings.Checks.begin(), In.Settings.Checks.end(), E.Check) ==
        In.Settings.Checks.end())
      In.Problems.push_back(E.str() + ": the case does not run " + E.Check);
    if (!E.Race.empty() && std::find(In.Settings.Races.begin(), In.Settings.Races.end(),
                                     E.Race) == In.Settings.Races.end())
      In.Problems.push_back(E.str() + ": " + E.Race + " is not in the case's modlint-races");
  }
  // A race with nothing expected of it would pass whether or not it is
  // found.
  for (const std::string &Race : In.Settings.Races)
    if (std::none_of(In.Expected.begin(), In.Expected.end(),
                     [&](const Expectation &E) { return E.Race == Race; }))
      In.Problems.push_back(C.Name + ": race " + Race + " expects no finding");
  return In;
}

/// Every whole-message expectation in testdata/ (and the headers its cases
/// include), by message shape: where each is pinned.
const std::map<std::string, std::vector<std::string>> &pins() {
  static const std::map<std::string, std::vector<std::string>> Pins = [] {
    std::set<std::string> Files;
    for (const Case &C : discoverCases())
      for (const std::string &File : filesOfCase(C.Path))
        Files.insert(File);
    std::map<std::string, std::vector<std::string>> Found;
    std::vector<std::string> Ignored;
    for (const std::string &File : Files)
      for (const Expectation &E : parseExpectations(File, readFile(File), Ignored))
        if (E.Whole)
          Found[messageShape(E.Check, E.Message)].push_back(E.str());
    return Found;
  }();
  return Pins;
}

std::set<std::string> pinnedShapes() {
  std::set<std::string> Shapes;
  for (const auto &[Shape, Places] : pins())
    Shapes.insert(Shape);
  return Shapes;
}

bool anyWarning(const std::vector<Finding> &Findings) {
  return std::any_of(Findings.begin(), Findings.end(),
                     [](const Finding &F) { return F.Level != "remark"; });
}

class TestdataCase : public ::testing::TestWithParam<Case> {};

TEST_P(TestdataCase, EveryRunReportsExactlyTheExpectedFindings) {
  const CaseInputs In = readCase(GetParam());
  for (const std::string &Problem : In.Problems)
    ADD_FAILURE() << Problem;

  const RunOutput Cli = runModlint(GetParam(), In.Settings);
  const RunOutput Tidy = runClangTidy(GetParam(), In.Settings);
  const RunOutput OnPrefix = runOnSharedPrefix(GetParam(), In.Settings);
  const std::vector<Finding> CliFindings = findingsOf(Cli);
  const std::vector<Finding> TidyFindings = findingsOf(Tidy);
  const std::vector<Finding> PrefixFindings = findingsOf(OnPrefix);

  // The exit code says whether warnings were found; it must agree with
  // what was printed.
  EXPECT_EQ(Cli.ExitCode, anyWarning(CliFindings) ? 1 : 0) << Cli.Stdout << Cli.Stderr;
  EXPECT_EQ(Tidy.ExitCode, 0) << Tidy.Stderr;
  EXPECT_EQ(OnPrefix.ExitCode, anyWarning(PrefixFindings) ? 1 : 0) << OnPrefix.Stderr;
  const char *PrefixStats = In.Settings.Precompiles
                                ? "2 of them on 1 shared precompiled prefix, 0 parsed again"
                                : "0 of them on 0 shared precompiled prefixes";
  EXPECT_NE(OnPrefix.Stderr.find(PrefixStats), std::string::npos)
      << "expected '" << PrefixStats << "' from the shared-prefix run:\n" << OnPrefix.Stderr;

  for (const std::string &Problem : compareRuns(CliFindings, "modlint", TidyFindings, "clang-tidy"))
    ADD_FAILURE() << Problem;
  for (const std::string &Problem :
       compareRuns(CliFindings, "a plain parse", PrefixFindings, "a shared prefix"))
    ADD_FAILURE() << Problem;
  for (const std::string &Problem : compare(expectedIn(In.Expected, ""), CliFindings))
    ADD_FAILURE() << Problem;
  for (const std::string &Problem : unpinned(CliFindings, pinnedShapes()))
    ADD_FAILURE() << Problem;
}

TEST_P(TestdataCase, EachRaceReintroducedAloneIsFoundByBothFrontEnds) {
  const CaseInputs In = readCase(GetParam());
  for (const std::string &Race : In.Settings.Races) {
    SCOPED_TRACE("built with -D" + Race);
    const RunOutput Cli = runModlint(GetParam(), In.Settings, Race);
    const RunOutput Tidy = runClangTidy(GetParam(), In.Settings, Race);
    const std::vector<Finding> CliFindings = findingsOf(Cli);
    EXPECT_EQ(Cli.ExitCode, 1) << Cli.Stdout << Cli.Stderr;
    EXPECT_EQ(Tidy.ExitCode, 0) << Tidy.Stderr;
    for (const std::string &Problem :
         compareRuns(CliFindings, "modlint", findingsOf(Tidy), "clang-tidy"))
      ADD_FAILURE() << Problem;
    for (const std::string &Problem : compare(expectedIn(In.Expected, Race), CliFindings))
      ADD_FAILURE() << Problem;
  }
}

// Where a peer covers part of a case, what it finds on the same input is
// recorded in the case beside modlint's expectations: a line with only one
// of the two is a difference the check's page names.
TEST_P(TestdataCase, ThePeerCheckFindsWhatTheCaseRecords) {
  const CaseInputs In = readCase(GetParam());
  if (In.Settings.Peers.empty())
    return;
  const RunOutput Peer = runPeers(GetParam(), In.Settings);
  EXPECT_EQ(Peer.ExitCode, 0) << Peer.Stderr;
  const std::vector<Expectation> Recorded =
      parsePeerFindings(filesOfCase(GetParam().Path).front(), readFile(GetParam().Path));
  for (const std::string &Problem : compare(Recorded, findingsOf(Peer)))
    ADD_FAILURE() << "peer: " << Problem;
}

TEST(MessagePins, EachMessageIsPinnedWholeOnce) {
  ASSERT_FALSE(pins().empty());
  for (const auto &[Shape, Places] : pins())
    if (Places.size() > 1) {
      std::string Where;
      for (const std::string &Place : Places)
        Where += "\n  " + Place;
      ADD_FAILURE() << "pinned " << Places.size() << " times; keep one, name a part elsewhere:"
                    << Where;
    }
}

std::string testName(const ::testing::TestParamInfo<Case> &Info) {
  std::string Name = Info.param.Name;
  for (char &Ch : Name)
    if (!std::isalnum(static_cast<unsigned char>(Ch)))
      Ch = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Testdata, TestdataCase, ::testing::ValuesIn(discoverCases()), testName);

} // namespace
} // namespace modlint::testing
