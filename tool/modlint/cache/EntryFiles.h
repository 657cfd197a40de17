// What the result cache and the kept prefixes share: the content hashes
// of the files an entry was made from (read once per run and checked
// before an entry is used), the identity of the modlint that wrote an
// entry, and entries ranked by use so that a bounded directory keeps the
// most recently used.
#pragma once

#include "cache/CacheEntry.h"
#include "core/Findings.h"
#include "core/Job.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// Findings as an entry keeps them (clang's DiagnosticsYaml mapping), and
/// back.
std::vector<clang::tooling::Diagnostic>
asDiagnostics(const std::vector<clang::tidy::ClangTidyError> &Errors);
std::vector<clang::tidy::ClangTidyError>
asErrors(const std::vector<clang::tooling::Diagnostic> &Diagnostics);

/// A short hash of some bytes (a file's content, a state of several).
std::string contentHash(llvm::StringRef Bytes);

/// The running binary's content hash, with modlint's and Clang's versions:
/// any rebuild of modlint (a changed check) must not reuse the old one's
/// entries.
std::string toolIdentity();

/// The key of what decides an entry made for `Job` by the modlint of
/// `Identity`: the hex SHA-256 of `Identity`, `Extra`, and the job's
/// command (CommandKey.h), configuration, project root and header filter.
std::string jobKey(llvm::StringRef Identity, const LintJob &Job, llvm::StringRef Extra);

/// What proves a file unchanged without reading it: its size, its
/// modification and status-change times, inode and device. A rewrite that
/// keeps the size and resets the modification time still moves the change
/// time, which no one can set. Empty for a file changed in the last
/// seconds, whose change time could still be shared by a later write (the
/// clock's tick is coarse: git's "racily clean" case), and for a file that
/// is not a regular file.
std::string fileStamp(const std::string &Path);

/// The hash and size of files, each read once; safe to call from several
/// workers at once.
class InputFacts {
public:
  struct Facts {
    std::string Hash;
    uint64_t Size = 0;
    std::string Stamp;
  };
  /// None for a file that cannot be read or is not a regular file: an
  /// endless device or a FIFO among a unit's includes makes the entry
  /// unusable, not the run hang.
  std::optional<Facts> of(const std::string &Path);

  /// `Files` with their hashes, as an entry records them; none when one
  /// cannot be read (what cannot be checked is not kept).
  std::optional<std::vector<EntryInput>> record(const std::vector<std::string> &Files);

  /// The sizes of the entry's inputs when every one still has its
  /// recorded hash; none when one changed. An input whose stamp is still
  /// the recorded one is taken as unchanged without being read.
  std::optional<VerifiedInputs> verify(const CacheEntry &Entry);

private:
  std::optional<Facts> ofRecorded(const EntryInput &Input);
  bool knows(const std::string &Path);

  std::mutex Mu;
  llvm::StringMap<std::optional<Facts>> Known;
};

/// Reads and parses the entry at `Path`; none when it is missing, too large
/// or corrupt (a miss, to be replaced).
std::optional<CacheEntry> readEntry(const std::string &Path);

/// Marks an entry as just used: entries are ranked by modification time.
void markUsed(const std::string &Path);

/// The `.yaml` entries in `Directory` whose names start with `NamePrefix`,
/// most recently used first; at most `Limit` of them unless `Limit` is 0,
/// so a directory filled by someone else costs a bounded number of reads.
std::vector<std::string> entriesByUse(const std::string &Directory,
                                      llvm::StringRef NamePrefix = "", size_t Limit = 0);

/// The hash of the entry's inputs and their hashes: an entry's name, so
/// that one state of the files is one entry however often it is made.
std::string stateName(const std::vector<EntryInput> &Inputs);

} // namespace modlint
