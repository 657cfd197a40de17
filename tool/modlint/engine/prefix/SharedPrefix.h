// Units that begin with the same #include lines and share a command (the
// usual case in a directory of a project) parse those headers once per run
// instead of once per unit: the lines become a header beside the units, the
// header is precompiled once, and each unit is parsed with the precompiled
// header and its own include lines blanked. A unit's lines are read through
// the headers they name (IncludeExpansion.h), so units that each start with
// their own header share the includes those headers start with. Lines and columns stay the same,
// and the preprocessor sees the same text in the same order, so findings are
// those of a plain parse; a unit that fails this way is parsed again plainly.
#pragma once

#include "engine/prefix/LeadingIncludes.h"
#include "core/Job.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// One precompiled header of a prefix: a run of its include lines.
struct PrefixLink {
  /// The lines, as a header that exists only in memory, in the units'
  /// directory so quoted includes resolve as they do from the units.
  std::string HeaderPath;
  std::string HeaderText;
  /// The command that precompiles it: a user's command, the header as input.
  LintJob Build;
  /// Lines (1-based) that come from a header (IncludeExpansion.h), and are
  /// read again when that header is: the headers they name must be
  /// include-guarded, or the prefix is not used.
  std::vector<unsigned> GuardedLines;
};

struct SharedPrefix {
  /// All its include lines, as each user starts with them (includeKey).
  std::string Lines;
  /// Its precompiled headers, each on top of the one before; units include
  /// the last. Writing a precompiled header costs memory in proportion to
  /// the whole header, on top of its parse, so the leading run of standard
  /// library headers (the bulk, with no bodies to check) is a link of its
  /// own, and the project's headers follow in a second, smaller one.
  std::vector<PrefixLink> Links;
  /// How many of each user's leading include lines it replaces.
  size_t IncludeCount = 0;
  std::vector<size_t> Users;
  /// Kept between runs (planKeptPrefixes) rather than shared in this one.
  bool Kept = false;
};

struct PrefixPlan {
  std::vector<SharedPrefix> Prefixes;
  /// Per job: the index of its prefix, if it uses one.
  std::vector<std::optional<size_t>> PrefixOf;
};

/// Plans the shared prefixes of the jobs marked in `Candidates` (those not
/// answered from the cache), given each job's leading include lines. Among
/// units of the same command and directory, a unit takes its first include
/// lines for as long as the next line is still shared by at least half of
/// the units that share the lines so far; a prefix with fewer than two users
/// is not built. Jobs whose command could change what the prefix means
/// (forced includes, modules, not C++) never share.
PrefixPlan planSharedPrefixes(const std::vector<LintJob> &Jobs,
                              const std::vector<bool> &Candidates,
                              const std::vector<std::vector<IncludeLine>> &Includes);

/// Where units have no other unit in the run to share with (a run of one
/// unit, a build step), each unit of `Candidates` not on a prefix of
/// `Plan` gets a prefix of its own, to be kept for later runs of the units
/// that start the same way (core/PrefixKeeping.h): its leading library
/// headers, the lines that name a header in angle brackets, expanded
/// through its own headers as for a shared prefix, up to the first that
/// does not. Those lines name the same files from any directory, so the
/// prefix's header is one file of the project, and units in any directory
/// with the same command share it; units of the run that would keep the
/// same prefix share one. One link: its users need no second.
void planKeptPrefixes(const std::vector<LintJob> &Jobs, const std::vector<bool> &Candidates,
                      const std::vector<std::vector<IncludeLine>> &Includes, PrefixPlan &Plan);

} // namespace modlint
