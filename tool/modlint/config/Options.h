// Every option a config file or a flag can set, from the two option
// tables: the checks' (checks/options/CheckOptions.def) and the command's
// own (RunOptions.def). Everything the command does with an option (read it
// from a file, take it from a flag, hand it to the checks, print it) goes
// through this table, so adding an option is one entry in a table.
#pragma once

#include "options/CheckOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include <iterator>
#include <string>

namespace modlint {

enum class RunOption {
#define MODLINT_OPTION MODLINT_OPTION_NAME
#include "config/RunOptions.def"
};

/// Every option: the checks' first, then the command's, each in the order
/// of its table.
inline constexpr OptionSpec OptionTable[] = {
#define MODLINT_OPTION MODLINT_OPTION_SPEC
#include "options/CheckOptions.def"
#define MODLINT_OPTION MODLINT_OPTION_SPEC
#include "config/RunOptions.def"
};

constexpr const OptionSpec &spec(RunOption Option) {
  return OptionTable[std::size(CheckOptionTable) + static_cast<size_t>(Option)];
}

/// The option named `Key`, if there is one.
const OptionSpec *findOption(llvm::StringRef Key);

/// `Value` in the option's canonical spelling: a name list split and joined
/// again (so `[' a', '::b,c']` and `a;b;c` are the same configuration).
std::string canonicalValue(const OptionSpec &Option, llvm::StringRef Value);

} // namespace modlint
