#include "engine/parse/FastPath.h"

#include "analysis/ForwardedWrites.h"
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

std::vector<Decl *> projectDeclarations(ASTContext &Context, ProjectFiles &Project) {
  std::vector<Decl *> Scope;
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (Project.contains(D->getLocation()))
      Scope.push_back(D);
  return Scope;
}

std::vector<Decl *> analysedDeclarations(ASTContext &Context, ProjectFiles &) {
  const SourceManager &Sources = Context.getSourceManager();
  std::vector<Decl *> Scope;
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (!Sources.isInSystemHeader(Sources.getExpansionLoc(D->getLocation())))
      Scope.push_back(D);
  return Scope;
}

namespace {
/// One consumer, shown its scope of the unit once the unit is complete.
class ScopingConsumer : public MultiplexConsumer {
public:
  ScopingConsumer(ScopedConsumer Inner, ProjectFiles &Project)
      : MultiplexConsumer(one(std::move(Inner.Consumer))), Scope(std::move(Inner.Scope)),
        Project(Project) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    if (Scope)
      Context.setTraversalScope(Scope(Context, Project));
    MultiplexConsumer::HandleTranslationUnit(Context);
  }

  static std::vector<std::unique_ptr<ASTConsumer>> one(std::unique_ptr<ASTConsumer> Inner) {
    std::vector<std::unique_ptr<ASTConsumer>> List;
    List.push_back(std::move(Inner));
    return List;
  }

private:
  DeclarationScope Scope;
  ProjectFiles &Project;
};

/// Skips the bodies of functions in system headers that no check reads.
class FastPathConsumer : public MultiplexConsumer {
public:
  FastPathConsumer(std::unique_ptr<ProjectFiles> Files, std::vector<ScopedConsumer> Inner)
      : MultiplexConsumer(scoping(*Files, std::move(Inner))), Project(std::move(Files)) {}

  /// Asked for every function body when the invocation skips bodies. The
  /// lock-scope checks do not enter system headers, the member checks only
  /// a forwarding template's body; Clang itself still parses constexpr and
  /// deduced-return bodies, which the rest of the file needs.
  bool shouldSkipFunctionBody(Decl *D) override {
    const SourceManager &Sources = D->getASTContext().getSourceManager();
    if (!Sources.isInSystemHeader(Sources.getExpansionLoc(D->getLocation())))
      return false;
    const FunctionDecl *Function = D->getAsFunction();
    return !Function || !takesForwardingReference(*Function);
  }

private:
  static std::vector<std::unique_ptr<ASTConsumer>> scoping(ProjectFiles &Project,
                                                           std::vector<ScopedConsumer> Inner) {
    std::vector<std::unique_ptr<ASTConsumer>> List;
    for (ScopedConsumer &Consumer : Inner)
      List.push_back(std::make_unique<ScopingConsumer>(std::move(Consumer), Project));
    return List;
  }

  std::unique_ptr<ProjectFiles> Project;
};
} // namespace

std::unique_ptr<ASTConsumer> withFastPath(std::vector<ScopedConsumer> Consumers,
                                          std::unique_ptr<ProjectFiles> Project) {
  return std::make_unique<FastPathConsumer>(std::move(Project), std::move(Consumers));
}

} // namespace modlint
