// What of a compile command goes into the cache key: a build directory
// moved elsewhere keeps its key when nothing in the command depends on
// where it is, and never when something might.
#include "cache/CommandKey.h"

#include "gtest/gtest.h"
#include "llvm/ADT/STLExtras.h"

namespace modlint {
namespace {

clang::tooling::CompileCommand command(std::string Directory, std::string File,
                                       std::vector<std::string> Args) {
  return clang::tooling::CompileCommand(std::move(Directory), std::move(File), std::move(Args),
                                        "");
}

bool keepsDirectory(const std::vector<std::string> &Parts) {
  return llvm::any_of(Parts, [](llvm::StringRef P) { return P.starts_with("directory="); });
}

// What CMake writes: absolute paths everywhere (its -o is gone before the
// key is made).
TEST(CommandKey, ACMakeCommandIsTheSameFromAnyBuildDirectory) {
  const std::vector<std::string> Args{"/usr/bin/clang++-19", "-DNDEBUG", "-I/src/include",
                                      "-isystem", "/opt/dep/include", "-std=c++20",
                                      "-fsyntax-only", "/src/a.cpp"};
  const auto Here = commandKeyParts(command("/src/build", "/src/a.cpp", Args));
  const auto There = commandKeyParts(command("/elsewhere/out", "/src/a.cpp", Args));
  EXPECT_EQ(Here, There);
  EXPECT_FALSE(keepsDirectory(Here));
}

// Relative paths in every spelling are resolved against the directory, so
// the same text in two directories is two keys.
TEST(CommandKey, RelativePathsAreResolvedAgainstTheDirectory) {
  const std::vector<std::string> Args{"../bin/clang++", "-I../include", "-iquote", "gen",
                                      "--sysroot=root", "-include", "config.h", "-x", "c++",
                                      "-DDIR=\"a/b\"", "-Wno-unused", "src/a.cpp"};
  const auto Parts = commandKeyParts(command("/p/build", "src/a.cpp", Args));
  EXPECT_EQ(Parts, (std::vector<std::string>{
                       "/p/build/../bin/clang++", "-I/p/build/../include", "-iquote",
                       "/p/build/gen", "--sysroot=/p/build/root", "-include",
                       "/p/build/config.h", "-x", "c++", "-DDIR=\"a/b\"", "-Wno-unused",
                       "/p/build/src/a.cpp"}));
  EXPECT_NE(Parts, commandKeyParts(command("/q/build", "src/a.cpp", Args)));
}

// An argument that may be a relative path modlint cannot place keeps the
// directory in the key: a moved build directory is then a miss.
TEST(CommandKey, AnUnknownRelativePathKeepsTheDirectory) {
  for (const std::string Unknown :
       {"-fcrash-diagnostics-dir=rel/dir", "@flags.rsp", "stray/input.cpp", "-fplugin-arg=x/y"}) {
    const std::vector<std::string> Args{"clang++", Unknown, "/src/a.cpp"};
    const auto Parts = commandKeyParts(command("/src/build", "/src/a.cpp", Args));
    EXPECT_TRUE(keepsDirectory(Parts)) << Unknown;
    EXPECT_NE(Parts, commandKeyParts(command("/src/out", "/src/a.cpp", Args))) << Unknown;
  }
  EXPECT_FALSE(keepsDirectory(
      commandKeyParts(command("/src/build", "/src/a.cpp", {"clang++", "-fsanitize=/abs", "/src/a.cpp"}))));
}

} // namespace
} // namespace modlint
