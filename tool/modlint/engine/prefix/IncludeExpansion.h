// Units that start with their own header (`#include "chat.hpp"` first, as
// most real projects write them) share nothing by their own first lines,
// yet the preprocessor's first steps in each of them are the header's own
// first includes: <string>, <boost/asio.hpp>, the project's base headers.
// This module spells those steps out: a unit's leading include lines, with
// each project header among them preceded by that header's leading include
// lines (after its `#pragma once` or include guard), recursively. Any first
// part of that list is what the preprocessor reads first, in that order,
// so it can be a shared prefix (SharedPrefix.h); the lines that come from a
// header are not the unit's, so they are not blanked in it, and are read a
// second time when the unit includes the header: PrefixPch.cpp uses a
// prefix only when every header those lines name is include-guarded, which
// makes that second reading a no-op.
#pragma once

#include "core/Job.h"
#include "engine/prefix/LeadingIncludes.h"

namespace modlint {

/// How deep headers are opened: a unit's header, the header it starts
/// with, and so on.
inline constexpr unsigned MaxExpansionDepth = 4;

/// The leading include lines of `Job`'s unit (whose text is `Text`),
/// expanded through the project headers (under the project root) they
/// name. Lines from headers have `InUnit` false; a quoted include of a
/// project file is spelled with that file's absolute path, so that it names
/// the same file from the units' directory. An include cycle among the
/// headers gives the unit's own lines.
std::vector<IncludeLine> expandedLeadingIncludes(const LintJob &Job, llvm::StringRef Text);

/// A header's leading include lines: those after its first lines when they
/// are `#pragma once` or an include guard's `#ifndef G` / `#define G`.
std::vector<IncludeLine> headerLeadingIncludes(llvm::StringRef Text);

} // namespace modlint
