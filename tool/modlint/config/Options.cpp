#include "config/Options.h"

namespace modlint {

const OptionSpec *findOption(llvm::StringRef Key) {
  for (const OptionSpec &Option : OptionTable)
    if (Option.Key == Key)
      return &Option;
  return nullptr;
}

std::string canonicalValue(const OptionSpec &Option, llvm::StringRef Value) {
  if (Option.Type == OptionType::NameList)
    return joinNameList(splitNameList(Value));
  return Value.str();
}

} // namespace modlint
