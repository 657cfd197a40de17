// What modlint writes (reports, exported fixes, fixed sources, cache
// entries) on a full disk, through symlinks, FIFOs and devices, when
// interrupted, and with a cache someone else may have written: every write
// error is exit 2 naming the file, a failing cache only costs time, fixed
// files keep their mode, nothing temporary is left behind, and a poisoned
// cache entry cannot make --fix write anywhere.
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

const std::string FixCase = MODLINT_FIXIT_DIR "/never_modified.cpp";

/// A copy of the fix-it case in a fresh directory, with its compile flags.
struct FixCopy {
  std::string Dir = tempDirectory();
  std::string File = Dir + "/never_modified.cpp";
  FixCopy() { fs::copy_file(FixCase, File); }
  ~FixCopy() { fs::remove_all(Dir); }
  std::vector<std::string> args(std::vector<std::string> Flags) const {
    Flags.insert(Flags.begin(), {"--color=never", "-q"});
    for (const std::string &Arg :
         {File, std::string("--"), std::string("-std=c++20"), std::string("-I" MODLINT_SOURCE_DIR "/include")})
      Flags.push_back(Arg);
    return Flags;
  }
  /// Runs modlint with every file it writes (standard output too, which
  /// the test harness sends to a file) limited to `Blocks` of 512 bytes,
  /// failing past it as on a full disk.
  RunOutput onFullDisk(const std::vector<std::string> &Flags, const char *Blocks = "1") const {
    std::vector<std::string> Shell{"-c", "ulimit -f \"$1\"; shift; exec \"$@\"", "sh", Blocks,
                                   MODLINT_BINARY};
    for (const std::string &Arg : args(Flags))
      Shell.push_back(Arg);
    return runIn(Dir, "/bin/sh", Shell);
  }
};

TEST(Output, AFullDiskFailsReportsNotTheCache) {
  FixCopy C;
  // 4 KiB: the text report fits, no cache entry (it lists every header).
  RunOutput Cached = C.onFullDisk({"--cache-dir", C.Dir + "/cache"}, "8");
  EXPECT_EQ(Cached.ExitCode, 0) << "a cache that cannot be written only costs time\n" << Cached.Stderr;
  EXPECT_NE(Cached.Stdout.find("never modified"), std::string::npos) << Cached.Stdout;
  for (const std::vector<std::string> &Flags :
       {std::vector<std::string>{"--no-cache", "--format=sarif", "-o", "r.sarif"},
        {"--no-cache", "-o", "/dev/null", "--export-fixes", "fixes.yaml"}}) {
    RunOutput Out = C.onFullDisk(Flags);
    EXPECT_EQ(Out.ExitCode, 2) << Flags.back() << Out.Stderr;
    EXPECT_NE(Out.Stderr.find("modlint: error: cannot write '"), std::string::npos) << Out.Stderr;
    EXPECT_NE(Out.Stderr.find("File too large"), std::string::npos) << Out.Stderr;
  }
  const std::string Before = readFile(C.File);
  RunOutput Fix = C.onFullDisk({"--no-cache", "-o", "/dev/null", "--fix"});
  EXPECT_EQ(Fix.ExitCode, 2) << Fix.Stderr;
  EXPECT_EQ(readFile(C.File), Before);
  for (const auto &Entry : fs::directory_iterator(C.Dir))
    EXPECT_EQ(Entry.path().string().find(".modlint-"), std::string::npos) << Entry.path();
}

TEST(Output, WritesThroughSymlinksFifosAndDevices) {
  FixCopy C;
  // A symlink stays a symlink; its target gets the report.
  std::ofstream(C.Dir + "/target.txt") << "old";
  fs::create_symlink(C.Dir + "/target.txt", C.Dir + "/link.txt");
  EXPECT_EQ(run(MODLINT_BINARY, C.args({"--no-cache", "-o", C.Dir + "/link.txt"})).ExitCode, 0);
  EXPECT_TRUE(fs::is_symlink(C.Dir + "/link.txt"));
  EXPECT_NE(readFile(C.Dir + "/target.txt").find("never modified"), std::string::npos);
  // A FIFO is written, not replaced by a file.
  ASSERT_EQ(::mkfifo((C.Dir + "/pipe").c_str(), 0600), 0);
  std::vector<std::string> Shell{"-c", "cat \"$1\" > \"$1.out\" & shift; \"$@\"; s=$?; wait; exit $s",
                                 "sh", C.Dir + "/pipe", MODLINT_BINARY};
  for (const std::string &Arg : C.args({"--no-cache", "-o", C.Dir + "/pipe"}))
    Shell.push_back(Arg);
  EXPECT_EQ(run("/bin/sh", Shell).ExitCode, 0);
  EXPECT_TRUE(fs::is_fifo(C.Dir + "/pipe"));
  EXPECT_NE(readFile(C.Dir + "/pipe.out").find("never modified"), std::string::npos);
  // /dev/stdout: the pipe the test reads.
  RunOutput Stdout = run(MODLINT_BINARY, C.args({"--no-cache", "-o", "/dev/stdout"}));
  EXPECT_EQ(Stdout.ExitCode, 0) << Stdout.Stderr;
  EXPECT_NE(Stdout.Stdout.find("never modified"), std::string::npos);
}

