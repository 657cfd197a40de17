#include "engine/prefix/StreamedPch.h"

#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Frontend/FrontendOptions.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Serialization/ASTWriter.h"
#include "llvm/Bitstream/BitstreamWriter.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace clang;

namespace modlint {

namespace {
/// The bitstream writer flushes at the end of a block once it holds more
/// than this many megabytes: one, the smallest it takes.
constexpr uint32_t FlushThresholdMB = 1;

/// What PCHGenerator does for a precompiled header (no module), with the
/// bitstream on the file instead of on a buffer.
class StreamedPchWriter : public SemaConsumer {
public:
  StreamedPchWriter(CompilerInstance &Compiler, std::string OutputFile,
                    std::unique_ptr<llvm::raw_fd_stream> Out)
      : PP(Compiler.getPreprocessor()), OutputFile(std::move(OutputFile)), Out(std::move(Out)),
        Stream(std::in_place, *this->Out, FlushThresholdMB),
        Writer(*Stream, Unread, Compiler.getModuleCache(),
               Compiler.getFrontendOpts().ModuleFileExtensions,
               Compiler.getFrontendOpts().IncludeTimestamps) {}

  void InitializeSema(Sema &S) override { SemaPtr = &S; }

  void HandleTranslationUnit(ASTContext &) override {
    // As PCHGenerator: a parse with errors, or a module that failed to
    // load, leaves no precompiled header.
    if (PP.getModuleLoader().HadFatalFailure || PP.getDiagnostics().hasErrorOccurred())
      return;
    Writer.WriteAST(*SemaPtr, OutputFile, /*WritingModule=*/nullptr, /*isysroot=*/"");
    // The writer keeps the end of the file until it is destroyed. Nothing
    // writes to the stream after WriteAST (the writer only goes on noting
    // AST changes, as its listener), so it can go now.
    Stream.reset();
    Out->close();
    if (Out->has_error()) {
      PP.getDiagnostics().Report(diag::err_fe_unable_to_open_output)
          << OutputFile << Out->error().message();
      Out->clear_error();
    }
  }

  void HandleVTable(CXXRecordDecl *RD) override { Writer.handleVTable(RD); }
  ASTMutationListener *GetASTMutationListener() override { return &Writer; }
  // On top of another precompiled header, the writer must see what is read
  // from it (chained precompiled headers).
  ASTDeserializationListener *GetASTDeserializationListener() override { return &Writer; }

private:
  Preprocessor &PP;
  const std::string OutputFile;
  std::unique_ptr<llvm::raw_fd_stream> Out;
  /// The writer's view of its output, which it reads only when it writes
  /// a module (to hash it); a precompiled header never fills it.
  llvm::SmallVector<char, 0> Unread;
  std::optional<llvm::BitstreamWriter> Stream;
  ASTWriter Writer;
  Sema *SemaPtr = nullptr;
};
} // namespace

std::unique_ptr<ASTConsumer> createStreamedPchWriter(CompilerInstance &Compiler,
                                                     const std::string &OutputFile) {
  std::error_code Error;
  // Read and write: a block's size is patched in after the block is
  // written, which may be after its start went to disk.
  auto Out = std::make_unique<llvm::raw_fd_stream>(OutputFile, Error);
  if (Error) {
    Compiler.getDiagnostics().Report(diag::err_fe_unable_to_open_output)
        << OutputFile << Error.message();
    return nullptr;
  }
  return std::make_unique<StreamedPchWriter>(Compiler, OutputFile, std::move(Out));
}

} // namespace modlint
