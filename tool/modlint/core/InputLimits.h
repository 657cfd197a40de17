// Reading what a run is given (a compilation database, a configuration, a
// baseline, reports to merge, cache entries) as untrusted input: only
// regular files, only up to a size, and only text nested no deeper than a
// bound. LLVM's JSON and YAML parsers recurse once per nesting level, so a
// file of 50,000 `[` would overflow the stack; the depth is measured first,
// by a scan that does not recurse.
#pragma once

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdint>
#include <memory>

namespace modlint {

/// Size limits, by what a file holds. Far above any real file of the kind,
/// far below what would exhaust memory.
inline constexpr uint64_t MaxConfigBytes = 4ull << 20;      // .modlint.yaml, --config
inline constexpr uint64_t MaxCacheEntryBytes = 64ull << 20; // one cache entry
inline constexpr uint64_t MaxDatabaseBytes = 1ull << 30;    // compile_commands.json
inline constexpr uint64_t MaxReportBytes = 1ull << 30;      // a baseline, a report to merge
inline constexpr uint64_t MaxSourceBytes = 1ull << 30;      // a source file the cache hashes

/// The deepest nesting any reader accepts. modlint's own files nest fewer
/// than 10 levels.
inline constexpr unsigned MaxNesting = 256;

/// The contents of the regular file at `Path` (symlinks followed). Refuses,
/// without blocking, a FIFO, a device or a directory, and a file larger than
/// `MaxBytes`. The error's message is the reason alone, for the caller to
/// put after the file's name.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readInputFile(llvm::StringRef Path,
                                                                  uint64_t MaxBytes);

/// True when `Path` names something other than a regular file (a FIFO, a
/// device, a socket, a directory); false for a regular file or a missing one.
bool isSpecialFile(llvm::StringRef Path);

/// An error when JSON `Text` nests arrays and objects deeper than MaxNesting.
llvm::Error checkJsonNesting(llvm::StringRef Text);

/// An error when YAML `Text` nests deeper than MaxNesting, counting flow
/// collections, indentation and compact block indicators (`- - x`). It may
/// count more levels than a YAML parser would, never fewer.
llvm::Error checkYamlNesting(llvm::StringRef Text);

/// llvm::json::parse after checkJsonNesting.
llvm::Expected<llvm::json::Value> parseJsonInput(llvm::StringRef Text);

} // namespace modlint
