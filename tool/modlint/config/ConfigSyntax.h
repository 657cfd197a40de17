// The config file's dialect, shared with .clang-tidy so that one file can
// serve clang-tidy, clangd and modlint: a name list is a YAML list or one
// string of names separated by ';' or ',' ('a::B;c::D'); `CheckOptions`
// is a mapping or clang-tidy 14's list of {key, value}, its keys global
// (`ModuleBases`) or for one check (`modlint-mutable-member.ModuleBases`);
// `HeaderFilterRegex` is clang-tidy's name of `HeaderFilter`.
#pragma once

#include "config/Config.h"
#include "llvm/Support/Error.h"
#include <string>

namespace modlint {

/// The known key closest to `Key` by edit distance, when one is close
/// enough to be the one meant; empty otherwise.
std::string closestKey(llvm::StringRef Key, llvm::ArrayRef<llvm::StringRef> Known);

/// Sets one CheckOptions entry on `Layer`. Entries for other tools' checks
/// (`readability-x.Y`) and unknown global keys (another plugin's) are
/// ignored, as clang-tidy ignores them; an unknown option of a modlint
/// check, or a value of the wrong type, is an error saying so.
llvm::Error applyCheckOption(ConfigLayer &Layer, llvm::StringRef Key, llvm::StringRef Value);

/// The modlint part of a `.clang-tidy` file: its CheckOptions,
/// HeaderFilterRegex and InheritParentConfig, read with clang-tidy's own
/// parser. Errors name the file.
llvm::Expected<ConfigLayer> parseClangTidyConfig(llvm::StringRef Yaml, llvm::StringRef FileName);

} // namespace modlint
