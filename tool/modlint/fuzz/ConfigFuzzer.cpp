// The .modlint.yaml reader must never crash, and whatever it accepts must
// survive a round trip through --dump-config's format.
#include "config/Config.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Layer = modlint::parseConfig(Text, "fuzz.yaml");
  if (!Layer) {
    llvm::consumeError(Layer.takeError());
    return 0;
  }
  const modlint::EffectiveConfig Config = modlint::EffectiveConfig::from(*Layer);
  auto Again = modlint::parseConfig(Config.dump(), "dump.yaml");
  if (!Again) // a configuration we accepted must be printable and readable
    std::abort();
  const modlint::EffectiveConfig Round = modlint::EffectiveConfig::from(*Again);
  if (Round.Values != Config.Values)
    std::abort();
  (void)Config.tidyOptions();
  return 0;
}
