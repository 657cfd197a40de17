#include "config/JobPlan.h"

#include "config/RegexSize.h"
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
      if (!Seen.insert({Command.Directory, Command.CommandLine}).second)
        continue;
      Jobs.push_back({File, std::move(Command), Options, ProjectRoot, HeaderFilter});
    }
  }
  return Jobs;
}

bool inShard(llvm::StringRef File, unsigned Index, unsigned Count) {
  return llvm::xxh3_64bits(File) % Count == Index - 1;
}

} // namespace modlint
