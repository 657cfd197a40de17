// --profile: how much of a run each check costs, from clang-tidy's own
// check profiling (the time of each check's matchers and callbacks), which
// every parse stores as JSON in a temporary directory.
#pragma once

#include "core/Job.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace modlint {

/// Makes the temporary directory and points every job's profile into it.
llvm::Expected<std::string> startCheckProfile(std::vector<LintJob> &Jobs);

/// Each check's time summed over the profiles in `Directory`, and its share
/// of `WorkerSeconds` (the run's wall time times its workers), as lines for
/// standard error; removes `Directory`.
std::string checkProfileText(const std::string &Directory, double WorkerSeconds);

} // namespace modlint
