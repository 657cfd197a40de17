// The baseline reader takes files from earlier CI runs, possibly damaged:
// it must reject what it cannot use and never crash.
#include "report/Report.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Old = modlint::parseBaseline(Text, "fuzz.sarif");
  if (!Old) {
    llvm::consumeError(Old.takeError());
    return 0;
  }
  modlint::Report Empty;
  modlint::compareWithBaseline(Empty, *Old);
  return 0;
}
