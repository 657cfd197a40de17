// The options the checks read, generated from CheckOptions.def.
#pragma once

#include "options/OptionSpec.h"

namespace modlint {

enum class CheckOption {
#define MODLINT_OPTION MODLINT_OPTION_NAME
#include "options/CheckOptions.def"
};

inline constexpr OptionSpec CheckOptionTable[] = {
#define MODLINT_OPTION MODLINT_OPTION_SPEC
#include "options/CheckOptions.def"
};

constexpr const OptionSpec &spec(CheckOption Option) {
  return CheckOptionTable[static_cast<size_t>(Option)];
}

/// The checks' option named `Key`, if there is one.
inline const OptionSpec *findCheckOption(llvm::StringRef Key) {
  for (const OptionSpec &Option : CheckOptionTable)
    if (Option.Key == Key)
      return &Option;
  return nullptr;
}

} // namespace modlint
