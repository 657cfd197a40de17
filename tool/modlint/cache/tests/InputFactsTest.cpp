// What proves an entry's inputs unchanged (cache/EntryFiles.h): a file's
// content hash, or, for a file that settled before it was hashed, its
// stamp. A stamp still the recorded one stands for the content without a
// read; any rewrite, even one that keeps the size and resets the
// modification time, moves the change time and sends the file to be read
// again; a file changed in the last seconds gets no stamp at all.
#include "cache/EntryFiles.h"

#include "TempDirectory.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace modlint {
namespace {

/// An entry made from `File`, as a fresh run records it.
CacheEntry entryOf(const std::string &File) {
  CacheEntry Entry;
  std::optional<std::vector<EntryInput>> Recorded = InputFacts().record({File});
  EXPECT_TRUE(Recorded.has_value());
  if (Recorded)
    Entry.Inputs = std::move(*Recorded);
  return Entry;
}

TEST(InputFacts, AFileChangedInTheLastSecondsHasNoStamp) {
  const std::string File = tempDirectory() + "/fresh.hpp";
  std::ofstream(File) << "int fresh;\n";
  EXPECT_EQ(fileStamp(File), "");
  const CacheEntry Entry = entryOf(File);
  ASSERT_EQ(Entry.Inputs.size(), 1u);
  EXPECT_EQ(Entry.Inputs[0].Stamp, "");
  EXPECT_TRUE(InputFacts().verify(Entry)); // by its content
  EXPECT_EQ(fileStamp(tempDirectory()), "") << "a directory is no input";
}

TEST(InputFacts, AStampStandsForTheContentUntilAnyRewrite) {
  const std::string File = tempDirectory() + "/settled.hpp";
  std::ofstream(File) << "int settled = 1;\n";
  std::this_thread::sleep_for(std::chrono::milliseconds(2100)); // past the settle time
  CacheEntry Entry = entryOf(File);
  ASSERT_EQ(Entry.Inputs.size(), 1u);
  ASSERT_NE(Entry.Inputs[0].Stamp, "");
  EXPECT_EQ(Entry.Inputs[0].Stamp, fileStamp(File));
  const std::string Hash = Entry.Inputs[0].Hash;

  // The file is not read while its stamp holds: a hash it never had is
  // taken as it stands (an entry's other parts prove its places).
  Entry.Inputs[0].Hash = "0123456789abcdef";
  std::optional<VerifiedInputs> Verified = InputFacts().verify(Entry);
  ASSERT_TRUE(Verified.has_value());
  EXPECT_EQ(Verified->lookup(File), uint64_t(17));

  // Rewritten with the same size and its modification time put back: the
  // change time moved, so the file is read, and the change is seen.
  struct stat Before;
  ASSERT_EQ(::stat(File.c_str(), &Before), 0);
  std::ofstream(File) << "int settled = 2;\n";
  const struct timespec Times[2] = {Before.st_atim, Before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, File.c_str(), Times, 0), 0);
  Entry.Inputs[0].Hash = Hash;
  EXPECT_FALSE(InputFacts().verify(Entry));
}

} // namespace
} // namespace modlint
