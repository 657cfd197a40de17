#include "TestCrash.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <cstdlib>

namespace modlint {

namespace {
void segfault() {
  volatile int *Null = nullptr;
  *Null = 1; // as a broken check would
}
} // namespace

void crashIfAskedTo(const clang::ASTContext &Context) {
  const char *Setting = std::getenv("MODLINT_TEST_CRASH");
  if (!Setting || !*Setting)
    return;
  auto [Kind, Text] = llvm::StringRef(Setting).split(':');
  if (Text.empty())
    std::swap(Kind, Text);
  const clang::SourceManager &Sources = Context.getSourceManager();
  clang::OptionalFileEntryRef Main = Sources.getFileEntryRefForID(Sources.getMainFileID());
  if (!Main || !Main->getName().contains(Text))
    return;
  if (Kind == "abort")
    std::abort();
  else
    segfault();
}

} // namespace modlint
