// Untrusted input (docs/reliability.md): nesting deep enough to overflow a
// recursive parser, endless or blocking special files, damaged reports, a
// regular expression that would exhaust memory, numbers that do not fit,
// an output path that is an input, response files. Each ends in exit 2
// with a one-line reason, or in a normal run; never a crash or a hang.
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// A directory with one clean unit (a.cpp) and its database.
struct Scratch {
  std::string Dir = tempDirectory();
  Scratch() {
    std::ofstream(Dir + "/a.cpp") << "int answer() { return 42; }\n";
    std::ofstream(Dir + "/compile_commands.json")
        << "[{\"directory\": \"" << Dir << "\", \"file\": \"a.cpp\", "
        << "\"arguments\": [\"c++\", \"-std=c++20\", \"-c\", \"a.cpp\"]}]\n";
  }
  ~Scratch() { fs::remove_all(Dir); }
  std::string write(const std::string &Name, const std::string &Text) const {
    std::ofstream(Dir + "/" + Name) << Text;
    return Dir + "/" + Name;
  }
  /// The scratch projects hold no shared module on purpose: their whole
  /// database is linted for what the input does to the run.
  RunOutput lint(std::vector<std::string> Args) const {
    Args.insert(Args.begin(), {"--color=never", "--no-cache", "-q", "--allow-no-modules"});
    return runIn(Dir, MODLINT_BINARY, Args);
  }
};

/// Exit 2 and one error on standard error, containing `Reason`.
void expectRefused(const RunOutput &Out, const std::string &Reason, const std::string &Case) {
  EXPECT_EQ(Out.ExitCode, 2) << Case << "\n" << Out.Stderr;
  EXPECT_NE(Out.Stderr.find(Reason), std::string::npos) << Case << "\n" << Out.Stderr;
  EXPECT_EQ(countOccurrences(Out.Stderr, "modlint: error:"), 1u) << Case << "\n" << Out.Stderr;
}

const std::string TooDeep = "nested deeper than 256 levels";

TEST(UntrustedInput, NestingTooDeepForARecursiveParserIsRefused) {
  // Far deeper than the 40,000 to 60,000: deep enough to overflow
  // the main thread's 8 MiB stack in the release build too.
  Scratch S;
  const std::string Db = S.write("deep.json", std::string(500000, '['));
  expectRefused(S.lint({"-p", Db}), TooDeep, "database");
  const std::string Log = S.write("deep.sarif", std::string(500000, '['));
  expectRefused(S.lint({"--baseline", Log, "-p", "."}), TooDeep, "baseline");
  expectRefused(run(MODLINT_BINARY, {"merge", Log}), TooDeep, "merge");
  const std::string Config = S.write("deep.yaml", std::string(500000, '['));
  expectRefused(S.lint({"--config-file", Config, "-p", "."}), TooDeep, "config");
  std::string Block;
  for (int Level = 0; Level < 300; ++Level)
    Block += std::string(Level, ' ') + "k:\n";
  expectRefused(S.lint({"--config-file", S.write("block.yaml", Block), "-p", "."}), TooDeep,
                "config nested by indentation");
  // An apostrophe inside a plain scalar opens no quote: the brackets after
  // it still count.
  expectRefused(S.lint({"--config-file", S.write("apostrophe.yaml", "Checks: it's\nHeaderFilter: " +
                                                                    std::string(500000, '[')),
                        "-p", "."}),
                TooDeep, "config with an apostrophe before the brackets");
  // `''` inside a single-quoted scalar is an apostrophe, not its end: the
  // brackets after it are text (the config fuzzer found this one).
  const RunOutput Quoted = S.lint({"--config-file",
                                   S.write("quoted.yaml", "HeaderFilter: 'it''s " +
                                                              std::string(300, '[') + "'\n"),
                                   "--dump-config"});
  EXPECT_EQ(Quoted.ExitCode, 0) << Quoted.Stderr;
}

TEST(UntrustedInput, SpecialFilesAreRefusedNotReadForever) {
  Scratch S;
  expectRefused(S.lint({"-p", "/dev/zero"}), "'/dev/zero': a device, not a regular file", "-p");
  expectRefused(S.lint({"--config-file", "/dev/zero", "-p", "."}), "a device, not a regular file",
                "--config");
  expectRefused(S.lint({"--baseline", "/dev/zero", "-p", "."}), "a device, not a regular file",
                "--baseline");
  expectRefused(run(MODLINT_BINARY, {"merge", "/dev/zero"}), "a device, not a regular file",
                "merge");
  // A FIFO nobody writes to would block a reader forever.
  fs::create_directory(S.Dir + "/sub");
  ASSERT_EQ(::mkfifo((S.Dir + "/sub/.modlint.yaml").c_str(), 0600), 0);
  S.write("sub/b.cpp", "int b;\n");
  expectRefused(S.lint({"sub/b.cpp", "--"}), "a FIFO, not a regular file", ".modlint.yaml");
  ASSERT_EQ(::mkfifo((S.Dir + "/fifo.cpp").c_str(), 0600), 0);
  S.write("compile_commands.json",
          "[{\"directory\": \"" + S.Dir + "\", \"file\": \"fifo.cpp\", \"command\": \"c++ -c fifo.cpp\"}]");
  RunOutput Entry = S.lint({"-p", "."});
  EXPECT_EQ(Entry.ExitCode, 2);
  EXPECT_NE(Entry.Stderr.find("fifo.cpp', which is not a regular file"), std::string::npos)
      << Entry.Stderr;
}

