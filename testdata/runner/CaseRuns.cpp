#include "CaseRuns.h"

#include "options/CheckOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace modlint::testing {

namespace fs = std::filesystem;

namespace {
std::string normalise(const std::string &Path) {
  return fs::weakly_canonical(fs::path(Path)).string();
}

std::vector<std::string> compilerArgs(const std::string &Race = "") {
  std::vector<std::string> Args{"-std=c++20", "-I" MODLINT_REPO_INCLUDE_DIR,
                                "-I" MODLINT_TESTDATA_DIR "/include"};
  if (!Race.empty())
    Args.push_back("-D" + Race);
  return Args;
}

/// The headers whose findings a run reports: the case's filter, or the
/// repository's headers.
std::string headerFilter(const CaseSettings &Settings) {
  return Settings.HeaderFilter.empty() ? "^" MODLINT_SOURCE_DIR "/" : Settings.HeaderFilter;
}

/// The flags that give `modlint` a case's checks and options, from the
/// option table. The repository is the project: findings in its headers
/// (the runtime's, included by some cases) are reported and must be
/// expected. No cache: this compares the analyses themselves.
std::vector<std::string> modlintFlags(const CaseSettings &Settings) {
  std::vector<std::string> Args{"--color=never", "--quiet", "--no-cache",
                                "--project-root=" MODLINT_SOURCE_DIR};
  std::string Checks = "--checks=";
  for (const std::string &Check : Settings.Checks)
    Checks += Check + ",";
  Args.push_back(Checks);
  Args.push_back("--header-filter=" + headerFilter(Settings));
  for (const auto &[Key, Value] : Settings.Options) {
    const OptionSpec *Option = findCheckOption(Key);
    if (!Option)
      continue; // reported by the test
    const std::string Flag = Option->Flag.str();
    if (Option->Type == OptionType::NameList)
      for (const std::string &Name : splitNameList(Value))
        Args.push_back(Flag + "=" + Name);
    else if (Option->Type == OptionType::Boolean)
      Args.push_back(Value == "true" ? Flag : negatedFlag(*Option));
    else
      Args.push_back(Flag + "=" + Value);
  }
  return Args;
}

std::string writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream(Path) << Text;
  return Path;
}
} // namespace

std::vector<Case> discoverCases() {
  std::vector<Case> Cases;
  const fs::path Root(MODLINT_TESTDATA_DIR);
  for (const auto &Entry : fs::recursive_directory_iterator(Root)) {
    if (!Entry.is_regular_file() || Entry.path().extension() != ".cpp")
      continue;
    const fs::path Relative = fs::relative(Entry.path(), Root);
    if (*Relative.begin() == "runner")
      continue;
    Cases.push_back({Entry.path().string(), Relative.string()});
  }
  std::sort(Cases.begin(), Cases.end(),
            [](const Case &A, const Case &B) { return A.Name < B.Name; });
  return Cases;
}

std::vector<std::string> filesOfCase(const std::string &Path) {
  static const std::regex Include(R"(^\s*#\s*include\s*\"([^\"]+)\")");
  std::vector<std::string> Files{normalise(Path)};
  std::set<std::string> Seen(Files.begin(), Files.end());
  for (size_t I = 0; I < Files.size(); ++I) {
    const fs::path Dir = fs::path(Files[I]).parent_path();
    std::istringstream Source(readFile(Files[I]));
    for (std::string Line; std::getline(Source, Line);) {
      std::smatch Match;
      if (!std::regex_search(Line, Match, Include))
        continue;
      const fs::path Candidate = Dir / Match[1].str();
      if (fs::exists(Candidate) && Seen.insert(normalise(Candidate.string())).second)
        Files.push_back(normalise(Candidate.string()));
    }
  }
  return Files;
}

RunOutput runModlint(const Case &C, const CaseSettings &Settings, const std::string &Race) {
  std::vector<std::string> Args = modlintFlags(Settings);
  Args.push_back(C.Path);
  Args.push_back("--");
  for (const std::string &Arg : compilerArgs(Race))
    Args.push_back(Arg);
  return run(MODLINT_BINARY, Args);
}

