// Databases as CMake writes them (CMAKE_EXPORT_COMPILE_COMMANDS), with the
// Ninja and the Makefile generator: every command names its own object
// (-o); and one as other generators write it, where each command also
// names its depfile, serialized diagnostics and colours (-MD -MT -MF,
// --serialize-diagnostics, -fcolor-diagnostics). Those flags change
// nothing in the parse, so the units still share one precompiled prefix,
// the findings are those of the plain parse, and nothing is written.
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>
#include <regex>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// A library of three handlers that start with the same includes, each
/// with a race of its own, and its CMakeLists.txt. With `OwnHeaderFirst`,
/// as most projects write them: each unit starts with its own header, which
/// starts with the shared includes (and `HeaderStart` before them).
std::string cmakeProject(bool OwnHeaderFirst = false, const std::string &HeaderStart = "") {
  const std::string Root = tempDirectory() + "/project";
  fs::create_directories(Root + "/include/app");
  fs::create_directories(Root + "/src");
  std::ofstream(Root + "/include/app/handler.hpp")
      << "#pragma once\nnamespace app {\nstruct Handler {\n  virtual ~Handler() = default;\n};\n}\n";
  std::ofstream(Root + "/CMakeLists.txt")
      << "cmake_minimum_required(VERSION 3.20)\nproject(handlers CXX)\n"
         "add_library(handlers STATIC src/a.cpp src/b.cpp src/c.cpp)\n"
         "target_include_directories(handlers PUBLIC include)\n"
         "target_compile_features(handlers PUBLIC cxx_std_20)\n";
  const std::string Includes = "#include <map>\n#include <string>\n#include <app/handler.hpp>\n";
  for (const std::string Name : {"a", "b", "c"}) {
    const std::string Class = "class Handler_" + Name + " : public app::Handler {\n"
                              "  std::map<std::string, int> seen_;\n\npublic:\n"
                              "  void see(const std::string &k);\n};\n";
    const std::string Method =
        "void Handler_" + Name + "::see(const std::string &k) { seen_[k] = 1; }\n";
    if (OwnHeaderFirst) {
      std::ofstream(Root + "/src/" + Name + ".hpp")
          << "#pragma once\n" << HeaderStart << Includes << "\n" << Class;
      std::ofstream(Root + "/src/" + Name + ".cpp") << "#include \"" << Name << ".hpp\"\n\n" << Method;
    } else {
      std::ofstream(Root + "/src/" + Name + ".cpp") << Includes << "\n" << Class << Method;
    }
  }
  return Root;
}

/// Configures the project with `Generator` into a build directory of its
/// own; the database's text.
std::string configure(const std::string &Root, const std::string &Generator,
                      const std::string &Build) {
  const RunOutput Out =
      run("/usr/bin/cmake", {"-S", Root, "-B", Build, "-G", Generator,
                             "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"});
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stdout << Out.Stderr;
  return readFile(Build + "/compile_commands.json");
}

RunOutput lint(const std::string &Build, std::vector<std::string> Extra) {
  std::vector<std::string> Args{"--no-cache", "--color=never", "-j", "1", "--stats",
                                "--module-base", "app::Handler", "-p", Build};
  Args.insert(Args.end(), Extra.begin(), Extra.end());
  return run(MODLINT_BINARY, Args);
}

/// Lints the build's units with shared prefixes, whose use --stats
/// describes with `Stats`, and without: the same three findings. The
/// shared run's report.
std::string sharedLikePlain(const std::string &Build, const std::string &Root,
                            const std::string &Stats) {
  const RunOutput Shared = lint(Build, {"--project-root", Root});
  EXPECT_EQ(Shared.ExitCode, 1) << Shared.Stderr;
  EXPECT_NE(Shared.Stderr.find(Stats), std::string::npos) << Shared.Stderr;
  const RunOutput Alone = lint(Build, {"--project-root", Root, "--no-shared-prefix"});
  EXPECT_EQ(Shared.Stdout, Alone.Stdout);
  EXPECT_EQ(countOccurrences(Shared.Stdout, "[modlint-container-mutation]"), 3u)
      << Shared.Stdout;
  return Shared.Stdout;
}

/// CMake's database with each command also naming its depfile, its
/// serialized diagnostics and colours, in a build directory of its own.
void writeWithDependencyFlags(const std::string &Database, const std::string &Build) {
  std::filesystem::create_directories(Build);
  std::ofstream(Build + "/compile_commands.json")
      << std::regex_replace(Database, std::regex("-o (\\S+)"),
                            "-MD -MT $1 -MF $1.d --serialize-diagnostics $1.dia "
                            "-fcolor-diagnostics -o $1");
}

TEST(CMakeDatabase, OutputFlagsDoNotKeepUnitsFromSharingAPrefix) {
  const std::string Root = cmakeProject();
  std::string Reference;
  for (const std::string Generator : {"Ninja", "Unix Makefiles", "depfiles"}) {
    SCOPED_TRACE(Generator);
    const std::string Build =
        Root + "/build-" + (Generator == "Unix Makefiles" ? "make" : Generator);
    // The depfiles' database keeps its commands' directory, build-Ninja.
    const std::string Directory = Generator == "depfiles" ? Root + "/build-Ninja" : Build;
    const std::string Database = Generator == "depfiles"
                                     ? readFile(Directory + "/compile_commands.json")
                                     : configure(Root, Generator, Build);
    if (Generator == "depfiles")
      writeWithDependencyFlags(Database, Build);
    // The premise: each command names its own outputs.
    EXPECT_NE(readFile(Build + "/compile_commands.json")
                  .find(Generator == "depfiles" ? "-MF CMakeFiles/handlers.dir/src/a.cpp.o.d"
                                                : "-o CMakeFiles/handlers.dir/src/a.cpp.o"),
              std::string::npos);

    const std::string Shared =
        sharedLikePlain(Build, Root, "3 parsed; 3 of them on 1 shared precompiled prefix,");
    // Nothing was written beside the objects: the parse dropped -MF and
    // --serialize-diagnostics.
    EXPECT_FALSE(fs::exists(Directory + "/CMakeFiles/handlers.dir/src/a.cpp.o.d"));
    EXPECT_FALSE(fs::exists(Directory + "/CMakeFiles/handlers.dir/src/a.cpp.o.dia"));
    if (Reference.empty())
      Reference = Shared;
    EXPECT_EQ(Shared, Reference); // every database, the same report
  }
}

// Units that start with their own header share the includes their headers
// start with; a header those lines name that is not include-guarded would
// be read twice, so the prefix is then not used. Either way the findings
// are the plain parse's.
TEST(CMakeDatabase, UnitsThatStartWithTheirOwnHeaderShareItsIncludes) {
  for (const bool Guarded : {true, false}) {
    SCOPED_TRACE(Guarded ? "guarded" : "an unguarded header");
    const std::string Root =
        cmakeProject(/*OwnHeaderFirst=*/true, Guarded ? "" : "#include <app/plain.hpp>\n");
    std::ofstream(Root + "/include/app/plain.hpp") << "// no guard\n";
    const std::string Build = Root + "/build";
    configure(Root, "Ninja", Build);
    sharedLikePlain(Build, Root,
                    Guarded ? "3 parsed; 3 of them on 1 shared precompiled prefix,"
                            : "3 parsed; 0 of them on 0 shared precompiled prefixes");
  }
}

} // namespace
} // namespace modlint::testing
