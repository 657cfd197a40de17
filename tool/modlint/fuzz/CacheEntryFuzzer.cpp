// A cache entry is a file on disk that anything may have damaged: reading
// it must give an entry or an error, and checking it against a job (as if
// every input it names were unchanged) must never crash.
#include "cache/CacheEntry.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  modlint::CacheEntry Entry;
  if (llvm::Error Err = modlint::parseEntry(Text, "entry.yaml", Entry)) {
    llvm::consumeError(std::move(Err));
    return 0;
  }
  modlint::LintJob Job;
  Job.File = "/src/a.cpp";
  Job.ProjectRoot = "/src";
  modlint::VerifiedInputs Verified;
  for (const modlint::EntryInput &Input : Entry.Inputs)
    Verified[Input.Path] = 1000;
  (void)modlint::entryFitsJob(Entry, Job, Verified);
  return 0;
}
