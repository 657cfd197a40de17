#include "report/DiagnosticPrinter.h"

#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace modlint {

namespace {
DiagnosticOptions *makeOptions(bool Colors) {
  auto *Options = new DiagnosticOptions();
  Options->ShowColors = Colors;
  return Options;
}

DiagnosticsEngine::Level levelOf(tooling::Diagnostic::Level Level) {
  switch (Level) {
  case tooling::Diagnostic::Error:
    return DiagnosticsEngine::Error;
  case tooling::Diagnostic::Remark:
    return DiagnosticsEngine::Remark;
  case tooling::Diagnostic::Warning:
    break;
  }
  return DiagnosticsEngine::Warning;
}
} // namespace

DiagnosticPrinter::DiagnosticPrinter(llvm::raw_ostream &OS, bool Colors)
    : Options(makeOptions(Colors)), Files(FileSystemOptions()),
      Printer(std::make_unique<TextDiagnosticPrinter>(OS, Options.get())),
      Engine(new DiagnosticIDs(), Options, Printer.get(),
             /*ShouldOwnClient=*/false),
      Sources(Engine, Files) {
  Engine.setSourceManager(&Sources);
  // A string or file stream colours only when told to.
  OS.enable_colors(Colors);
  Printer->BeginSourceFile(LangOptions(), nullptr);
}

DiagnosticPrinter::~DiagnosticPrinter() { Printer->EndSourceFile(); }

SourceLocation DiagnosticPrinter::location(StringRef FilePath, unsigned Offset,
                                           StringRef BuildDirectory) {
  if (FilePath.empty())
    return {};
  // Paths in a diagnostic are as the compile command spelled them, so a
  // relative one is relative to the command's directory.
  llvm::SmallString<256> Path(FilePath);
  if (!llvm::sys::path::is_absolute(Path) && !BuildDirectory.empty()) {
    Path = BuildDirectory;
    llvm::sys::path::append(Path, FilePath);
  }
  // Shown relative to the current directory when under it, as clang shows
  // the files it was given.
  llvm::SmallString<256> Shown(Path);
  llvm::sys::path::remove_dots(Shown, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Cwd;
  if (!llvm::sys::fs::current_path(Cwd) &&
      llvm::sys::path::replace_path_prefix(Shown, Cwd, "")) {
    // Copied out first: assigning a string a view of itself overlaps.
    const std::string Relative(llvm::sys::path::relative_path(Shown));
    Shown = Relative;
  }
  auto File = Files.getOptionalFileRef(Shown.empty() ? Path : Shown);
  if (!File)
    return {};
  FileID ID = Sources.getOrCreateFileID(*File, SrcMgr::C_User);
  return Sources.getLocForStartOfFile(ID).getLocWithOffset(Offset);
}

void DiagnosticPrinter::emit(const tooling::DiagnosticMessage &Message,
                             DiagnosticsEngine::Level Level, StringRef Text,
                             StringRef BuildDirectory) {
  SourceLocation Loc =
      location(Message.FilePath, Message.FileOffset, BuildDirectory);
  DiagnosticBuilder Builder =
      Engine.Report(Loc, Engine.getCustomDiagID(Level, "%0")) << Text;
  for (const tooling::FileByteRange &Range : Message.Ranges) {
    SourceLocation Begin =
        location(Range.FilePath, Range.FileOffset, BuildDirectory);
    if (Begin.isValid())
      Builder << CharSourceRange::getCharRange(
          Begin, Begin.getLocWithOffset(Range.Length));
  }
}

void DiagnosticPrinter::print(const tidy::ClangTidyError &Error) {
  std::string Text = Error.Message.Message;
  if (!Error.DiagnosticName.empty() &&
      !StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-"))
    Text += " [" + Error.DiagnosticName + "]";
  emit(Error.Message, levelOf(Error.DiagLevel), Text, Error.BuildDirectory);
  for (const tooling::DiagnosticMessage &Note : Error.Notes)
    emit(Note, DiagnosticsEngine::Note, Note.Message, Error.BuildDirectory);
}

} // namespace modlint