TEST(Output, FixKeepsTheFilesModeAndLeavesNothingBehind) {
  FixCopy C;
  fs::permissions(C.File, fs::perms::owner_read | fs::perms::owner_write | fs::perms::owner_exec |
                              fs::perms::group_read);
  const fs::perms Before = fs::status(C.File).permissions();
  const bool Root = ::geteuid() == 0; // only root may give a file away
  if (Root)
    ASSERT_EQ(::chown(C.File.c_str(), 65534, 65534), 0);
  EXPECT_EQ(run(MODLINT_BINARY, C.args({"--no-cache", "--fix"})).ExitCode, 0);
  EXPECT_EQ(readFile(C.File), readFile(FixCase + ".fixed"));
  EXPECT_EQ(fs::status(C.File).permissions(), Before);
  struct stat After;
  ASSERT_EQ(::stat(C.File.c_str(), &After), 0);
  if (Root)
    EXPECT_EQ(After.st_uid, 65534u);
  size_t Files = 0;
  for (const auto &Entry : fs::directory_iterator(C.Dir))
    Files += fs::is_regular_file(Entry.path());
  EXPECT_EQ(Files, 1u);
}

TEST(Output, AnInterruptedFixLeavesNoTemporaryFiles) {
  // Interrupted at several points of a run that fixes and shares a prefix:
  // neither a half-written source nor a precompiled prefix is left.
  for (const char *Delay : {"0.05", "0.2", "0.5", "1"}) {
    FixCopy C;
    const std::string Temp = C.Dir + "/tmp";
    fs::create_directory(Temp);
    RunOutput Shell = run("/bin/sh", {"-c",
        "TMPDIR=\"$1\" \"$2\" --no-cache -q --fix \"$3\" -- -std=c++20 \"-I$4\" & pid=$!; "
        "sleep \"$5\"; kill -INT $pid 2>/dev/null; wait $pid; true",
        "sh", Temp, MODLINT_BINARY, C.File, MODLINT_SOURCE_DIR "/include", Delay});
    EXPECT_TRUE(fs::is_empty(Temp)) << Delay;
    for (const auto &Entry : fs::directory_iterator(C.Dir))
      EXPECT_EQ(Entry.path().string().find(".modlint-"), std::string::npos) << Delay;
  }
}

TEST(Output, APoisonedCacheEntryCannotMakeFixWriteElsewhere) {
  FixCopy C;
  const std::string Victim = C.Dir + "/victim.txt";
  std::ofstream(Victim) << "untouched\n";
  const std::string Cache = C.Dir + "/cache";
  ASSERT_EQ(run(MODLINT_BINARY, C.args({"--cache-dir", Cache})).ExitCode, 0);
  // Every entry rewritten as an attacker would: no inputs to check, and the
  // fix-it pointed at another file.
  size_t Poisoned = 0;
  for (const auto &Entry : fs::recursive_directory_iterator(Cache))
    if (Entry.path().extension() == ".yaml") {
      std::string Text = readFile(Entry.path().string());
      const size_t Begin = Text.find("Inputs:"), End = Text.find("Diagnostics:");
      Text.replace(Begin, End - Begin, "Inputs: []\n");
      for (size_t At; (At = Text.find("- FilePath:        '" + C.File)) != std::string::npos;)
        Text.replace(At, 20 + C.File.size(), "- FilePath:        '" + Victim);
      std::ofstream(Entry.path()) << Text;
      ++Poisoned;
    }
  ASSERT_GT(Poisoned, 0u);
  RunOutput Fix = run(MODLINT_BINARY, C.args({"--cache-dir", Cache, "--fix", "--stats"}));
  EXPECT_EQ(Fix.ExitCode, 0) << Fix.Stderr;
  EXPECT_EQ(readFile(Victim), "untouched\n");
  EXPECT_EQ(readFile(C.File), readFile(FixCase + ".fixed"));
}

TEST(Output, ACacheDirectoryOthersCanWriteIsNotUsed) {
  FixCopy C;
  const std::string Cache = C.Dir + "/shared";
  fs::create_directory(Cache);
  fs::permissions(Cache, fs::perms::all);
  RunOutput Out = run(MODLINT_BINARY, C.args({"--cache-dir", Cache}));
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_NE(Out.Stderr.find("modlint: warning: not using the result cache: '" + Cache +
                            "' is writable by group or others (mode 0777)"),
            std::string::npos)
      << Out.Stderr;
  EXPECT_NE(Out.Stdout.find("never modified"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(Cache));
}

TEST(Output, AUnitThatFailedOnAMissingHeaderIsLintedAgainOnceItAppears) {
  const std::string Dir = tempDirectory();
  std::ofstream(Dir + "/a.cpp") << "#include \"later.h\"\nint a = LATER;\n";
  const std::vector<std::string> Args{"--color=never", "-q", "--cache-dir", Dir + "/cache",
                                      Dir + "/a.cpp", "--"};
  EXPECT_EQ(run(MODLINT_BINARY, Args).ExitCode, 2);
  std::ofstream(Dir + "/later.h") << "#define LATER 1\n";
  RunOutput Now = run(MODLINT_BINARY, Args);
  EXPECT_EQ(Now.ExitCode, 0) << Now.Stdout << Now.Stderr;
  fs::remove_all(Dir);
}

} // namespace
} // namespace modlint::testing