TEST(UntrustedInput, AnEndlessIncludeWithTheCacheOn) {
  // The cache hashes every file a unit read; /dev/zero is not hashed.
  Scratch S;
  S.write("a.cpp", "#include \"/dev/zero\"\nint a;\n");
  RunOutput Out = runIn(S.Dir, MODLINT_BINARY,
                        {"--color=never", "-q", "--allow-no-modules", "-p", ".", "--cache-dir", S.Dir + "/cache"});
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stderr;
}

TEST(UntrustedInput, MalformedSarifIsRefusedByMerge) {
  Scratch S;
  const std::pair<const char *, const char *> Cases[] = {
      {"{\"version\":\"2.1.0\",\"runs\":[1]}", "its run is not an object"},
      {"{\"version\":\"2.1.0\",\"runs\":[{\"invocations\":[]}]}", "its run has no results"},
      {"{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}", "its run has no invocations"},
      {"{\"version\":\"2.1.0\",\"runs\":[{\"results\":[],\"invocations\":[1]}]}",
       "an invocation is not an object"}};
  for (const auto &[Log, Reason] : Cases)
    expectRefused(run(MODLINT_BINARY, {"merge", S.write("r.sarif", Log)}), Reason, Log);
}

TEST(UntrustedInput, ARegexThatWouldExhaustMemoryIsRefused) {
  Scratch S;
  const std::string Bomb = "(((a{1,255}){1,255}){1,255}){1,255}";
  expectRefused(S.lint({"--header-filter=" + Bomb, "-p", "."}),
                "its counted repetitions would compile to more than 100000 parts", "flag");
  S.write(".modlint.yaml", "HeaderFilter: '" + Bomb + "'\n");
  expectRefused(S.lint({"-p", "."}), "invalid HeaderFilter", "config");
  // One level of nesting less is an ordinary pattern.
  S.write(".modlint.yaml", "HeaderFilter: '(a{1,255}){1,255}'\n");
  EXPECT_EQ(S.lint({"-p", "."}).ExitCode, 0);
}

TEST(UntrustedInput, ShardNumbersThatDoNotFitAreRefused) {
  Scratch S;
  for (const char *Shard : {"1/4294967297", "4294967296/4294967297", "1/99999999999999999999"})
    expectRefused(S.lint({"--shard", Shard, "-p", "."}), "--shard: expected K/N", Shard);
  EXPECT_EQ(S.lint({"--shard", "1/4294967295", "-p", "."}).ExitCode, 0);
}

TEST(UntrustedInput, AnOutputPathThatIsAnInputIsRefused) {
  Scratch S;
  const std::string Source = readFile(S.Dir + "/a.cpp");
  const std::string Db = readFile(S.Dir + "/compile_commands.json");
  expectRefused(S.lint({"-p", ".", "-o", "a.cpp"}), "is '" + S.Dir + "/a.cpp', an input", "-o a.cpp");
  expectRefused(S.lint({"-p", ".", "-o", "compile_commands.json"}), "an input of the run",
                "-o database");
  expectRefused(S.lint({"-p", ".", "--export-fixes", "./a.cpp"}), "an input of the run",
                "--export-fixes");
  EXPECT_EQ(readFile(S.Dir + "/a.cpp"), Source);
  EXPECT_EQ(readFile(S.Dir + "/compile_commands.json"), Db);
}

TEST(UntrustedInput, ResponseFilesInTheDatabaseAreExpanded) {
  // Without -DSHARED the unit does not compile; the flag is only in the
  // response file.
  Scratch S;
  S.write("a.cpp", "#ifndef SHARED\n#error no flags\n#endif\nint a;\n");
  S.write("flags.rsp", "-std=c++20 -DSHARED\n");
  S.write("compile_commands.json", "[{\"directory\": \"" + S.Dir +
                                       "\", \"file\": \"a.cpp\", \"command\": \"c++ @flags.rsp -c a.cpp\"}]");
  RunOutput Out = S.lint({"-p", "."});
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stdout << Out.Stderr;
}

} // namespace
} // namespace modlint::testing
