// The project root found from the working directory and the database.
#include "config/ProjectRoot.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <filesystem>
#include <fstream>

namespace modlint {
namespace {

namespace fs = std::filesystem;

/// A scratch tree: repo/.git, repo/src/deep, repo/build, and outside/.
struct Tree {
  Tree() {
    llvm::SmallString<128> Dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("modlint-root", Dir));
    Top = Dir.str().str();
    for (const char *Sub : {"repo/.git", "repo/src/deep", "repo/build", "outside"})
      fs::create_directories(Top + "/" + Sub);
  }
  ~Tree() { fs::remove_all(Top); }
  std::string at(const std::string &Sub) const { return Top + "/" + Sub; }
  void write(const std::string &Sub, const std::string &Text) const {
    std::ofstream(at(Sub)) << Text;
  }
  std::string root(const std::string &From, const std::string &Database = "") const {
    auto Root = discoverProjectRoot(at(From), Database.empty() ? "" : at(Database));
    EXPECT_TRUE(static_cast<bool>(Root));
    return Root ? *Root : llvm::toString(Root.takeError());
  }
  std::string Top;
};

TEST(ProjectRoot, RepositoryRootFromAnyDirectoryInside) {
  Tree T;
  EXPECT_EQ(T.root("repo"), T.at("repo"));
  EXPECT_EQ(T.root("repo/src/deep"), T.at("repo"));
  // Run from outside the checkout: found from the database's directory.
  EXPECT_EQ(T.root("outside", "repo/build"), T.at("repo"));
  // Nothing anywhere: the database's directory, else the working one.
  EXPECT_EQ(T.root("outside", "outside"), T.at("outside"));
  EXPECT_EQ(T.root("outside"), T.at("outside"));
}

TEST(ProjectRoot, ConfigurationWinsAndInheritanceLeadsUp) {
  Tree T;
  T.write("repo/src/.modlint.yaml", "Strict: true\n");
  EXPECT_EQ(T.root("repo/src/deep"), T.at("repo/src"));
  // A file that inherits its parent's hands over to it; .clang-tidy counts.
  T.write("repo/src/.modlint.yaml", "InheritParentConfig: true\nStrict: true\n");
  T.write("repo/.clang-tidy", "Checks: 'modlint-*'\n");
  EXPECT_EQ(T.root("repo/src/deep"), T.at("repo"));
  // The chain's last file, even above the repository's root.
  T.write("repo/.clang-tidy", "InheritParentConfig: true\n");
  T.write(".modlint.yaml", "Strict: false\n");
  EXPECT_EQ(T.root("repo/src/deep"), T.Top);
}

TEST(ProjectRoot, BrokenConfigOnTheWayIsAnErrorNamingIt) {
  Tree T;
  T.write("repo/.modlint.yaml", "Strict: [\n");
  auto Root = discoverProjectRoot(T.at("repo/src"), "");
  ASSERT_FALSE(static_cast<bool>(Root));
  EXPECT_NE(llvm::toString(Root.takeError()).find(T.at("repo/.modlint.yaml")), std::string::npos);
}

} // namespace
} // namespace modlint
