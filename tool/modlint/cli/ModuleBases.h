// Whether a whole-database run found any shared module: ModuleBases left at
// its default on a project whose handlers derive from app::Handler, or a
// typo in it, would otherwise check no member state and pass.
#pragma once

#include "cli/CommandLine.h"
#include "core/Findings.h"
#include "core/Job.h"
#include <string>
#include <vector>

namespace modlint {

struct ModuleBaseVerdict {
  std::string Text; // lines for standard error, or empty
  bool Fails = false;
};

/// For a run over the whole database (no PATHs, no shard): a warning for
/// each ModuleBases entry no unit declares (with the closest class the
/// project derives from), and an error when a member-state check ran, some
/// unit compiled, and no class derives from any entry, unless
/// --allow-no-modules. Nothing for a run over part of the database, which
/// may rightly hold no module.
ModuleBaseVerdict moduleBaseVerdict(const CommandLine &Cmd, const std::vector<LintJob> &Jobs,
                                    const LintResult &Result);

} // namespace modlint