namespace {
constexpr llvm::StringLiteral DiagnosticPrefix = "clang-diagnostic-";

/// Clang's own warnings named as clang-tidy names them: the compiler run
/// with each one on, its `[-Wfoo]` tags renamed `[clang-diagnostic-foo]`,
/// only the named ones kept. (clang-tidy runs no `clang-diagnostic-*` peer
/// alone: it wants one check of its own enabled.)
RunOutput runCompilerPeers(const Case &C, const CaseSettings &Settings,
                           const std::vector<std::string> &Warnings) {
  std::vector<std::string> Args{"-fsyntax-only", "-fno-color-diagnostics",
                                "-fno-caret-diagnostics"};
  llvm::append_range(Args, compilerArgs());
  llvm::append_range(Args, Settings.PeerFlags);
  for (const std::string &Warning : Warnings)
    Args.push_back("-W" + Warning);
  Args.push_back(C.Path);
  RunOutput Out = run(MODLINT_CLANG, Args);
  static const std::regex Tag(R"(\[-W([A-Za-z0-9-]+)\]$)");
  std::string Kept;
  for (llvm::StringRef Line : llvm::split(Out.Stderr, '\n')) {
    std::smatch Match;
    const std::string Text = Line.str();
    if (!std::regex_search(Text, Match, Tag) ||
        !llvm::is_contained(Warnings, Match[1].str()))
      continue;
    Kept += std::regex_replace(Text, Tag, "[" + DiagnosticPrefix.str() + "$1]") + "\n";
  }
  Out.Stdout = std::move(Kept);
  return Out;
}
} // namespace

RunOutput runPeers(const Case &C, const CaseSettings &Settings) {
  std::string Checks = "--checks=-*";
  std::vector<std::string> Warnings;
  for (const std::string &Check : Settings.Peers) {
    if (llvm::StringRef(Check).starts_with(DiagnosticPrefix))
      Warnings.push_back(Check.substr(DiagnosticPrefix.size()));
    else
      Checks += "," + Check;
  }
  if (!Warnings.empty())
    return runCompilerPeers(C, Settings, Warnings);
  std::vector<std::string> Args{Checks, "--quiet", C.Path, "--"};
  for (const std::string &Arg : compilerArgs())
    Args.push_back(Arg);
  return run(MODLINT_CLANG_TIDY, Args);
}

RunOutput runClangTidy(const Case &C, const CaseSettings &Settings, const std::string &Race) {
  std::string Config = "{CheckOptions: {";
  for (const auto &[Key, Value] : Settings.Options)
    Config += Key + ": '" + Value + "', ";
  Config += "}}";
  std::string Checks = "--checks=-*";
  for (const std::string &Check : Settings.Checks)
    Checks += "," + Check;
  std::vector<std::string> Args{"--load=" MODLINT_PLUGIN, Checks,
                                "--header-filter=" + headerFilter(Settings),
                                "--config=" + Config, "--quiet", C.Path, "--"};
  for (const std::string &Arg : compilerArgs(Race))
    Args.push_back(Arg);
  return run(MODLINT_CLANG_TIDY, Args);
}

RunOutput runOnSharedPrefix(const Case &C, const CaseSettings &Settings) {
  const std::string Dir = tempDirectory();
  std::string Database = "[";
  for (const char *Unit : {"a.cpp", "b.cpp"}) {
    writeFile(Dir + "/" + Unit, "#include \"" + C.Path + "\"\n");
    Database += std::string(Database.size() > 1 ? ",\n" : "\n") + "{\"directory\": \"" + Dir +
                "\", \"file\": \"" + Unit + "\", \"arguments\": [\"clang++\"";
    for (const std::string &Arg : compilerArgs())
      Database += ", \"" + Arg + "\"";
    Database += ", \"-c\", \"" + std::string(Unit) + "\"]}";
  }
  writeFile(Dir + "/compile_commands.json", Database + "\n]\n");
  std::vector<std::string> Args = modlintFlags(Settings);
  // The two units are the whole database; a case may hold no module.
  for (const char *Arg : {"--stats", "--allow-no-modules", "-p"})
    Args.push_back(Arg);
  Args.push_back(Dir);
  RunOutput Out = run(MODLINT_BINARY, Args);
  fs::remove_all(Dir);
  return Out;
}

std::vector<Finding> findingsOf(const RunOutput &Output) {
  static const std::regex NotePlace(R"(^(.+?)(:\d+:\d+: .*)$)");
  std::vector<Finding> Findings = parseFindings(Output.Stdout);
  for (Finding &F : Findings) {
    F.File = normalise(F.File);
    for (std::string &Note : F.Notes) {
      std::smatch Match;
      if (std::regex_match(Note, Match, NotePlace))
        Note = normalise(Match[1]) + Match[2].str();
    }
  }
  return Findings;
}

} // namespace modlint::testing
