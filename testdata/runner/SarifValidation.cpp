#include "SarifValidation.h"

#include "Subprocess.h"

#include "llvm/Support/FileSystem.h"
#include <regex>
#include <sstream>

namespace modlint::testing {

std::vector<std::string> validateSarif(const std::string &Path) {
  const std::string Tool = MODLINT_SARIF_MULTITOOL;
  if (!llvm::sys::fs::can_execute(Tool))
    return {"the SARIF Multitool is not installed at " + Tool +
            " (scripts/bootstrap installs it)"};
  // Invariant globalisation: the validator needs no ICU on the machine.
  RunOutput Out = run("/bin/sh",
                      {"-c", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 exec \"$@\"",
                       "sh", Tool, "validate", "--rule-kind", "Gh;Sarif",
                       "--level", "Error;Warning", Path});
  std::vector<std::string> Problems;
  static const std::regex Finding(R"(\(\d+,\d+\): (error|warning) )");
  std::istringstream Lines(Out.Stdout + Out.Stderr);
  for (std::string Line; std::getline(Lines, Line);)
    // SARIF2005 recommends the tool's informationUri: modlint writes it
    // only when built with a real documentation address
    // (MODLINT_INFORMATION_URI), never a placeholder. Every other rule
    // must pass.
    if (std::regex_search(Line, Finding) && Line.find(": warning SARIF2005: ") == std::string::npos)
      Problems.push_back(Line);
  if (Out.ExitCode != 0 ||
      Out.Stdout.find("Analysis completed successfully") == std::string::npos)
    Problems.push_back("the validator did not complete (exit " +
                       std::to_string(Out.ExitCode) + "): " + Out.Stdout +
                       Out.Stderr);
  return Problems;
}

} // namespace modlint::testing
