// A precompiled header written as it goes (StreamedPch.h) has the bytes of
// the one Clang's own writer builds in memory.
#include "engine/prefix/StreamedPch.h"
#include "Subprocess.h"
#include "engine/parse/ToolSetup.h"

#include "clang/Frontend/FrontendActions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

namespace modlint {
namespace {

/// Clang's precompiled-header action with the streamed writer.
class StreamedPchAction : public clang::GeneratePCHAction {
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &Compiler,
                                                        llvm::StringRef) override {
    return createStreamedPchWriter(Compiler, Compiler.getFrontendOpts().OutputFile);
  }
};

class PchFactory : public clang::tooling::FrontendActionFactory {
public:
  PchFactory(bool Streamed, std::string Output) : Streamed(Streamed), Output(std::move(Output)) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    if (Streamed)
      return std::make_unique<StreamedPchAction>();
    return std::make_unique<clang::GeneratePCHAction>();
  }
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                     clang::FileManager *Files,
                     std::shared_ptr<clang::PCHContainerOperations> Operations,
                     clang::DiagnosticConsumer *Consumer) override {
    Invocation->getFrontendOpts().OutputFile = Output;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(Operations), Consumer);
  }

private:
  const bool Streamed;
  const std::string Output;
};

class StreamedPch : public ::testing::Test {
protected:
  void SetUp() override {
    Root = testing::tempDirectory();
    ASSERT_TRUE(llvm::sys::fs::is_directory(Root));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  /// Precompiles `Text` as a header; true when it compiled.
  bool precompile(const std::string &Text, bool Streamed, const std::string &Output) {
    const std::string Header = Root + "/prefix.hpp";
    OneCommandTool Setup(clang::tooling::CompileCommand(
                             Root, Header, {"c++", "-std=c++20", "-x", "c++-header", Header}, ""),
                         Header);
    Setup.tool().mapVirtualFile(Header, Text);
    clang::DiagnosticConsumer Counted; // counts errors, prints nothing
    Setup.tool().setDiagnosticConsumer(&Counted);
    PchFactory Factory(Streamed, Output);
    return Setup.tool().run(&Factory) == 0;
  }

  static std::string bytes(const std::string &File) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  }

  std::string Root;
};

TEST_F(StreamedPch, HasTheBytesOfClangsWriter) {
  // Several megabytes, so blocks go to disk before the blocks around them
  // are finished and their sizes are patched in on disk.
  const std::string Text = "#include <map>\n#include <string>\n#include <vector>\n"
                           "struct Index { std::map<std::string, std::vector<int>> At;\n"
                           "  void add(const std::string &K) { At[K].push_back(1); } };\n";
  ASSERT_TRUE(precompile(Text, /*Streamed=*/false, Root + "/clang.pch"));
  ASSERT_TRUE(precompile(Text, /*Streamed=*/true, Root + "/streamed.pch"));
  const std::string Clang = bytes(Root + "/clang.pch"), Streamed = bytes(Root + "/streamed.pch");
  EXPECT_GT(Clang.size(), 2u << 20);
  EXPECT_EQ(Clang.size(), Streamed.size());
  EXPECT_TRUE(Clang == Streamed) << "the streamed precompiled header differs";
}

TEST_F(StreamedPch, AnOutputThatCannotBeOpenedFailsTheParse) {
  EXPECT_FALSE(precompile("struct S {};\n", /*Streamed=*/true, Root + "/missing/dir/out.pch"));
}

TEST_F(StreamedPch, AHeaderWithErrorsLeavesNoPrecompiledHeader) {
  EXPECT_FALSE(precompile("struct S { undeclared_t x; };\n", /*Streamed=*/true,
                          Root + "/broken.pch"));
  EXPECT_EQ(bytes(Root + "/broken.pch"), "");
}

} // namespace
} // namespace modlint
