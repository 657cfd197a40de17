// Precompiled prefixes kept between runs. A run that lints one unit (a
// build step, `modlint --unit`) has no other unit to share its headers
// with, so each such run would parse the standard and third-party headers
// its unit starts with again. Instead, the first run precompiles them and
// keeps the result here, in the cache directory; every later run whose
// unit starts with the same library headers, under the same command and
// configuration, parses on top of it (engine/prefix/SharedPrefix.h says
// which lines). An entry holds the files the prefix read with their
// content hashes, checked before it is used, and the findings in the
// prefix's own bodies; the precompiled header sits beside it.
// Safe under concurrent runs: a precompiled header is written under a
// private name and renamed whole, and entries are written through a
// rename; an entry that cannot be used is a miss and is built again.
#pragma once

#include "cache/EntryFiles.h"
#include "core/PrefixKeeping.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// Entries kept in all: a precompiled header of Boost.Asio or Beast takes
/// tens of megabytes, and a tree's units start with only a few distinct
/// runs of library headers.
inline constexpr size_t MaxKeptPrefixes = 16;

class PrefixStore : public PrefixKeeping {
public:
  /// `CacheDirectory` must have passed prepareCacheDirectory; the entries
  /// live in its `prefixes` folder. `Facts`: the run's file hashes, shared
  /// with its result cache, so each file is read once.
  PrefixStore(const std::string &CacheDirectory, InputFacts &Facts);

  std::optional<KeptPrefix> lookup(const LintJob &Build, llvm::StringRef Lines) override;

  std::string newFile(const LintJob &Build, llvm::StringRef Lines) override;

  std::string keep(const LintJob &Build, llvm::StringRef Lines, const std::string &Built,
                   const UnitFindings &Findings,
                   const std::vector<std::string> &Inputs) override;

  void forget(const LintJob &Build, llvm::StringRef Lines) override;

private:
  std::string keyOf(const LintJob &Build, llvm::StringRef Lines) const;
  /// Removes the least recently used entries beyond the bound, and files
  /// that runs which ended abruptly left behind.
  void evict();

  const std::string Directory;
  const std::string ToolIdentity;
  InputFacts &Facts;
};

} // namespace modlint
