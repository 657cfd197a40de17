// Which include lines a unit starts with, and which units share them.
#include "engine/prefix/LeadingIncludes.h"
#include "engine/prefix/SharedPrefix.h"

#include "gtest/gtest.h"

namespace modlint {
namespace {

std::vector<std::string> directives(llvm::StringRef Text) {
  std::vector<std::string> Out;
  for (const IncludeLine &Line : leadingIncludes(Text))
    Out.push_back(Line.Directive);
  return Out;
}

TEST(LeadingIncludes, CommentsAndBlankLinesBetweenIncludes) {
  EXPECT_EQ(directives("// licence\n/* more\n   licence */\n\n#include <vector>\n"
                       "  #  include \"a.h\"\r\n/* x */\n#include <map>\nint x;\n#include <set>\n"),
            (std::vector<std::string>{"#include <vector>", "#  include \"a.h\"", "#include <map>"}));
}

TEST(LeadingIncludes, StopsAtAnythingThatIsNotAPlainInclude) {
  EXPECT_EQ(directives("#include <a>\n#define X 1\n#include <b>\n"),
            std::vector<std::string>{"#include <a>"});
  EXPECT_EQ(directives("#include <a>\n#include <b> // NOLINT\n"),
            std::vector<std::string>{"#include <a>"});
  EXPECT_EQ(directives("#include <a>\n#include MACRO\n"), std::vector<std::string>{"#include <a>"});
  EXPECT_EQ(directives("#pragma once\n#include <a>\n"), std::vector<std::string>{});
  EXPECT_EQ(directives("#include <a> /* open\n#include <b>\n"), std::vector<std::string>{});
  EXPECT_EQ(directives("// NOLINTBEGIN\n#include <a>\n"), std::vector<std::string>{});
}

TEST(LeadingIncludes, BlankingKeepsEveryOtherByteInPlace) {
  const std::string Text = "// c\n#include <vector>\r\n#include \"a.h\"\nint x;\n";
  const std::string Blanked = blankLines(Text, leadingIncludes(Text), 1);
  ASSERT_EQ(Blanked.size(), Text.size());
  EXPECT_EQ(Blanked, "// c\n                 \r\n#include \"a.h\"\nint x;\n");
}

LintJob job(const std::string &File, std::vector<std::string> Args = {"c++", "-std=c++20", "-Iinclude"}) {
  LintJob Job;
  Job.File = "/p/src/" + File;
  Job.ProjectRoot = "/p";
  Args.push_back("src/" + File);
  Job.Command = clang::tooling::CompileCommand("/p", "src/" + File, Args, "");
  return Job;
}

std::vector<IncludeLine> lines(std::initializer_list<const char *> Headers) {
  std::vector<IncludeLine> Out;
  for (const char *H : Headers)
    Out.push_back({std::string("#include ") + H, 0, 0});
  return Out;
}

TEST(SharedPrefix, ManyUnitsShareTheirHeavyHeadersNotTheirLastProjectHeader) {
  std::vector<LintJob> Jobs;
  std::vector<std::vector<IncludeLine>> Includes;
  for (int I = 0; I < 6; ++I) {
    Jobs.push_back(job("u" + std::to_string(I) + ".cpp"));
    const char *Last[] = {"<a.hpp>", "<b.hpp>", "<c.hpp>"};
    Includes.push_back(lines({"<map>", "<string>", Last[I % 3]}));
  }
  // A unit with other headers, and one whose command differs, share nothing.
  Jobs.push_back(job("other.cpp"));
  Includes.push_back(lines({"<vector>"}));
  Jobs.push_back(job("flags.cpp", {"c++", "-std=c++17", "-Iinclude"}));
  Includes.push_back(lines({"<map>", "<string>"}));

  const PrefixPlan Plan = planSharedPrefixes(Jobs, std::vector<bool>(Jobs.size(), true), Includes);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  const SharedPrefix &P = Plan.Prefixes[0];
  EXPECT_EQ(P.Lines, "#include <map>\n#include <string>\n");
  EXPECT_EQ(P.IncludeCount, 2u);
  EXPECT_EQ(P.Users, (std::vector<size_t>{0, 1, 2, 3, 4, 5}));
  ASSERT_EQ(P.Links.size(), 1u);
  EXPECT_EQ(P.Links[0].HeaderText, P.Lines);
  EXPECT_EQ(P.Links[0].HeaderPath, "/p/src/.modlint-prefix-0.hpp");
  EXPECT_EQ(P.Links[0].Build.Command.CommandLine,
            (std::vector<std::string>{"c++", "-std=c++20", "-Iinclude", "-x", "c++-header",
                                      "/p/src/.modlint-prefix-0.hpp"}));
  EXPECT_FALSE(Plan.PrefixOf[6]);
  EXPECT_FALSE(Plan.PrefixOf[7]);
}

TEST(SharedPrefix, BranchesThatKeepHalfTheUnitsGetTheirOwnPrefix) {
  std::vector<LintJob> Jobs;
  std::vector<std::vector<IncludeLine>> Includes;
  for (int I = 0; I < 4; ++I) {
    Jobs.push_back(job("u" + std::to_string(I) + ".cpp"));
    Includes.push_back(I < 2 ? lines({"<base>", "<net>", "<tls>"}) : lines({"<base>", "<db>", "<sql>"}));
  }
  const PrefixPlan Plan = planSharedPrefixes(Jobs, std::vector<bool>(4, true), Includes);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_EQ(Plan.Prefixes[0].Lines, "#include <base>\n#include <db>\n#include <sql>\n");
  EXPECT_EQ(Plan.Prefixes[1].Lines, "#include <base>\n#include <net>\n#include <tls>\n");
}

TEST(SharedPrefix, LeadingStandardHeadersArePrecompiledAsALinkOfTheirOwn) {
  const std::vector<std::vector<IncludeLine>> Mixed(
      2, lines({"<map>", "<string>", "<boost/any.hpp>", "<vector>"}));
  const PrefixPlan Plan = planSharedPrefixes({job("a.cpp"), job("b.cpp")}, {true, true}, Mixed);
  ASSERT_EQ(Plan.Prefixes.size(), 1u);
  const SharedPrefix &P = Plan.Prefixes[0];
  EXPECT_EQ(P.IncludeCount, 4u);
  ASSERT_EQ(P.Links.size(), 2u);
  EXPECT_EQ(P.Links[0].HeaderPath, "/p/src/.modlint-prefix-0-std.hpp");
  EXPECT_EQ(P.Links[0].HeaderText, "#include <map>\n#include <string>\n");
  EXPECT_EQ(P.Links[1].HeaderPath, "/p/src/.modlint-prefix-0.hpp");
  EXPECT_EQ(P.Links[1].HeaderText, "#include <boost/any.hpp>\n#include <vector>\n");
  EXPECT_EQ(P.Links[0].HeaderText + P.Links[1].HeaderText, P.Lines);
  EXPECT_EQ(P.Links[1].Build.Command.CommandLine,
            (std::vector<std::string>{"c++", "-std=c++20", "-Iinclude", "-x", "c++-header",
                                      "/p/src/.modlint-prefix-0.hpp"}));

  // Only standard headers, or a project header first: one link.
  for (const auto &Headers :
       {lines({"<cstdint>", "<unordered_map>"}), lines({"\"app.h\"", "<map>"}),
        lines({"<QString>", "<map>"}), lines({"<sys/types.h>", "<map>"})}) {
    const PrefixPlan One = planSharedPrefixes({job("a.cpp"), job("b.cpp")}, {true, true},
                                              {Headers, Headers});
    ASSERT_EQ(One.Prefixes.size(), 1u);
    EXPECT_EQ(One.Prefixes[0].Links.size(), 1u) << One.Prefixes[0].Lines;
  }
}

TEST(SharedPrefix, NothingIsSharedWhenItCouldChangeMeaningOrSavesNothing) {
  std::vector<LintJob> Jobs = {job("a.cpp"), job("b.cpp"),
                               job("c.cpp", {"c++", "-include", "cfg.h"}),
                               job("d.cpp", {"c++", "-include", "cfg.h"}),
                               job("e.c"), job("f.c")};
  std::vector<std::vector<IncludeLine>> Includes(Jobs.size(), lines({"<map>"}));
  // a and b come from the cache: nothing to share.
  const PrefixPlan Plan = planSharedPrefixes(
      Jobs, {false, false, true, true, true, true}, Includes);
  EXPECT_TRUE(Plan.Prefixes.empty());
  // Each unit's own header first (the usual style) leaves no common start.
  const PrefixPlan OwnHeaderFirst = planSharedPrefixes(
      {job("a.cpp"), job("b.cpp")}, {true, true},
      {lines({"\"a.h\"", "<map>"}), lines({"\"b.h\"", "<map>"})});
  EXPECT_TRUE(OwnHeaderFirst.Prefixes.empty());
}

// Units with no one in the run to share with (build steps) each get a
// prefix of their leading library headers, to keep for later runs: one
// header at the project's root, whatever the unit's directory, so that
// units in any directory with the same command and headers name it alike.
TEST(KeptPrefix, IsEachLoneUnitsLeadingLibraryHeaders) {
  std::vector<LintJob> Jobs{job("a.cpp"), job("b.cpp"), job("lone.cpp"), job("quoted.cpp"),
                            job("answered.cpp")};
  Jobs[1].File = "/p/src/deeper/b.cpp";
  Jobs[1].Command.Filename = Jobs[1].Command.CommandLine.back() = "src/deeper/b.cpp";
  std::vector<std::vector<IncludeLine>> Includes{
      lines({"<map>", "<string>", "\"own.hpp\"", "<vector>"}),
      lines({"<map>", "<string>", "\"other.hpp\""}),
      lines({"<boost/asio.hpp>"}),
      lines({"\"quoted.hpp\"", "<map>"}),
      lines({"<map>"})};
  const std::vector<bool> Candidates{true, true, true, true, false};
  PrefixPlan Plan = planSharedPrefixes(Jobs, Candidates, Includes);
  ASSERT_TRUE(Plan.Prefixes.empty()); // a.cpp and b.cpp differ in directory
  planKeptPrefixes(Jobs, Candidates, Includes, Plan);
  ASSERT_EQ(Plan.Prefixes.size(), 2u);
  EXPECT_FALSE(Plan.PrefixOf[3]) << "no library header first";
  EXPECT_FALSE(Plan.PrefixOf[4]) << "not a candidate";
  // a.cpp and b.cpp keep the same prefix, though in two directories.
  ASSERT_TRUE(Plan.PrefixOf[0]);
  EXPECT_EQ(Plan.PrefixOf[0], Plan.PrefixOf[1]);
  const SharedPrefix &A = Plan.Prefixes[*Plan.PrefixOf[0]];
  EXPECT_TRUE(A.Kept);
  EXPECT_EQ(A.Users, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(A.IncludeCount, 2u);
  ASSERT_EQ(A.Links.size(), 1u);
  EXPECT_EQ(A.Links[0].HeaderText, "#include <map>\n#include <string>\n");
  EXPECT_EQ(A.Links[0].HeaderPath, "/p/.modlint-kept-prefix.hpp");
  EXPECT_EQ(Plan.Prefixes[*Plan.PrefixOf[2]].IncludeCount, 1u);

  // A unit on a prefix the run shares keeps that one.
  std::vector<LintJob> Pair{job("x.cpp"), job("y.cpp")};
  std::vector<std::vector<IncludeLine>> Same{lines({"<map>"}), lines({"<map>"})};
  PrefixPlan Shared = planSharedPrefixes(Pair, {true, true}, Same);
  planKeptPrefixes(Pair, {true, true}, Same, Shared);
  ASSERT_EQ(Shared.Prefixes.size(), 1u);
  EXPECT_FALSE(Shared.Prefixes[0].Kept);
}

} // namespace
} // namespace modlint
