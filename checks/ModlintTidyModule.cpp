// Registers the modlint checks with clang-tidy. The same module serves the
// clang-tidy plugin and the `modlint` command, which runs clang-tidy's
// machinery in-process, so both front-ends create identical check objects.
#include "CheckList.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace modlint {
namespace {

class ModlintTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    for (const CheckInfo &Check : modlintChecks())
      Factories.registerCheckFactory(Check.Id, Check.Create);
  }
};

// clang-tidy discovers modules only through this registry; the entry is
// written once while the library loads and never changes afterwards.
clang::tidy::ClangTidyModuleRegistry::Add<ModlintTidyModule>
    Registration("modlint-module", "Shared-module data-race checks.");

} // namespace
} // namespace modlint
