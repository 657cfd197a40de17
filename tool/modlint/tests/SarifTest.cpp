// SARIF reports, validated with the SARIF Multitool (SARIF and GitHub
// rules), and the CI gate built on them: baselines and --fail-on.
#include "SarifValidation.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;
using llvm::json::Array;
using llvm::json::Object;

const std::string Example = MODLINT_SOURCE_DIR "/examples/chat";

/// Runs modlint in `Dir`, as a CI job would from the repository root.
RunOutput modlintIn(const std::string &Dir, std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"--color=never", "--quiet"});
  return runIn(Dir, MODLINT_BINARY, Args);
}

/// A report, checked to be valid SARIF for code scanning on the way.
llvm::json::Value readValidSarif(const std::string &Path) {
  for (const std::string &Problem : validateSarif(Path))
    ADD_FAILURE() << Problem;
  auto Parsed = llvm::json::parse(readFile(Path));
  if (!Parsed) {
    ADD_FAILURE() << llvm::toString(Parsed.takeError());
    return nullptr;
  }
  return std::move(*Parsed);
}

const Object &run0(const llvm::json::Value &Log) {
  return *(*Log.getAsObject()->getArray("runs"))[0].getAsObject();
}

std::vector<const Object *> results(const llvm::json::Value &Log) {
  std::vector<const Object *> Out;
  for (const auto &R : *run0(Log).getArray("results"))
    Out.push_back(R.getAsObject());
  return Out;
}

/// The results located in `File` (a path relative to the source root):
/// those of the case itself, not of the project headers it includes.
std::vector<const Object *> resultsIn(const llvm::json::Value &Log, llvm::StringRef File) {
  std::vector<const Object *> Out;
  for (const Object *R : results(Log)) {
    const Object *Where = (*R->getArray("locations"))[0].getAsObject()->getObject("physicalLocation");
    if (Where->getObject("artifactLocation")->getString("uri") == File)
      Out.push_back(R);
  }
  return Out;
}

/// A copy of the service tree in a fresh directory, to edit.
std::string copyTree() {
  const std::string Dir = tempDirectory();
  fs::copy(MODLINT_TREE_DIR, Dir, fs::copy_options::recursive);
  return Dir;
}

void prependLines(const std::string &Root) {
  for (const auto &Entry : fs::recursive_directory_iterator(Root)) {
    const std::string Ext = Entry.path().extension().string();
    if (Ext != ".cpp" && Ext != ".hpp")
      continue;
    const std::string Old = readFile(Entry.path().string());
    std::ofstream(Entry.path()) << "// A new header comment.\n\n#include <cstddef>\n" << Old;
  }
}

