// The configuration as a user gives it to the modlint command: a
// .clang-tidy that serves both tools, --config with the YAML itself, and
// what is refused.
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"

#include <fstream>

namespace modlint::testing {
namespace {

/// A project whose handlers derive from app::Handler, not modrt::Module.
struct Project {
  Project() : Dir(tempDirectory()) {
    write("handler.cpp", "namespace app { struct Handler { virtual ~Handler() = default; }; }\n"
                         "class Hits : public app::Handler {\n"
                         "  int hits_ = 0;\n"
                         "public:\n"
                         "  void hit() { ++hits_; }\n"
                         "};\n");
  }
  ~Project() { llvm::sys::fs::remove_directories(Dir); }
  void write(const std::string &Name, const std::string &Text) const {
    std::ofstream(Dir + "/" + Name) << Text;
  }
  RunOutput lint(std::vector<std::string> Flags) const {
    std::vector<std::string> Args{"--color=never", "--no-cache"};
    Args.insert(Args.end(), Flags.begin(), Flags.end());
    for (const char *Arg : {"handler.cpp", "--", "-std=c++20"})
      Args.push_back(Arg);
    return runIn(Dir, MODLINT_BINARY, Args);
  }
  std::string Dir;
};

TEST(ConfigCli, ClangTidyFileServesTheCommandWithoutModlintYaml) {
  Project P;
  // clang-tidy 14's list form, read by every clang-tidy and clangd.
  P.write(".clang-tidy", "Checks: '-*,bugprone-*'\n"
                         "CheckOptions:\n"
                         "  - key: ModuleBases\n"
                         "    value: 'app::Handler;app::Service'\n");
  RunOutput Out = P.lint({});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  EXPECT_NE(Out.Stdout.find("'++' on 'hits_'"), std::string::npos) << Out.Stdout;
  // A .modlint.yaml beside it is the command's file, and wins.
  P.write(".modlint.yaml", "ModuleBases: 'other::Base'\n");
  EXPECT_EQ(P.lint({}).ExitCode, 0);
}

TEST(ConfigCli, ConfigTakesTheYamlItselfAndConfigFileAFile) {
  Project P;
  RunOutput Inline = P.lint({"--config", "{ModuleBases: [app::Handler], Checks: 'modlint-nonatomic-update'}"});
  EXPECT_EQ(Inline.ExitCode, 1) << Inline.Stderr;
  EXPECT_NE(Inline.Stdout.find("[modlint-nonatomic-update]"), std::string::npos);
  EXPECT_EQ(Inline.Stdout.find("[modlint-mutable-member]"), std::string::npos);

  P.write("ci.yaml", "ModuleBases: [app::Handler]\n");
  EXPECT_EQ(P.lint({"--config-file", "ci.yaml"}).ExitCode, 1);
  // A path given to --config, as modlint once took it: refused, with the fix.
  RunOutput Path = P.lint({"--config", "ci.yaml"});
  EXPECT_EQ(Path.ExitCode, 2);
  EXPECT_NE(Path.Stderr.find("to read the file 'ci.yaml' give --config-file ci.yaml"),
            std::string::npos)
      << Path.Stderr;
  // A mistake in the inline YAML is named as such.
  RunOutput Typo = P.lint({"--config", "{ModuleBase: [app::Handler]}"});
  EXPECT_EQ(Typo.ExitCode, 2);
  EXPECT_NE(Typo.Stderr.find("--config:1:2: unknown key 'ModuleBase'; did you mean 'ModuleBases'?"),
            std::string::npos)
      << Typo.Stderr;
}

// A file named on the command line that the database does not list (a new
// file, a header) is linted with the command of its nearest entry, never
// dropped; --stats says which command.
TEST(ConfigCli, NamedFilesWithoutADatabaseEntryGetAnInferredCommand) {
  Project P;
  P.write("compile_commands.json",
          "[{\"directory\": \".\", \"file\": \"handler.cpp\", "
          "\"command\": \"clang++ -std=c++20 -c handler.cpp\"}]\n");
  P.write(".modlint.yaml", "ModuleBases: [app::Handler]\n");
  const std::string Racy = "namespace app { struct Handler { virtual ~Handler() = default; }; }\n"
                           "class Added : public app::Handler {\n"
                           "  long total_ = 0;\n"
                           "public:\n"
                           "  void add(long n) { total_ += n; }\n"
                           "};\n";
  P.write("added.cpp", Racy);
  P.write("added.hpp", "#pragma once\n" + Racy);
  RunOutput Out = runIn(P.Dir, MODLINT_BINARY,
                        {"--no-cache", "--stats", "-p", ".", "added.cpp", "added.hpp"});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  EXPECT_NE(Out.Stdout.find("added.cpp:5:22: warning: '+=' on 'total_'"), std::string::npos)
      << Out.Stdout;
  EXPECT_NE(Out.Stdout.find("added.hpp:6:22: warning: '+=' on 'total_'"), std::string::npos)
      << Out.Stdout;
  EXPECT_NE(Out.Stderr.find("modlint: stats: added.hpp has no database entry; linted with the "
                            "command inferred from handler.cpp: "),
            std::string::npos)
      << Out.Stderr;
  // Anything else without an entry is refused, not skipped in silence.
  P.write("notes.txt", "x\n");
  RunOutput Text = runIn(P.Dir, MODLINT_BINARY, {"-p", ".", "notes.txt"});
  EXPECT_EQ(Text.ExitCode, 2);
  EXPECT_NE(Text.Stderr.find("'notes.txt' has no compilation database entry and is not a C or "
                             "C++ source or header"),
            std::string::npos)
      << Text.Stderr;
}

// A whole-database run that finds no shared module checked no member state:
// the default ModuleBases on a project of app::Handler subclasses, or a
// typo, is an error that says what the project derives from.
TEST(ConfigCli, ARunWithoutAnyModuleSaysSoAndFails) {
  Project P;
  P.write("compile_commands.json",
          "[{\"directory\": \".\", \"file\": \"handler.cpp\", "
          "\"command\": \"clang++ -std=c++20 -c handler.cpp\"}]\n");
  auto Whole = [&](std::vector<std::string> Flags) {
    Flags.insert(Flags.begin(), {"--no-cache", "-p", "."});
    return runIn(P.Dir, MODLINT_BINARY, Flags);
  };
  RunOutput Default = Whole({});
  EXPECT_EQ(Default.ExitCode, 2) << Default.Stderr;
  EXPECT_NE(Default.Stderr.find("modlint: warning: the module base 'modrt::Module' (ModuleBases) "
                                "names no class declared in any unit linted\n"),
            std::string::npos)
      << Default.Stderr;
  EXPECT_NE(Default.Stderr.find("modlint: error: no class in the 1 unit linted derives from a "
                                "module base (ModuleBases: modrt::Module), so no member state "
                                "was checked; name the framework's base class with "
                                "--module-base or ModuleBases in .modlint.yaml (the project's "
                                "classes derive from: app::Handler), or pass "
                                "--allow-no-modules"),
            std::string::npos)
      << Default.Stderr;
  RunOutput Typo = Whole({"--module-base", "app::Handlr"});
  EXPECT_EQ(Typo.ExitCode, 2);
  EXPECT_NE(Typo.Stderr.find("'app::Handlr' (ModuleBases) names no class declared in any unit "
                             "linted; did you mean 'app::Handler'?"),
            std::string::npos)
      << Typo.Stderr;
  // Asked for: a project with no shared modules, linted for the other checks.
  EXPECT_EQ(Whole({"--allow-no-modules"}).ExitCode, 0);
  // Right: the finding, and nothing said about bases.
  RunOutput Right = Whole({"--module-base", "app::Handler"});
  EXPECT_EQ(Right.ExitCode, 1) << Right.Stderr;
  EXPECT_EQ(Right.Stderr.find("ModuleBases"), std::string::npos) << Right.Stderr;
  // A run over named files may rightly hold no module: nothing is said.
  RunOutput Part = runIn(P.Dir, MODLINT_BINARY, {"--no-cache", "-p", ".", "handler.cpp"});
  EXPECT_EQ(Part.ExitCode, 0) << Part.Stderr;
  EXPECT_EQ(Part.Stderr.find("ModuleBases"), std::string::npos) << Part.Stderr;
}

} // namespace
} // namespace modlint::testing
