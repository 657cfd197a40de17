// One unit's parse: modlint's frontend action (clang-tidy's checks behind
// the fast path), on a shared precompiled prefix or on its own.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "engine/prefix/PrefixPch.h"
#include <string>
#include <vector>

namespace modlint {

struct ParsedUnit {
  /// What this parse's checks and compiler reported. On a prefix, the
  /// findings in the prefix's shared bodies are not among them: they are
  /// the prefix's (`BuiltPrefix::Findings`).
  UnitFindings Own;
  bool Compiled = false;
  /// Every file the unit read, the prefix's included (absolute, sorted).
  std::vector<std::string> Inputs;
  bool OnPrefix = false;
  /// The unit's lock-order edges, while it is parsed (then in Own).
  std::vector<LockEdge> LockEdges;
  /// Its shared modules, likewise.
  ModuleCensus Census;
};

/// Parses and checks `Job` on `Prefix` when there is one and the unit still
/// starts with its lines, and on its own otherwise. Everything it touches is
/// its own: context, consumer, diagnostics engine, and a file system whose
/// working directory is per instance (the default one changes the process's
/// working directory).
ParsedUnit parseUnit(const LintJob &Job, const BuiltPrefix *Prefix);

} // namespace modlint
