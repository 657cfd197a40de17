// The parts of the docs that are generated from a single source: the
// option tables (docs/config.md, docs/cli.md) and the rule catalogue (the
// README's check table). A generated section sits between two markers,
//
//   <!-- generated: NAME (scripts/update-docs) -->
//   ...
//   <!-- end generated -->
//
// and `modlint-docgen` rewrites it, or checks that it is up to date.
#pragma once

#include "catalog/RuleCatalog.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace modlint {

/// The text of a section, by name: "options", "option-flags" or "checks".
llvm::Expected<std::string> generatedSection(llvm::StringRef Name,
                                             const std::vector<Rule> &Rules);

/// `Text` with every generated section written afresh. Errors: an unknown
/// section or a marker without its end, naming `FileName` and the line.
llvm::Expected<std::string> regenerate(llvm::StringRef Text, llvm::StringRef FileName,
                                       const std::vector<Rule> &Rules);

} // namespace modlint
