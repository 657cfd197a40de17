#include "config/JobPlan.h"

#include "config/RegexSize.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"
#include <set>

namespace modlint {

namespace {
/// Why `Pattern` cannot be a HeaderFilter, or empty. Its size is bounded
/// before LLVM compiles it (RegexSize.h).
std::string headerFilterProblem(const std::string &Pattern) {
  if (regexParts(Pattern) > MaxRegexParts)
    return "its counted repetitions would compile to more than " +
           std::to_string(MaxRegexParts) + " parts";
  std::string Problem;
  llvm::Regex(Pattern).isValid(Problem);
  return Problem;
}

/// Drops the `--` that clang's interpolation writes before the input of an
/// inferred command (`clang++ -c -std=c++20 -- new.cpp`), so that every
/// later step can add its flags at the end, as for any database entry.
void dropSeparatorBeforeInput(std::vector<std::string> &CommandLine) {
  const size_t Size = CommandLine.size();
  if (Size >= 2 && CommandLine[Size - 2] == "--" &&
      !llvm::StringRef(CommandLine.back()).starts_with("-"))
    CommandLine.erase(CommandLine.end() - 2);
}
/// Removes --serialize-diagnostics FILE, for which Clang's tooling has no
/// adjuster: it changes nothing in the parse, and a parse would write FILE.
clang::tooling::CommandLineArguments
withoutSerializedDiagnostics(const clang::tooling::CommandLineArguments &Args, llvm::StringRef) {
  clang::tooling::CommandLineArguments Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Args[I] == "--serialize-diagnostics") {
      ++I; // and its file
      continue;
    }
    if (!llvm::StringRef(Args[I]).starts_with("--serialize-diagnostics="))
      Kept.push_back(Args[I]);
  }
  return Kept;
}

/// The command as the parse sees it: without the flags that only name
/// outputs (-o, -MD -MT -MF, --serialize-diagnostics) or colour them, which
/// ClangTool drops anyway, and -fsyntax-only added as it adds it. Commands
/// that differ only in those (every unit's -o in a CMake database) then
/// share a prefix group, one cache entry and one job.
std::vector<std::string> parseRelevant(const std::vector<std::string> &CommandLine,
                                       llvm::StringRef File) {
  using namespace clang::tooling;
  const ArgumentsAdjuster Adjust = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(), getClangStripDependencyFileAdjuster()),
      combineAdjusters(getClangSyntaxOnlyAdjuster(), withoutSerializedDiagnostics));
  return Adjust(CommandLine, File);
}
} // namespace

llvm::Expected<std::vector<LintJob>>
planJobs(const clang::tooling::CompilationDatabase &Database,
         const std::vector<std::string> &Files, ConfigResolver &Configs,
         const std::string &ProjectRoot) {
  std::vector<LintJob> Jobs;
  for (const std::string &File : Files) {
    auto Config = Configs.resolve(File);
    if (!Config)
      return Config.takeError();
    const std::string &HeaderFilter = Config->value(spec(RunOption::HeaderFilter));
    if (const std::string Problem = HeaderFilter.empty() ? "" : headerFilterProblem(HeaderFilter);
        !Problem.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "invalid HeaderFilter '" + HeaderFilter + "': " + Problem);
    const clang::tidy::ClangTidyOptions Options = Config->tidyOptions();
    std::set<std::pair<std::string, std::vector<std::string>>> Seen;
    for (clang::tooling::CompileCommand &Command :
         Database.getCompileCommands(File)) {
      dropSeparatorBeforeInput(Command.CommandLine);
      Command.CommandLine = parseRelevant(Command.CommandLine, File);
      Command.Output.clear();
      if (!Seen.insert({Command.Directory, Command.CommandLine}).second)
        continue;
      Jobs.push_back({File, std::move(Command), Options, ProjectRoot, HeaderFilter, {}});
    }
  }
  return Jobs;
}

bool inShard(llvm::StringRef File, unsigned Index, unsigned Count) {
  return llvm::xxh3_64bits(File) % Count == Index - 1;
}

} // namespace modlint
