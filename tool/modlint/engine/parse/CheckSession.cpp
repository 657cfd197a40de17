#include "engine/parse/CheckSession.h"

#include "engine/parse/FastPath.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// Diagnostics name files as the compile command spelled them, relative to
/// the command's directory when the include path was relative.
void makeAbsolute(std::string &Path, StringRef Directory) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path))
    return;
  llvm::SmallString<256> Absolute(Directory);
  llvm::sys::path::append(Absolute, Path);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  Path = std::string(Absolute);
}

void makeAbsolute(tooling::DiagnosticMessage &Message, StringRef Directory) {
  makeAbsolute(Message.FilePath, Directory);
  for (tooling::FileByteRange &Range : Message.Ranges)
    makeAbsolute(Range.FilePath, Directory);
  llvm::StringMap<tooling::Replacements> Fixes;
  for (const auto &[File, Replacements] : Message.Fix)
    for (const tooling::Replacement &R : Replacements) {
      std::string Path = R.getFilePath().str();
      makeAbsolute(Path, Directory);
      llvm::consumeError(Fixes[Path].add(tooling::Replacement(
          Path, R.getOffset(), R.getLength(), R.getReplacementText())));
    }
  Message.Fix = std::move(Fixes);
}

/// Absolute paths everywhere; header findings only where the job wants them.
std::vector<ClangTidyError> keepReported(std::vector<ClangTidyError> Errors,
                                         const LintJob &Job) {
  const ReportScope Scope(Job.ProjectRoot, Job.HeaderFilter);
  std::vector<ClangTidyError> Kept;
  for (ClangTidyError &Error : Errors) {
    makeAbsolute(Error.Message, Error.BuildDirectory);
    for (tooling::DiagnosticMessage &Note : Error.Notes)
      makeAbsolute(Note, Error.BuildDirectory);
    const std::string &File = Error.Message.FilePath;
    const bool Reported =
        Error.DiagLevel == tooling::Diagnostic::Error || File.empty() ||
        File == Job.File || Scope.covers(File);
    if (Reported)
      Kept.push_back(std::move(Error));
  }
  return Kept;
}
} // namespace

std::unique_ptr<ClangTidyContext> makeContext(const ClangTidyOptions &Options) {
  return std::make_unique<ClangTidyContext>(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                               Options));
}

// The checks report through the context's own engine, whose client is the
// recorder; the recorder forwards everything to clang-tidy's consumer.
CheckSession::CheckSession(const ClangTidyOptions &Options)
    : Context(makeContext(Options)),
      Consumer(*Context, /*ExternalDiagEngine=*/nullptr,
               /*RemoveIncompatibleErrors=*/true),
      Recorder(*Context, Consumer),
      Engine(new DiagnosticIDs(), new DiagnosticOptions(), &Recorder,
             /*ShouldOwnClient=*/false) {
  Context->setDiagnosticsEngine(&Engine);
}

UnitFindings CheckSession::take(const LintJob &Job) {
  UnitFindings Findings;
  Findings.Diagnostics = keepReported(Consumer.take(), Job);
  Findings.Suppressed = keepReported(Recorder.take(), Job);
  return Findings;
}

std::vector<std::string> enabledChecks(const ClangTidyOptions &Options) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Options);
  return ClangTidyASTConsumerFactory(*Context).getCheckNames();
}

void profileChecks(CheckGroups &Groups, const LintJob &Job) {
  if (Job.ProfileDirectory.empty())
    return;
  for (size_t G = 0; G < Groups.size(); ++G) {
    ClangTidyContext &Context = Groups[G]->session().context();
    Context.setEnableProfiling(true);
    Context.setProfileStoragePrefix(Job.ProfileDirectory + "/group" + std::to_string(G));
  }
}

std::vector<ScopedConsumer> consumersOf(CheckGroups &Groups, CompilerInstance &Compiler,
                                        StringRef File) {
  std::vector<ScopedConsumer> Consumers;
  for (const std::unique_ptr<CheckGroup> &Group : Groups)
    Consumers.push_back(Group->consumer(Compiler, File));
  return Consumers;
}

UnitFindings takeFindings(CheckGroups &Groups, const LintJob &Job) {
  UnitFindings Findings;
  for (const std::unique_ptr<CheckGroup> &Group : Groups) {
    UnitFindings Found = Group->session().take(Job);
    llvm::append_range(Findings.Diagnostics, std::move(Found.Diagnostics));
    llvm::append_range(Findings.Suppressed, std::move(Found.Suppressed));
  }
  return Findings;
}

} // namespace modlint
