#include "engine/prefix/PrefixPch.h"

#include "engine/parse/CheckSession.h"
#include "engine/parse/FastPath.h"
#include "engine/prefix/GuardedIncludes.h"
#include "engine/prefix/IncludeExpansion.h"
#include "engine/prefix/StreamedPch.h"
#include "engine/parse/ToolSetup.h"
#include "engine/prefix/PrefixScope.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// Clang's precompiled-header action, writing the header as it goes (see
/// StreamedPch.h), parsing only the project's function bodies, running the
/// checks on them once the header is written, and noting the files it read.
class PrefixAction : public GeneratePCHAction {
public:
  PrefixAction(const PrefixLink &Link, CheckGroups &Checks, std::vector<std::string> &Inputs,
               bool &Guarded)
      : Build(Link.Build), Link(Link), Checks(Checks), Inputs(Inputs), Guarded(Guarded) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    std::unique_ptr<ASTConsumer> Writer =
        createStreamedPchWriter(Compiler, Compiler.getFrontendOpts().OutputFile);
    if (!Writer)
      return nullptr;
    Compiler.getPreprocessor().addPPCallbacks(std::make_unique<GuardedIncludes>(
        Compiler.getPreprocessor(), Link.GuardedLines, Guarded));
    std::vector<ScopedConsumer> WriteThenCheck;
    WriteThenCheck.push_back({std::move(Writer), nullptr});
    for (ScopedConsumer &Consumer : consumersOf(Checks, Compiler, File))
      WriteThenCheck.push_back(std::move(Consumer));
    return withFastPath(std::move(WriteThenCheck),
                        std::make_unique<ProjectFiles>(
                            Compiler.getSourceManager(),
                            ReportScope(Build.ProjectRoot, Build.HeaderFilter)));
  }

  void EndSourceFileAction() override {
    collectInputs(getCompilerInstance().getSourceManager(), Inputs);
    GeneratePCHAction::EndSourceFileAction();
  }

private:
  const LintJob &Build;
  const PrefixLink &Link;
  CheckGroups &Checks;
  std::vector<std::string> &Inputs;
  bool &Guarded;
};

class PrefixActionFactory : public tooling::FrontendActionFactory {
public:
  PrefixActionFactory(const PrefixLink &Link, std::string PchPath, CheckGroups &Checks,
                      std::vector<std::string> &Inputs)
      : Link(Link), PchPath(std::move(PchPath)), Checks(Checks), Inputs(Inputs) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<PrefixAction>(Link, Checks, Inputs, Guarded);
  }

  /// Whether the headers of the link's GuardedLines are all guarded.
  bool Guarded = false;

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Consumer) override {
    setUpCheckedParse(*Invocation);
    Invocation->getFrontendOpts().OutputFile = PchPath;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps), Consumer);
  }

private:
  const PrefixLink &Link;
  const std::string PchPath;
  CheckGroups &Checks;
  std::vector<std::string> &Inputs;
};

/// Sets `Tool` up to parse on top of the prefix's first `Count` links: their
/// headers in memory, and the last one's precompiled header read first.
void onLinks(tooling::ClangTool &Tool, const BuiltPrefix &Built, size_t Count) {
  for (size_t L = 0; L < Count; ++L)
    Tool.mapVirtualFile(Built.Prefix->Links[L].HeaderPath, Built.Prefix->Links[L].HeaderText);
  if (Count > 0)
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        {"-include-pch", Built.PchPaths[Count - 1]}, tooling::ArgumentInsertPosition::BEGIN));
}

/// The links' headers exist only in memory: no parse depends on them.
void eraseLinkHeaders(const SharedPrefix &Prefix, std::vector<std::string> &Inputs) {
  for (const PrefixLink &Link : Prefix.Links)
    llvm::erase(Inputs, Link.HeaderPath);
}

/// Precompiles link `L` on top of those before it; adds what it read to
/// `Inputs` and its findings to the prefix's.
bool precompileLink(BuiltPrefix &Built, size_t L, std::vector<std::string> &Inputs) {
  const PrefixLink &Link = Built.Prefix->Links[L];
  OneCommandTool Setup(Link.Build.Command, Link.HeaderPath);
  tooling::ClangTool &Tool = Setup.tool();
  onLinks(Tool, Built, L);
  Tool.mapVirtualFile(Link.HeaderPath, Link.HeaderText);
  // Its errors, if any, make it unused: its users' own parses report them.
  CheckGroups Checks = groupsOfLink(Link.Build.Options);
  profileChecks(Checks, Link.Build);
  Tool.setDiagnosticConsumer(&Checks.front()->session().compilerDiagnostics());
  PrefixActionFactory Factory(Link, Built.PchPaths[L], Checks, Inputs);
  // A header read again by the units that is not guarded would be read
  // twice: the prefix is not used, as if it had not compiled.
  const bool Compiled = Tool.run(&Factory) == 0 && Factory.Guarded;
  UnitFindings Found = takeFindings(Checks, Link.Build);
  llvm::append_range(Built.Findings.Diagnostics, std::move(Found.Diagnostics));
  llvm::append_range(Built.Findings.Suppressed, std::move(Found.Suppressed));
  return Compiled;
}

} // namespace

void precompilePrefix(BuiltPrefix &Built) {
  const SharedPrefix &Prefix = *Built.Prefix;
  std::vector<std::string> Inputs;
  Built.Built = Built.PchPaths.size() == Prefix.Links.size();
  for (size_t L = 0; L < Prefix.Links.size() && Built.Built; ++L)
    Built.Built = precompileLink(Built, L, Inputs); // collectInputs keeps them sorted
  eraseLinkHeaders(Prefix, Inputs);
  Built.Inputs = std::move(Inputs);
}

void addPrefixInputs(const BuiltPrefix &Built, std::vector<std::string> &Inputs) {
  eraseLinkHeaders(*Built.Prefix, Inputs);
  Inputs.insert(Inputs.end(), Built.Inputs.begin(), Built.Inputs.end());
  llvm::sort(Inputs);
  Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
}

bool usePrefix(tooling::ClangTool &Tool, const BuiltPrefix &Built, const LintJob &Job,
               PrefixUse &Use) {
  const std::string &File = Job.File;
  const SharedPrefix &Prefix = *Built.Prefix;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(File, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Text)
    return false;
  const std::vector<IncludeLine> Lines = expandedLeadingIncludes(Job, (*Text)->getBuffer());
  if (Lines.size() < Prefix.IncludeCount)
    return false;
  if (includeKey(Lines, Prefix.IncludeCount) != Prefix.Lines)
    return false; // changed since the plan was made
  Use.BlankedText = blankLines((*Text)->getBuffer(), Lines, Prefix.IncludeCount);
  Tool.mapVirtualFile(File, Use.BlankedText);
  onLinks(Tool, Built, Prefix.Links.size());
  return true;
}

} // namespace modlint
