// The #include lines a source file starts with, before anything else but
// comments and blank lines. Units whose first includes are the same (and
// whose commands are the same) parse those headers once per run: see
// SharedPrefix.h.
#pragma once

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace modlint {

struct IncludeLine {
  std::string Directive; // the line, without surrounding blanks
  size_t Begin = 0;      // byte offsets of the line in the file, without
  size_t End = 0;        // its line break
  /// False for a line of a header the unit includes (IncludeExpansion.h):
  /// it has no place in the unit, and is never blanked.
  bool InUnit = true;
};

/// The leading #include lines of `Text`. Scanning stops at the first line
/// that is not blank, a comment, or a plain `#include <...>`/`"..."` line
/// (a line with NOLINT, a continuation, or text after the directive stops
/// it too, so nothing but the directive is ever blanked).
std::vector<IncludeLine> leadingIncludes(llvm::StringRef Text);

/// The header a plain include line names, with its delimiters (`<vector>`,
/// `"a.h"`): `#include`, the name, and nothing after it. Empty for any other
/// line.
llvm::StringRef includedHeader(llvm::StringRef Line);

/// Lines [Begin, End) of `Lines` as the text of a header, one per line.
std::string includeText(const std::vector<IncludeLine> &Lines, size_t Begin, size_t End);

/// The first `Count` lines as a key of what a prefix stands for: their
/// directives, and which of them are the unit's own.
std::string includeKey(const std::vector<IncludeLine> &Lines, size_t Count);

/// `Text` with those of the first `Count` of `Lines` that are the unit's
/// replaced by spaces: every other byte, and so every line and column,
/// stays where it was.
std::string blankLines(llvm::StringRef Text, const std::vector<IncludeLine> &Lines,
                       size_t Count);

} // namespace modlint
