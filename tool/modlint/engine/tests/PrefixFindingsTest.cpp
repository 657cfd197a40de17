// A shared prefix's findings are worked out once: the prefix's own parse
// checks the bodies whose findings every unit shares, and a unit parsed on
// the prefix checks everything else. Together they are the unit's plain
// findings.
#include "config/Config.h"
#include "engine/prefix/IncludeExpansion.h"
#include "engine/prefix/LeadingIncludes.h"
#include "engine/prefix/SharedPrefix.h"
#include "Subprocess.h"
#include "engine/UnitParse.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

#include <fstream>
#include <set>

namespace modlint {
namespace {

// One of each kind of body: an ordinary member function (shared), a
// template's (looked at per unit), and members whose verdict needs every
// member function of the unit (mutable-member, per unit).
const char *const SharedHeader = R"(#pragma once
#include <modrt/module.hpp>
#include <vector>
namespace app {
class Counter : public modrt::Module {
  int count_ = 0;
public:
  void bump() { ++count_; }
};
template <typename T>
class Queue : public modrt::Module {
  std::vector<T> items_;
public:
  void push(const T &t) { items_.push_back(t); }
};
}
)";

const char *const Unit = R"(#include <vector>
#include <app/shared.hpp>

class Local : public modrt::Module {
  int n_ = 0;
public:
  void set() { n_ = 1; }
};
)";

class PrefixFindings : public ::testing::Test {
protected:
  void SetUp() override {
    Root = testing::tempDirectory();
    ASSERT_TRUE(llvm::sys::fs::is_directory(Root));
    ASSERT_FALSE(llvm::sys::fs::create_directories(Root + "/include/app"));
    ASSERT_FALSE(llvm::sys::fs::create_directories(Root + "/src"));
    std::ofstream(Root + "/include/app/shared.hpp") << SharedHeader;
    addUnits(Unit);
  }

  /// Units a.cpp and b.cpp with the text `Text`.
  /// Units a.cpp and b.cpp of `Text`; their lines read through the
  /// project headers, as the runner reads them, unless not `Expanded`.
  void addUnits(const std::string &Text, bool Expanded = true) {
    Jobs.clear();
    Includes.clear();
    for (const char *Name : {"a", "b"}) {
      const std::string File = Root + "/src/" + Name + ".cpp";
      std::ofstream(File) << Text;
      LintJob Job;
      Job.File = File;
      Job.ProjectRoot = Root;
      Job.Options = EffectiveConfig().tidyOptions();
      Job.Command = clang::tooling::CompileCommand(
          Root, File,
          {"c++", "-std=c++20", "-I" + Root + "/include",
           std::string("-I") + MODLINT_SOURCE_DIR + "/include", File},
          "");
      Jobs.push_back(Job);
      Includes.push_back(Expanded ? expandedLeadingIncludes(Job, Text) : leadingIncludes(Text));
    }
  }
  /// Plans and precompiles the prefix of a.cpp and b.cpp.
  void precompile(BuiltPrefix &Built, PrefixPlan &Plan, size_t Links) {
    Plan = planSharedPrefixes(Jobs, {true, true}, Includes);
    ASSERT_EQ(Plan.Prefixes.size(), 1u);
    ASSERT_EQ(Plan.Prefixes[0].Users, (std::vector<size_t>{0, 1}));
    ASSERT_EQ(Plan.Prefixes[0].Links.size(), Links);
    Built.Prefix = &Plan.Prefixes[0];
    for (size_t L = 0; L < Links; ++L)
      Built.PchPaths.push_back(Root + "/prefix-" + std::to_string(L) + ".pch");
    precompilePrefix(Built);
    ASSERT_TRUE(Built.Built);
  }

  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  /// "file:line check" for each finding.
  static std::set<std::string> places(const UnitFindings &Findings) {
    std::set<std::string> Out;
    for (const clang::tidy::ClangTidyError &E : Findings.Diagnostics) {
      auto Text = llvm::MemoryBuffer::getFile(E.Message.FilePath);
      if (!Text) {
        ADD_FAILURE() << "cannot read " << E.Message.FilePath;
        continue;
      }
      const size_t Line =
          1 + llvm::StringRef((*Text)->getBuffer()).take_front(E.Message.FileOffset).count('\n');
      Out.insert((llvm::sys::path::filename(E.Message.FilePath) + ":" + llvm::Twine(Line) +
                  " " + E.DiagnosticName)
                     .str());
    }
    return Out;
  }

  std::string Root;
  std::vector<LintJob> Jobs;
  std::vector<std::vector<IncludeLine>> Includes;
};

TEST_F(PrefixFindings, AreWorkedOutOnceAndAddUpToThePlainParse) {
  // <vector>, then the project's header on top of it.
  PrefixPlan Plan;
  BuiltPrefix Built;
  ASSERT_NO_FATAL_FAILURE(precompile(Built, Plan, 2));

  // The prefix: the ordinary member function's finding only.
  EXPECT_EQ(places(Built.Findings),
            (std::set<std::string>{"shared.hpp:8 modlint-nonatomic-update"}));

  // A unit on it: everything else, and not that finding again.
  const std::set<std::string> Own{
      "shared.hpp:6 modlint-mutable-member",       "shared.hpp:12 modlint-mutable-member",
      "shared.hpp:14 modlint-container-mutation", "a.cpp:5 modlint-mutable-member",
      "a.cpp:7 modlint-field-assignment"};
  const ParsedUnit OnPrefix = parseUnit(Jobs[0], &Built);
  ASSERT_TRUE(OnPrefix.OnPrefix);
  ASSERT_TRUE(OnPrefix.Compiled);
  EXPECT_EQ(places(OnPrefix.Own), Own);

  // Parsed plainly, the unit finds exactly both.
  const ParsedUnit Plain = parseUnit(Jobs[0], nullptr);
  ASSERT_FALSE(Plain.OnPrefix);
  std::set<std::string> Both = Own;
  Both.insert("shared.hpp:8 modlint-nonatomic-update");
  EXPECT_EQ(places(Plain.Own), Both);
}

// A project header named like a standard one lands in the first link; the
// link on top of it leaves that header's bodies to it, so each shared
// finding is worked out, and reported, once.
TEST_F(PrefixFindings, ALinkLeavesTheBodiesOfTheLinkBelowToIt) {
  std::ofstream(Root + "/include/stats") << R"(#pragma once
#include <modrt/module.hpp>
class Stats : public modrt::Module {
  long hits_ = 0;
public:
  void hit() { hits_ += 1; }
};
)";
  // The lines as the units spell them: read through the headers, the
  // first would be <stats>'s own first include.
  addUnits("#include <stats>\n#include <app/shared.hpp>\n", /*Expanded=*/false);
  PrefixPlan Plan;
  BuiltPrefix Built;
  ASSERT_NO_FATAL_FAILURE(precompile(Built, Plan, 2));
  std::multiset<std::string> Found;
  for (const clang::tidy::ClangTidyError &E : Built.Findings.Diagnostics)
    Found.insert(llvm::sys::path::filename(E.Message.FilePath).str() + " " + E.DiagnosticName);
  EXPECT_EQ(Found, (std::multiset<std::string>{"stats modlint-nonatomic-update",
                                               "shared.hpp modlint-nonatomic-update"}));
}

} // namespace
} // namespace modlint