TEST(Sarif, ExampleTreeReportIsValidAndComplete) {
  const std::string Report = tempFilePath("sarif");
  RunOutput Out = modlintIn(Example, {"-p", ".", "--format", "sarif", "-o", Report});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  EXPECT_EQ(Out.Stdout, "");
  llvm::json::Value Log = readValidSarif(Report);
  ASSERT_NE(Log.getAsObject(), nullptr);
  EXPECT_EQ(Log.getAsObject()->getString("version"), "2.1.0");

  const Object &Run = run0(Log);
  const Object *Driver = Run.getObject("tool")->getObject("driver");
  EXPECT_EQ(Driver->getString("name"), "modlint");
  EXPECT_TRUE(Driver->getString("semanticVersion").has_value());
  // Built without MODLINT_INFORMATION_URI: no link at all, never a
  // placeholder address; each rule's help is embedded instead.
  EXPECT_FALSE(Driver->getString("informationUri").has_value());
  for (const llvm::json::Value &Rule : *Driver->getArray("rules")) {
    EXPECT_FALSE(Rule.getAsObject()->getString("helpUri").has_value());
    EXPECT_TRUE(Rule.getAsObject()->getObject("help")->getString("markdown").has_value());
  }
  // Every rule of the catalogue, fired or not, with its metadata: one per
  // check, sorted by id.
  const Array &Rules = *Driver->getArray("rules");
  std::vector<std::string> Ids;
  for (const auto &Rule : Rules) {
    const Object *R = Rule.getAsObject();
    Ids.push_back(R->getString("id")->str());
    EXPECT_TRUE(R->getObject("shortDescription")->getString("text"));
    EXPECT_TRUE(R->getObject("fullDescription")->getString("text"));
    EXPECT_TRUE(R->getObject("help")->getString("markdown"));
    EXPECT_TRUE(R->getObject("help")->getString("text"));
    EXPECT_TRUE(R->getObject("defaultConfiguration")->getString("level"));
    EXPECT_FALSE(R->getObject("properties")->getArray("tags")->empty());
  }
  std::vector<std::string> Checks;
  std::istringstream Listed(run(MODLINT_BINARY, {"--list-checks"}).Stdout);
  for (std::string Line; std::getline(Listed, Line);)
    Checks.push_back(Line);
  ASSERT_FALSE(Checks.empty());
  EXPECT_EQ(Ids, Checks);

  EXPECT_EQ(Run.getObject("originalUriBaseIds")->getObject("%SRCROOT%")->getString("uri"),
            "file://" + Example + "/");
  auto Results = results(Log);
  EXPECT_EQ(Results.size(), 8u); // four racy members, each written once
  for (const Object *R : Results) {
    const llvm::StringRef Rule = *R->getString("ruleId");
    EXPECT_EQ(*(*Rules[*R->getInteger("ruleIndex")].getAsObject()).getString("id"), Rule);
    const Object *Where = (*R->getArray("locations"))[0].getAsObject()->getObject("physicalLocation");
    EXPECT_EQ(Where->getObject("artifactLocation")->getString("uriBaseId"), "%SRCROOT%");
    EXPECT_FALSE(Where->getObject("artifactLocation")->getString("uri")->starts_with("/"));
    const Object *Region = Where->getObject("region");
    for (const char *Key : {"startLine", "startColumn", "endLine", "endColumn"})
      EXPECT_GT(Region->getInteger(Key).value_or(0), 0) << Key;
    EXPECT_TRUE(R->getObject("partialFingerprints")->getString("modlint/v1"));
    // The member's declaration (or its first unprotected write).
    EXPECT_FALSE(R->getArray("relatedLocations")->empty());
  }
  const Object *Invocation = (*Run.getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(Invocation->getBoolean("executionSuccessful"), true);
}

TEST(Sarif, NolintSuppressedFindingsAreKeptWithASuppression) {
  const std::string Report = tempFilePath("sarif");
  RunOutput Out = modlintIn(MODLINT_SOURCE_DIR, {
      "--format=sarif", "-o", Report, "testdata/nolint/nolint_forms.cpp", "--",
      "-std=c++20", "-Iinclude"});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  llvm::json::Value Log = readValidSarif(Report);
  size_t Suppressed = 0, Open = 0;
  for (const Object *R : resultsIn(Log, "testdata/nolint/nolint_forms.cpp")) {
    if (const Array *S = R->getArray("suppressions")) {
      ++Suppressed;
      EXPECT_EQ((*S)[0].getAsObject()->getString("kind"), "inSource");
    } else {
      ++Open;
    }
  }
  // The case's NOLINT comments silence six findings; three stay open.
  // (legacy_'s member finding is not made at all: its one write is
  // silenced, and one NOLINT covers a race.)
  EXPECT_EQ(Suppressed, 6u);
  EXPECT_EQ(Open, 3u);
}

// The state-escape checks: every finding has its note as a related
// location (the check for check-then-act, the member for an escaping
// reference, each write for global state), and the log validates.
TEST(Sarif, StateEscapeFindingsCarryTheirNotesAsRelatedLocations) {
  const std::vector<std::pair<std::string, std::string>> Cases{
      {"modlint-check-then-act", "testdata/modlint-check-then-act/caches.cpp"},
      {"modlint-escaping-reference", "testdata/modlint-escaping-reference/getters.cpp"},
      {"modlint-global-state", "testdata/modlint-global-state/globals.cpp"}};
  for (const auto &[Check, File] : Cases) {
    const std::string Report = tempFilePath("sarif");
    RunOutput Out = modlintIn(MODLINT_SOURCE_DIR, {"--checks=-*," + Check, "--format=sarif",
                                                   "-o", Report, File, "--", "-std=c++20",
                                                   "-Iinclude", "-Itestdata/include"});
    EXPECT_EQ(Out.ExitCode, 1) << Check << "\n" << Out.Stderr;
    llvm::json::Value Log = readValidSarif(Report);
    const std::vector<const Object *> Found = resultsIn(Log, File);
    EXPECT_GE(Found.size(), 4u) << Check;
    for (const Object *R : Found) {
      EXPECT_EQ(R->getString("ruleId"), Check);
      const Array *Related = R->getArray("relatedLocations");
      ASSERT_NE(Related, nullptr) << Check;
      EXPECT_GE(Related->size(), 1u) << Check;
    }
  }
}

TEST(Sarif, UnitThatDoesNotCompileMakesTheRunIncomplete) {
  const std::string Broken = writeTempFile("cpp", "int f() { return nope; }\n");
  const std::string Report = tempFilePath("sarif");
  RunOutput Out = modlintIn(MODLINT_SOURCE_DIR, {
      "--format=sarif", "-o", Report, Broken,
      "testdata/modlint-field-assignment/plain_assignment.cpp", "--",
      "-std=c++20", "-Iinclude"});
  EXPECT_EQ(Out.ExitCode, 2);
  llvm::json::Value Log = readValidSarif(Report);
  const Object *Invocation = (*run0(Log).getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(Invocation->getBoolean("executionSuccessful"), false);
  const Array *Notes = Invocation->getArray("toolExecutionNotifications");
  ASSERT_NE(Notes, nullptr);
  ASSERT_EQ(Notes->size(), 1u);
  EXPECT_NE(Notes->front().getAsObject()->getObject("message")->getString("text")
                ->find("did not compile"),
            llvm::StringRef::npos);
  // The other unit's findings are all there.
  size_t FromGoodUnit = 0;
  for (const Object *R : resultsIn(Log, "testdata/modlint-field-assignment/plain_assignment.cpp"))
    if (R->getString("ruleId")->starts_with("modlint-"))
      ++FromGoodUnit;
  EXPECT_EQ(FromGoodUnit, 6u); // three members, three assignments
}

TEST(Sarif, FixItsBecomeSarifFixes) {
  const std::string Report = tempFilePath("sarif");
  RunOutput Out = modlintIn(MODLINT_SOURCE_DIR, {
      "--format=sarif", "-o", Report, "tool/modlint/tests/fixits/never_modified.cpp",
      "--", "-std=c++20", "-Iinclude"});
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stderr;
  llvm::json::Value Log = readValidSarif(Report);
  size_t WithFix = 0;
  for (const Object *R : resultsIn(Log, "tool/modlint/tests/fixits/never_modified.cpp")) {
    EXPECT_EQ(R->getString("level"), "note");
    const Array *Fixes = R->getArray("fixes");
    ASSERT_NE(Fixes, nullptr);
    const Object *Change = (*(*Fixes)[0].getAsObject()->getArray("artifactChanges"))[0].getAsObject();
    const Object *Edit = (*Change->getArray("replacements"))[0].getAsObject();
    EXPECT_EQ(Edit->getObject("insertedContent")->getString("text"), "const ");
    ++WithFix;
  }
  EXPECT_EQ(WithFix, 9u);
}

TEST(Baseline, SurvivesLinesAddedAboveAndCatchesANewRace) {
  const std::string Tree = copyTree();
  const std::string Base = Tree + "/base.sarif";
  RunOutput First = modlintIn(Tree, {"-p", ".", "--format=sarif", "-o", Base});
  EXPECT_EQ(First.ExitCode, 1);
  const llvm::json::Value BaseLog = readValidSarif(Base);
  const size_t Before = results(BaseLog).size();
  ASSERT_GT(Before, 5u);

  // Lines added at the top of every file move every finding down.
  prependLines(Tree);
  const std::string Moved = Tree + "/moved.sarif";
  RunOutput Second = modlintIn(Tree, {"-p", ".", "--baseline", Base,
                                      "--format=sarif", "-o", Moved});
  EXPECT_EQ(Second.ExitCode, 0) << Second.Stderr;
  llvm::json::Value MovedLog = readValidSarif(Moved);
  EXPECT_EQ(results(MovedLog).size(), Before);
  for (const Object *R : results(MovedLog))
    EXPECT_EQ(R->getString("baselineState"), "unchanged")
        << R->getObject("message")->getString("text")->str();

  // One new racy member: exactly its findings are new.
  {
    std::ofstream Billing(Tree + "/good/billing.cpp", std::ios::app);
    Billing << "\nclass Audit : public svc::Handler {\n  long calls_ = 0;\n\n"
               "public:\n  void call() { ++calls_; }\n};\n";
  }
  const std::string Grown = Tree + "/grown.sarif";
  RunOutput Third = modlintIn(Tree, {"-p", ".", "--baseline", Base,
                                     "--format=sarif", "-o", Grown});
  EXPECT_EQ(Third.ExitCode, 1);
  std::multiset<std::string> New;
  const llvm::json::Value GrownLog = readValidSarif(Grown);
  for (const Object *R : results(GrownLog))
    if (R->getString("baselineState") == "new")
      New.insert(R->getString("ruleId")->str() + " " +
                 R->getObject("message")->getString("text")->substr(0, 12).str());
  EXPECT_EQ(New, (std::multiset<std::string>{"modlint-mutable-member 'calls_' is ",
                                             "modlint-nonatomic-update '++' on 'cal"}));

  // The text report against the baseline shows only the new findings.
  RunOutput Text = modlintIn(Tree, {"-p", ".", "--baseline", Base});
  EXPECT_EQ(countOccurrences(Text.Stdout, "warning: "), 2u) << Text.Stdout;
}

TEST(Baseline, FixedFindingsAreAbsent) {
  const std::string Tree = copyTree();
  const std::string Base = Tree + "/base.sarif";
  modlintIn(Tree, {"-p", ".", "--format=sarif", "-o", Base});
  // Make the session handler's member atomic-free and request-local.
  std::ofstream(Tree + "/bad/sessions.cpp")
      << "#include <string>\n#include <svc/handler.hpp>\n#include "
         "<svc/shared_cache.hpp>\n\nclass Sessions : public svc::Handler {\n"
         "public:\n  std::string login(const std::string &user) const { return user; }\n};\n";
  const std::string Next = Tree + "/next.sarif";
  RunOutput Out = modlintIn(Tree, {"-p", ".", "--baseline", Base, "--format=sarif", "-o", Next});
  EXPECT_EQ(Out.ExitCode, 0);
  std::set<std::string> Absent;
  const llvm::json::Value NextLog = readValidSarif(Next);
  for (const Object *R : results(NextLog))
    if (R->getString("baselineState") == "absent")
      Absent.insert(R->getString("ruleId")->str());
  EXPECT_EQ(Absent, (std::set<std::string>{"modlint-field-assignment",
                                           "modlint-mutable-member"}));
}

TEST(Baseline, SomethingElseIsAnInputError) {
  const std::string Json = writeTempFile("json", "{\"version\": 1, \"findings\": []}");
  RunOutput Out = modlintIn(MODLINT_TREE_DIR, {"-p", ".", "good", "--baseline", Json});
  EXPECT_EQ(Out.ExitCode, 2);
  EXPECT_NE(Out.Stderr.find("is not a SARIF log written by modlint"), std::string::npos)
      << Out.Stderr;
  RunOutput Missing = modlintIn(MODLINT_TREE_DIR, {"-p", ".", "good", "--baseline", "/nonexistent.sarif"});
  EXPECT_EQ(Missing.ExitCode, 2);
  EXPECT_NE(Missing.Stderr.find("cannot read baseline"), std::string::npos);
}

TEST(Gate, FailOnChoosesTheLowestLevelThatFails) {
  const std::string Suggestions = "tool/modlint/tests/fixits/never_modified.cpp";
  const std::string Warnings = "testdata/modlint-field-assignment/plain_assignment.cpp";
  auto Exit = [&](const std::string &File, const std::string &Level) {
    std::vector<std::string> Args{File, "--", "-std=c++20", "-Iinclude"};
    if (!Level.empty())
      Args.insert(Args.begin(), "--fail-on=" + Level);
    return modlintIn(MODLINT_SOURCE_DIR, Args).ExitCode;
  };
  EXPECT_EQ(Exit(Suggestions, ""), 0);
  EXPECT_EQ(Exit(Suggestions, "suggestion"), 1);
  // "note" names only the notes attached to a finding, never a level.
  EXPECT_EQ(Exit(Suggestions, "note"), 2);
  EXPECT_EQ(Exit(Warnings, ""), 1);
  EXPECT_EQ(Exit(Warnings, "warning"), 1);
  EXPECT_EQ(Exit(Warnings, "error"), 0);
  EXPECT_EQ(Exit(Warnings, "none"), 0);
  EXPECT_EQ(Exit(Warnings, "sometimes"), 2);
}

TEST(Github, AnnotationsAreWorkflowCommands) {
  RunOutput Out = modlintIn(MODLINT_TREE_DIR, {"-p", ".", "bad/sessions.cpp", "--format=github"});
  EXPECT_EQ(Out.ExitCode, 1);
  EXPECT_NE(Out.Stdout.find(
                "::warning file=bad/sessions.cpp,line=9,col=41,endLine=9,endColumn=60,"
                "title=modlint-field-assignment::assignment to 'currentUser_' writes state "
                "that every request to 'Sessions' shares; "),
            std::string::npos)
      << Out.Stdout;
  // The unit's two findings and the two of the header it includes (the
  // member, and its insertion through operator[]), one command per line.
  EXPECT_EQ(countOccurrences(Out.Stdout, "::warning file="), 4u);
  EXPECT_EQ(countOccurrences(Out.Stdout, "\n"), 4u);
  EXPECT_NE(Out.Stdout.find("::warning file=include/svc/shared_cache.hpp,line=12,col=58,"
                            "endLine=12,endColumn=69,title=modlint-container-mutation::"),
            std::string::npos);
}

} // namespace
} // namespace modlint::testing
