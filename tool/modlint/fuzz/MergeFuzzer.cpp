// `modlint merge` reads the reports of CI shards, possibly damaged or not
// modlint's: up to three reports, separated by a line `%%`, must merge or
// be refused, never crash. Their lock graphs are read and combined (the
// search for cycles is the engine's, not fuzzed here).
#include "report/Merge.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Rest(reinterpret_cast<const char *>(Data), Size);
  std::vector<modlint::ReportText> Reports;
  while (!Rest.empty() && Reports.size() < 3) {
    auto [Report, Next] = Rest.split("\n%%\n");
    Reports.push_back({"shard" + std::to_string(Reports.size()), Report});
    Rest = Next;
  }
  auto Merged = modlint::mergeReportTexts(Reports, modlint::MergeSettings{});
  if (!Merged)
    llvm::consumeError(Merged.takeError());
  return 0;
}
