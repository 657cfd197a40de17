// Lines and columns for the reports: clang's byte columns, SARIF's UTF-16
// columns, line text; on text that is not ASCII, not UTF-8, or has CRLF.
#include "report/SourcePositions.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"

#include <fstream>

namespace modlint {
namespace {

class SourcePositionsTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> Path;
    ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("positions", "cpp", Path));
    File = std::string(Path);
    // Line 2: "é" is 2 bytes and 1 UTF-16 unit; the emoji 4 bytes and 2
    // units; 0xff is no UTF-8 at all. Line 3 ends in CRLF.
    std::ofstream(File, std::ios::binary) << "int a;\n"
                                          << "s = \"\xc3\xa9\xf0\x9f\x98\x80\xff\"; x;\n"
                                          << "crlf;\r\n"
                                          << "last";
  }
  void TearDown() override { llvm::sys::fs::remove(File); }

  std::string File;
  SourcePositions Positions;
};

TEST_F(SourcePositionsTest, BytesAndUtf16Columns) {
  // "x" on line 2 (which starts at byte 7): `s = "` is 5 bytes, é 2, the
  // emoji 4, the bad byte 1, then `"; ` 3: 15 bytes before it.
  const unsigned X = 7 + 15;
  EXPECT_EQ(Positions.at(File, X).Line, 2u);
  EXPECT_EQ(Positions.at(File, X).Column, 16u);
  // In UTF-16 units: 5, é 1, the emoji 2, the bad byte 1, then 3: 12 before.
  EXPECT_EQ(Positions.utf16At(File, X).Column, 13u);
  EXPECT_EQ(Positions.utf16At(File, 0).Column, 1u);
}

TEST_F(SourcePositionsTest, LineTextWithoutItsLineBreak) {
  EXPECT_EQ(Positions.lineText(File, 1), "int a;");
  EXPECT_EQ(Positions.lineText(File, 3), "crlf;");
  EXPECT_EQ(Positions.lineText(File, 4), "last");
  EXPECT_EQ(Positions.lineText(File, 5), "");
  EXPECT_EQ(Positions.lineText(File, 0), "");
}

TEST_F(SourcePositionsTest, AnOffsetPastTheEndIsTheEnd) {
  const Position End = Positions.at(File, 1000);
  EXPECT_EQ(End.Line, 4u);
  EXPECT_EQ(End.Column, 5u);
}

TEST(SourcePositions, AFileThatCannotBeReadHasNoPositions) {
  SourcePositions Positions;
  EXPECT_EQ(Positions.at("/nonexistent/file.cpp", 3).Line, 0u);
  EXPECT_EQ(Positions.lineText("/nonexistent/file.cpp", 1), "");
}

} // namespace
} // namespace modlint
