// The expectation annotations in test inputs and the diagnostics parser of
// the test runner read arbitrary text; they must never crash.
#include "Expectations.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const std::string Text(reinterpret_cast<const char *>(Data), Size);
  std::vector<std::string> Errors;
  auto Expected = modlint::testing::parseExpectations("fuzz.cpp", Text, Errors);
  auto Found = modlint::testing::parseFindings(Text);
  (void)modlint::testing::compare(Expected, Found);
  (void)modlint::testing::parseCaseSettings(Text);
  return 0;
}
