// One cache entry: the result of one unit, the files it read with their
// content hashes, and what the entry must prove before it is used.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace modlint {

/// A file a unit read, and its content hash when the entry was written.
struct EntryInput {
  std::string Path;
  std::string Hash;
  /// The file's stamp (EntryFiles.h, fileStamp) when it was hashed: while
  /// it is the same, the file is, and is not read again. Empty: checked by
  /// its content alone.
  std::string Stamp;
};

/// The findings are written with clang's own YAML mapping of
/// `tooling::Diagnostic` (DiagnosticsYaml.h, the format of clang-tidy's
/// --export-fixes), which keeps every part of a finding: check, level,
/// message, place, ranges, notes and fix-its.
struct CacheEntry {
  int Format = 0;
  std::vector<EntryInput> Inputs;
  std::vector<clang::tooling::Diagnostic> Diagnostics;
  std::vector<clang::tooling::Diagnostic> Suppressed;
  /// The unit's lock-order edges, so that a warm run searches the same
  /// graph across units as a cold one.
  std::vector<LockEdge> LockEdges;
  /// Its shared modules, so that a warm run knows whether it found any.
  ModuleCensus Census;
};

/// Bumped when the entry format changes.
inline constexpr int CacheEntryFormat = 5;

std::string printEntry(CacheEntry &Entry);
llvm::Error parseEntry(llvm::StringRef Text, llvm::StringRef Path, CacheEntry &Entry);

/// The size of every input whose hash matched, by path.
using VerifiedInputs = llvm::StringMap<uint64_t>;

/// Whether an entry whose inputs are `Verified` may stand for `Job`'s
/// result: it must name the unit's main file among its inputs, and every
/// place its findings point at (message, note, range, fix-it) must lie
/// inside one of those inputs; fix-its only in files under the project
/// root, which `--fix` edits anyway; the places of its lock-order edges
/// too. Anything else is a miss: an entry
/// cannot make the run report or edit files it did not read.
bool entryFitsJob(const CacheEntry &Entry, const LintJob &Job, const VerifiedInputs &Verified);

/// The same without a main file: whether every place the entry's findings
/// and edges point at lies inside one of the `Verified` inputs, and every
/// fix-it under `ProjectRoot`.
bool entryFitsPlaces(const CacheEntry &Entry, llvm::StringRef ProjectRoot,
                     const VerifiedInputs &Verified);

} // namespace modlint
