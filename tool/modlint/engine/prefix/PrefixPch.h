// Precompiling a shared prefix (see SharedPrefix.h), and parsing a unit on
// top of it.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "engine/prefix/SharedPrefix.h"
#include "clang/Tooling/Tooling.h"
#include <string>
#include <vector>

namespace modlint {

/// A shared prefix, precompiled: link `L` to `PchPaths[L]`.
struct BuiltPrefix {
  const SharedPrefix *Prefix = nullptr;
  std::vector<std::string> PchPaths;
  /// Every file the prefix read but its own in-memory header: a unit that
  /// uses it depends on them as if it had read them itself.
  std::vector<std::string> Inputs;
  /// The findings in the prefix's bodies that are the same in every unit
  /// (PrefixScope.h): worked out once, while precompiling, and part of every
  /// user's result.
  UnitFindings Findings;
  bool Built = false;
  /// Precompiled by an earlier run, and kept (core/PrefixKeeping.h).
  bool FromEarlierRun = false;
};

/// Precompiles the prefix's links in order, each on top of the one before,
/// keeping only the project's function bodies (the fast path's rule), and
/// runs the checks on the bodies whose findings every user shares, each in
/// the link that parses it. `Built.Built` says whether every link compiled;
/// if not, its users are parsed plainly and report the errors.
void precompilePrefix(BuiltPrefix &Built);

/// Keeps what a parse on top of a prefix needs alive for the parse.
struct PrefixUse {
  std::string BlankedText;
};

/// Sets `Tool` up to parse `Job`'s file on top of the prefix: the last link's
/// precompiled header first, then the file with its prefix lines blanked. False, and
/// `Tool` unchanged, when the file no longer starts with the prefix's lines.
/// The parse's checks must then skip what the prefix analysed
/// (`groupsOnPrefix`), and its result take in `Built.Findings`.
bool usePrefix(clang::tooling::ClangTool &Tool, const BuiltPrefix &Built, const LintJob &Job,
               PrefixUse &Use);

/// The files a unit parsed on the prefix depends on: those it read itself
/// (`Inputs`), with the prefix's files standing for the lines it blanked.
void addPrefixInputs(const BuiltPrefix &Built, std::vector<std::string> &Inputs);

} // namespace modlint
