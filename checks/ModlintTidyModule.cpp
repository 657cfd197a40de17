// Registers the modlint checks with clang-tidy. The same module serves the
// clang-tidy plugin and the `modlint` command, which runs clang-tidy's
// machinery in-process, so both front-ends create identical check objects.
#include "ContainerMutationCheck.h"
#include "FieldAssignmentCheck.h"
#include "MutableMemberCheck.h"
#include "NonatomicUpdateCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace modlint {
namespace {

class ModlintTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MutableMemberCheck>("modlint-mutable-member");
    Factories.registerCheck<NonatomicUpdateCheck>("modlint-nonatomic-update");
    Factories.registerCheck<FieldAssignmentCheck>("modlint-field-assignment");
    Factories.registerCheck<ContainerMutationCheck>("modlint-container-mutation");
  }
};

// clang-tidy discovers modules only through this registry; the entry is
// written once while the library loads and never changes afterwards.
clang::tidy::ClangTidyModuleRegistry::Add<ModlintTidyModule>
    Registration("modlint-module", "Shared-module data-race checks.");

} // namespace
} // namespace modlint
