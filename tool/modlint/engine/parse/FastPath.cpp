#include "engine/parse/FastPath.h"

#include "core/Paths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace modlint {

ReportScope::ReportScope(std::string Root, const std::string &HeaderFilter)
    : Root(std::move(Root)) {
  if (!HeaderFilter.empty())
    Filter.emplace(HeaderFilter);
}

bool ReportScope::covers(llvm::StringRef AbsolutePath) const {
  return Filter ? Filter->match(AbsolutePath) : isUnder(AbsolutePath, Root);
}

bool ProjectFiles::contains(SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  const FileID File = Sources.getFileID(Sources.getExpansionLoc(Loc));
  auto [Entry, Inserted] = Known.try_emplace(File, false);
  if (!Inserted)
    return Entry->second;
  if (File == Sources.getMainFileID())
    return Entry->second = true;
  OptionalFileEntryRef Ref = Sources.getFileEntryRefForID(File);
  if (!Ref)
    return false; // built-ins, command line, scratch space
  llvm::SmallString<256> Path(Ref->getName());
  Sources.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Entry->second = Scope.covers(Path);
}

namespace {
/// Skips the bodies of functions outside the project, and matches only the
/// project's declarations.
class FastPathConsumer : public MultiplexConsumer {
public:
  FastPathConsumer(std::unique_ptr<ASTConsumer> Inner,
                   std::unique_ptr<ProjectFiles> Project)
      : MultiplexConsumer(consumers(std::move(Inner))),
        Project(std::move(Project)) {}

  /// Asked for every function body when the invocation skips bodies. A body
  /// outside the project cannot hold a finding; Clang itself still parses
  /// constexpr and deduced-return bodies, which the rest of the file needs.
  bool shouldSkipFunctionBody(Decl *D) override {
    return !Project->contains(D->getLocation());
  }

  /// Matching walks the project's top-level declarations only.
  void HandleTranslationUnit(ASTContext &Context) override {
    std::vector<Decl *> Scope;
    for (Decl *D : Context.getTranslationUnitDecl()->decls())
      if (Project->contains(D->getLocation()))
        Scope.push_back(D);
    Context.setTraversalScope(Scope);
    MultiplexConsumer::HandleTranslationUnit(Context);
  }

private:
  static std::vector<std::unique_ptr<ASTConsumer>>
  consumers(std::unique_ptr<ASTConsumer> Inner) {
    std::vector<std::unique_ptr<ASTConsumer>> List;
    List.push_back(std::move(Inner));
    return List;
  }

  std::unique_ptr<ProjectFiles> Project;
};
} // namespace

std::unique_ptr<ASTConsumer> withFastPath(std::unique_ptr<ASTConsumer> Checks,
                                          std::unique_ptr<ProjectFiles> Project) {
  return std::make_unique<FastPathConsumer>(std::move(Checks), std::move(Project));
}

} // namespace modlint
