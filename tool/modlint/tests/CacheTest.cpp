// The result cache: the same findings with and without it, reuse when
// nothing changed, a re-lint when an input (also a header) changed, and no
// harm from a corrupt entry or from concurrent runs.
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <filesystem>
#include <fstream>
#include <thread>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

struct CachedTree {
  std::string Root;
  std::string Cache;
  CachedTree() {
    const std::string Dir = tempDirectory();
    Root = Dir + "/tree";
    Cache = Dir + "/cache";
    fs::copy(MODLINT_TREE_DIR, Root, fs::copy_options::recursive);
  }
  RunOutput lint(std::vector<std::string> Extra = {}) const {
    Extra.insert(Extra.begin(), {"--color=never", "--quiet", "-p", ".", "--cache-dir", Cache});
    return runIn(Root, MODLINT_BINARY, Extra);
  }
  size_t entries() const {
    size_t N = 0;
    if (fs::exists(Cache))
      for (const auto &E : fs::recursive_directory_iterator(Cache))
        N += E.path().extension() == ".yaml";
    return N;
  }
};

TEST(Cache, SameFindingsColdWarmAndUncached) {
  CachedTree T;
  RunOutput Cold = T.lint();
  EXPECT_EQ(T.entries(), 7u); // one per unit (stats.cpp has two commands)
  RunOutput Warm = T.lint({"--stats"});
  // Every unit, also bad/sessions.cpp, whose command in bad/ reads the
  // headers as bad/../include/... while its findings name include/...
  EXPECT_NE(Warm.Stderr.find("7 units: 7 from the cache, 0 parsed"), std::string::npos)
      << Warm.Stderr;
  RunOutput Uncached = T.lint({"--no-cache"});
  EXPECT_EQ(Cold.ExitCode, 1);
  EXPECT_FALSE(Cold.Stdout.empty());
  EXPECT_EQ(Warm.Stdout, Cold.Stdout);
  EXPECT_EQ(Warm.ExitCode, Cold.ExitCode);
  EXPECT_EQ(Uncached.Stdout, Cold.Stdout);
  for (const char *Format : {"json", "sarif"})
    EXPECT_EQ(T.lint({"--format", Format}).Stdout, T.lint({"--format", Format, "--no-cache"}).Stdout)
        << Format;
}

TEST(Cache, ChangedHeaderRelintsItsUnits) {
  CachedTree T;
  T.lint();
  // Fix the shared header's race: its findings must go, from the cache too.
  std::ofstream(T.Root + "/include/svc/shared_cache.hpp")
      << "#pragma once\n#include <svc/handler.hpp>\n"
         "namespace svc { class SharedCache : public Handler {}; }\n";
  RunOutput After = T.lint();
  EXPECT_EQ(After.Stdout.find("shared_cache.hpp"), std::string::npos) << After.Stdout;
  EXPECT_EQ(After.Stdout, T.lint({"--no-cache"}).Stdout);
}

// Editing a header and reverting it, or going to another branch and back,
// finds the earlier results: each unit keeps its last few states, the
// least recently used dropped first.
TEST(Cache, RevertedEditIsWarmAndEntriesAreBounded) {
  CachedTree T;
  const std::string Header = T.Root + "/include/svc/shared_cache.hpp";
  const std::string Original = readFile(Header);
  const std::string Expected = T.lint().Stdout;
  std::ofstream(Header) << Original << "// edited\n";
  // The three units that include the header are linted again.
  EXPECT_NE(T.lint({"--stats"}).Stderr.find("7 units: 4 from the cache, 3 parsed"),
            std::string::npos);
  std::ofstream(Header) << Original;
  const RunOutput Reverted = T.lint({"--stats"});
  EXPECT_EQ(Reverted.Stdout, Expected);
  // ... and after the revert, found again: all seven are warm.
  EXPECT_NE(Reverted.Stderr.find("7 units: 7 from the cache, 0 parsed"), std::string::npos)
      << Reverted.Stderr;

  // Six more states of the header: no unit keeps more than four entries,
  // and the state used last is among them.
  for (int I = 0; I < 6; ++I) {
    std::ofstream(Header) << Original << "// edit " << I << "\n";
    T.lint();
  }
  for (const auto &E : fs::recursive_directory_iterator(T.Cache))
    if (E.is_directory() && E.path().parent_path().parent_path() == fs::path(T.Cache)) {
      const auto Entries = std::distance(fs::directory_iterator(E.path()), fs::directory_iterator());
      EXPECT_LE(Entries, 4) << E.path();
    }
  EXPECT_NE(T.lint({"--stats"}).Stderr.find("7 from the cache"), std::string::npos);
}

