// A unit's leading includes read through the project headers they name:
// what the preprocessor meets first, in order, and spelled so that it
// names the same files from the unit's directory.
#include "Subprocess.h"
#include "engine/prefix/IncludeExpansion.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>

namespace modlint {
namespace {

namespace fs = std::filesystem;
using testing::tempDirectory;

/// A project at a fresh root: src/chat.cpp's header chat.hpp beside it,
/// include/app/ on the -I path.
struct Project {
  std::string Root = tempDirectory();
  Project() {
    fs::create_directories(Root + "/src");
    fs::create_directories(Root + "/include/app");
  }
  void write(const std::string &Path, const std::string &Text) const {
    std::ofstream(Root + "/" + Path) << Text;
  }
  LintJob job(const std::string &File) const {
    LintJob Job;
    Job.File = Root + "/" + File;
    Job.ProjectRoot = Root;
    Job.Command = clang::tooling::CompileCommand(
        Root, File, {"c++", "-std=c++20", "-Iinclude", "-c", File}, "");
    return Job;
  }
  /// Each expanded line, marked `(h)` when it comes from a header.
  std::vector<std::string> expanded(const std::string &File, const std::string &Text) const {
    std::vector<std::string> Out;
    for (const IncludeLine &Line : expandedLeadingIncludes(job(File), Text))
      Out.push_back(Line.Directive + (Line.InUnit ? "" : " (h)"));
    return Out;
  }
};

TEST(IncludeExpansion, AUnitsOwnHeaderIsReadThroughToItsIncludes) {
  Project P;
  P.write("src/chat.hpp", "#pragma once\n#include <string>\n#include <app/base.hpp>\n"
                          "#include \"detail.hpp\"\nclass Chat {};\n");
  P.write("src/detail.hpp", "#pragma once\n");
  P.write("include/app/base.hpp", "// licence\n#ifndef APP_BASE\n#define APP_BASE\n"
                                  "#include <map>\n#endif\n");
  EXPECT_EQ(P.expanded("src/chat.cpp", "#include \"chat.hpp\"\n#include <vector>\nint x;\n"),
            (std::vector<std::string>{"#include <string> (h)", "#include <map> (h)",
                                      "#include <app/base.hpp> (h)",
                                      "#include \"detail.hpp\" (h)", "#include \"chat.hpp\"",
                                      "#include <vector>"}));
}

TEST(IncludeExpansion, AQuotedIncludeBesideItsHeaderIsSpelledAbsolutely) {
  Project P;
  P.write("include/app/base.hpp", "#pragma once\n#include \"near.hpp\"\n");
  P.write("include/app/near.hpp", "#pragma once\n");
  EXPECT_EQ(P.expanded("src/a.cpp", "#include <app/base.hpp>\n"),
            (std::vector<std::string>{"#include \"" + P.Root + "/include/app/near.hpp\" (h)",
                                      "#include <app/base.hpp>"}));
  // Found beside the header, the absolute spelling names it whatever the
  // unit's directory holds.
  P.write("src/near.hpp", "#pragma once\n");
  EXPECT_EQ(P.expanded("src/a.cpp", "#include <app/base.hpp>\n").front(),
            "#include \"" + P.Root + "/include/app/near.hpp\" (h)");
  // Not a project file (a system header named with quotes), while the
  // unit's directory holds a file of that name: the header's lines stop
  // before it.
  P.write("src/zlib.h", "#pragma once\n");
  P.write("include/app/base.hpp", "#pragma once\n#include <map>\n#include \"zlib.h\"\n");
  EXPECT_EQ(P.expanded("src/a.cpp", "#include <app/base.hpp>\n"),
            (std::vector<std::string>{"#include <map> (h)", "#include <app/base.hpp>"}));
}

TEST(IncludeExpansion, OnlyGuardedProjectHeadersAreOpenedAndNoCycle) {
  Project P;
  P.write("src/open.hpp", "#include <map>\n"); // no guard: its lines are not the first steps
  P.write("src/a.hpp", "#pragma once\n#include \"b.hpp\"\n");
  P.write("src/b.hpp", "#pragma once\n#include \"a.hpp\"\n#include <set>\n");
  EXPECT_EQ(P.expanded("src/u.cpp", "#include \"open.hpp\"\n"),
            std::vector<std::string>{"#include \"open.hpp\""});
  // In a cycle b.hpp's include of a.hpp is skipped, read on its own it is
  // not: the unit's lines are taken as they are.
  EXPECT_EQ(P.expanded("src/u.cpp", "#include \"a.hpp\"\n#include <map>\n"),
            (std::vector<std::string>{"#include \"a.hpp\"", "#include <map>"}));
  // <cassert> is read again on purpose, never guarded: the header's lines
  // stop before it.
  P.write("src/c.hpp", "#pragma once\n#include <map>\n#include <cassert>\n#include <set>\n");
  EXPECT_EQ(P.expanded("src/u.cpp", "#include \"c.hpp\"\n"),
            (std::vector<std::string>{"#include <map> (h)", "#include \"c.hpp\""}));
  // A header outside the project is not opened.
  EXPECT_EQ(P.expanded("src/u.cpp", "#include <vector>\n"),
            std::vector<std::string>{"#include <vector>"});
}

TEST(IncludeExpansion, HeaderLeadingIncludesFollowAGuardOrPragmaOnce) {
  auto Count = [](llvm::StringRef Text) { return headerLeadingIncludes(Text).size(); };
  EXPECT_EQ(Count("#pragma once\n#include <a>\n#include <b>\nint x;\n"), 2u);
  EXPECT_EQ(Count("// c\n#ifndef G\n// c\n#define G\n#include <a>\n#endif\n"), 1u);
  EXPECT_EQ(Count("#ifndef G\n#define H\n#include <a>\n"), 0u);
  EXPECT_EQ(Count("#include <a>\n"), 0u);
  EXPECT_EQ(Count("#define X 1\n#pragma once\n#include <a>\n"), 0u);
}

} // namespace
} // namespace modlint
