// modlint-lock-order across the units of a run (DESIGN): the cycles of the
// graph of every unit's edges that no single unit's graph holds. A unit's
// own cycles, orders against LockOrder and nested locks of two objects are
// its check's findings; these are the ones only the whole run shows.
#pragma once

#include "core/LockEdges.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <string>
#include <vector>

namespace modlint {

/// The findings, in the check's own words, for the cycles that need the
/// edges of two units or more, each once, sorted by place. `Units` holds
/// each unit's edges; `Order` is the LockOrder option, whose violations the
/// units report themselves.
std::vector<clang::tidy::ClangTidyError>
crossUnitLockCycles(const std::vector<std::vector<LockEdge>> &Units,
                    const std::vector<std::string> &Order);

/// The LockOrder option as a unit's options give it to modlint-lock-order.
std::vector<std::string> lockOrderOption(const clang::tidy::ClangTidyOptions &Options);

} // namespace modlint
