// Running one test input through the front-ends, as the testdata tests do:
// the `modlint` command on the file, clang-tidy with the plugin on the
// file, and the `modlint` command on two units that both include the file
// (so that it is parsed as a shared precompiled prefix).
#pragma once

#include "Expectations.h"
#include "Subprocess.h"

#include <ostream>
#include <string>
#include <vector>

namespace modlint::testing {

struct Case {
  std::string Path; // absolute
  std::string Name; // relative to testdata/, for the test name
};

/// Test names and failures name the case, not its bytes.
inline void PrintTo(const Case &C, std::ostream *OS) { *OS << C.Name; }

/// Every input under testdata/ but the runner's own files, sorted by name.
std::vector<Case> discoverCases();

/// The input and the project headers it includes with quotes, which may
/// carry expectations of their own.
std::vector<std::string> filesOfCase(const std::string &Path);

/// `Race`, when given, is defined for the compiler (`-DRACE_X`).
RunOutput runModlint(const Case &C, const CaseSettings &Settings, const std::string &Race = "");
RunOutput runClangTidy(const Case &C, const CaseSettings &Settings,
                       const std::string &Race = "");
/// clang-tidy with only the case's peer checks (clang-tidy's own).
RunOutput runPeers(const Case &C, const CaseSettings &Settings);
/// `modlint -p` on two units that start with `#include` of the input, with
/// --stats: the input is precompiled once as a shared prefix.
RunOutput runOnSharedPrefix(const Case &C, const CaseSettings &Settings);

/// The findings a run printed, files named by their normalised paths (the
/// front-ends spell a header's path as the include did, `a/../b.h`).
std::vector<Finding> findingsOf(const RunOutput &Output);

} // namespace modlint::testing