// A database as CMake writes it (absolute paths, a -o per unit, the build
// directory as each command's directory): moving the build directory keeps
// every unit warm, with the same report. A command that names a path
// relative to it is linted again.
TEST(Cache, MovedBuildDirectoryStaysWarm) {
  CachedTree T;
  auto WriteDatabase = [&T](const std::string &Build, const std::string &Extra) {
    fs::create_directories(T.Root + "/" + Build);
    std::string Json = "[";
    for (const std::string File : {"good/orders.cpp", "good/billing.cpp", "bad/stats.cpp"})
      Json += std::string(Json.size() > 1 ? "," : "") + "{\"directory\": \"" + T.Root + "/" +
              Build + "\", \"file\": \"" + T.Root + "/" + File +
              "\", \"command\": \"c++ -std=c++20 -I" + T.Root + "/include " + Extra +
              " -o CMakeFiles/app.dir/" + File + ".o -c " + T.Root + "/" + File + "\"}";
    std::ofstream(T.Root + "/" + Build + "/compile_commands.json") << Json << "]";
  };
  auto Lint = [&T](const std::string &Build) {
    return runIn(T.Root, MODLINT_BINARY,
                 {"--color=never", "--quiet", "--stats", "-p", Build, "--cache-dir", T.Cache});
  };
  // Lints with the database in `From`, moves it to `To` and lints again.
  auto LintMoved = [&](const std::string &From, const std::string &To, const std::string &Extra) {
    WriteDatabase(From, Extra);
    RunOutput Before = Lint(From);
    fs::rename(T.Root + "/" + From, T.Root + "/" + To);
    WriteDatabase(To, Extra);
    return std::make_pair(std::move(Before), Lint(To));
  };
  const auto [Cold, Moved] = LintMoved("build", "out", "");
  EXPECT_NE(Cold.Stderr.find("3 units: 0 from the cache, 3 parsed"), std::string::npos)
      << Cold.Stderr;
  EXPECT_NE(Moved.Stderr.find("3 units: 3 from the cache, 0 parsed"), std::string::npos)
      << Moved.Stderr;
  EXPECT_EQ(Moved.Stdout, Cold.Stdout);
  EXPECT_EQ(Moved.ExitCode, Cold.ExitCode);

  const auto [Stored, Relative] = LintMoved("out", "out2", "-fcrash-diagnostics-dir=crash/dir");
  EXPECT_NE(Relative.Stderr.find("3 units: 0 from the cache, 3 parsed"), std::string::npos)
      << Relative.Stderr;
  EXPECT_EQ(Relative.Stdout, Stored.Stdout);
  EXPECT_EQ(Relative.Stdout, Cold.Stdout);
}

TEST(Cache, ChangedConfigurationIsAMiss) {
  CachedTree T;
  RunOutput Default = T.lint({"bad/legacy"});
  RunOutput Relaxed = T.lint({"bad/legacy", "--no-strict"});
  EXPECT_NE(Default.Stdout, Relaxed.Stdout);
  EXPECT_EQ(Relaxed.ExitCode, 0);
}

TEST(Cache, CorruptEntriesAreIgnoredAndReplaced) {
  CachedTree T;
  const std::string Expected = T.lint().Stdout;
  size_t Corrupted = 0;
  for (const auto &E : fs::recursive_directory_iterator(T.Cache))
    if (E.path().extension() == ".yaml") {
      std::ofstream(E.path()) << "Format: 2\nInputs: [ { Path: tru";
      ++Corrupted;
    }
  ASSERT_GT(Corrupted, 0u);
  EXPECT_EQ(T.lint().Stdout, Expected);
  // Replaced: every entry is a whole entry again.
  for (const auto &E : fs::recursive_directory_iterator(T.Cache))
    if (E.path().extension() == ".yaml")
      EXPECT_NE(readFile(E.path().string()).find("\nSuppressed:"), std::string::npos);
}

TEST(Cache, ConcurrentRunsShareACacheSafely) {
  CachedTree T;
  const std::string Expected = T.lint({"--no-cache"}).Stdout;
  std::vector<std::string> Outputs(4);
  std::vector<std::thread> Runs;
  for (int I = 0; I < 4; ++I)
    Runs.emplace_back([&, I] { Outputs[I] = T.lint({"-j", "2"}).Stdout; });
  for (std::thread &Run : Runs)
    Run.join();
  for (const std::string &Out : Outputs)
    EXPECT_EQ(Out, Expected);
  EXPECT_EQ(T.lint().Stdout, Expected);
  // No temporary file is left behind.
  for (const auto &E : fs::recursive_directory_iterator(T.Cache))
    EXPECT_EQ(E.path().string().find(".modlint-"), std::string::npos) << E.path();
}

} // namespace
} // namespace modlint::testing
