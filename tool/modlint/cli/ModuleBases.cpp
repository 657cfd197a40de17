#include "cli/ModuleBases.h"

#include "catalog/RuleCatalog.h"
#include "config/ConfigSyntax.h"
#include "engine/parse/CheckSession.h"
#include "fmt/format.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <set>

namespace modlint {

namespace {
/// The ModuleBases of every unit, global or for one check.
std::set<std::string> configuredBases(const std::vector<LintJob> &Jobs) {
  std::set<std::string> Bases;
  for (const LintJob &Job : Jobs)
    for (const auto &[Key, Value] : Job.Options.CheckOptions)
      if (llvm::StringRef(Key) == "ModuleBases" || llvm::StringRef(Key).ends_with(".ModuleBases"))
        for (const std::string &Name : splitNameList(Value.Value))
          Bases.insert(Name);
  return Bases;
}

bool runsMemberChecks(const std::vector<LintJob> &Jobs) {
  for (const LintJob &Job : Jobs)
    for (const std::string &Check : enabledChecks(Job.Options))
      if (const Rule *R = findRule(Check); R && llvm::is_contained(R->Tags, "member-state"))
        return true;
  return false;
}
} // namespace

ModuleBaseVerdict moduleBaseVerdict(const CommandLine &Cmd, const std::vector<LintJob> &Jobs,
                                    const LintResult &Result) {
  ModuleBaseVerdict Verdict;
  const bool WholeDatabase = !Cmd.BuildPath.empty() && Cmd.Paths.empty() && Cmd.ShardCount <= 1;
  if (!WholeDatabase || Result.FailedFiles.size() + Result.CrashedFiles.size() >= Jobs.size())
    return Verdict;
  const ModuleCensus &Census = Result.Census;
  std::vector<llvm::StringRef> Known(Census.Ancestors.begin(), Census.Ancestors.end());
  const std::set<std::string> Bases = configuredBases(Jobs);
  for (const std::string &Base : Bases) {
    if (llvm::is_contained(Census.DeclaredBases, Base))
      continue;
    const std::string Meant = closestKey(Base, Known);
    Verdict.Text += fmt::format("modlint: warning: the module base '{}' (ModuleBases) names no "
                                "class declared in any unit linted{}\n",
                                Base, Meant.empty() ? "" : "; did you mean '" + Meant + "'?");
  }
  if (Census.Modules > 0 || Cmd.AllowNoModules || !runsMemberChecks(Jobs))
    return Verdict;
  std::string Candidates;
  for (size_t I = 0; I < Census.Ancestors.size() && I < 5; ++I)
    Candidates += (I ? ", " : "") + Census.Ancestors[I];
  Verdict.Text += fmt::format(
      "modlint: error: no class in the {} unit{} linted derives from a module base (ModuleBases: "
      "{}), so no member state was checked; name the framework's base class with --module-base "
      "or ModuleBases in .modlint.yaml{}, or pass --allow-no-modules if the project has no "
      "shared modules\n",
      Jobs.size(), Jobs.size() == 1 ? "" : "s", llvm::join(Bases, ", "),
      Candidates.empty() ? "" : " (the project's classes derive from: " + Candidates + ")");
  Verdict.Fails = true;
  return Verdict;
}

} // namespace modlint
