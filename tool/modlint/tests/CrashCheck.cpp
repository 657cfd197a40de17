// Test-only: a clang-tidy check that crashes one unit's analysis on purpose,
// so the robustness tests can prove that each kind of crash stays isolated
// to its unit. It is linked only into `modlint-crashtest`, a test build of
// the command; the real `modlint` has no such code.
//
// MODLINT_TEST_CRASH=[KIND:]TEXT crashes, inside the checks' AST consumer,
// the analysis of every unit whose main file's path contains TEXT. KIND is
// `segfault` (the default) or `abort` (what a failed assertion does). The
// check runs only where `--checks` enables `test-crash`.
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <cstdlib>

namespace modlint::testing {
namespace {

using namespace clang::ast_matchers;

void segfault() {
  volatile int *Null = nullptr;
  *Null = 1; // as a broken check would
}

class CrashCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(decl(isExpansionInMainFile()).bind("decl"), this);
  }
  void check(const MatchFinder::MatchResult &Result) override {
    const char *Setting = std::getenv("MODLINT_TEST_CRASH");
    if (!Setting || !*Setting)
      return;
    auto [Kind, Text] = llvm::StringRef(Setting).split(':');
    if (Text.empty())
      std::swap(Kind, Text);
    const clang::SourceManager &Sources = *Result.SourceManager;
    clang::OptionalFileEntryRef Main = Sources.getFileEntryRefForID(Sources.getMainFileID());
    if (!Main || !Main->getName().contains(Text))
      return;
    if (Kind == "abort")
      std::abort();
    segfault();
  }
};

class CrashModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CrashCheck>("test-crash");
  }
};

clang::tidy::ClangTidyModuleRegistry::Add<CrashModule> Registration("test-crash-module",
                                                                     "Crashes on purpose.");

} // namespace
} // namespace modlint::testing
