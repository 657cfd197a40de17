// The command line's side of modlint-lock-order across units: while a unit
// is parsed, the same collector the check uses gathers the unit's
// lock-order edges, which are kept with its findings (core/LockEdges.h).
#pragma once

#include "core/Job.h"
#include "core/LockEdges.h"
#include "engine/parse/CheckSession.h"
#include "engine/parse/FastPath.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace modlint {

/// A consumer that appends the unit's edges in files `Job` reports to
/// `Out`, reading the check's options from the group that runs it; none
/// when no group runs modlint-lock-order.
std::optional<ScopedConsumer> lockEdgeConsumer(CheckGroups &Groups, const LintJob &Job,
                                               std::vector<LockEdge> &Out);

} // namespace modlint
