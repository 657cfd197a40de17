#include "engine/ModuleCensus.h"

#include "analysis/ModuleClassifier.h"
#include "analysis/ModuleSettings.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
/// The check whose options name the bases (every check reads the same
/// global keys; this one's local keys win, as in the check itself).
constexpr llvm::StringLiteral MemberCheckName = "modlint-mutable-member";

/// A class (or class template, or alias of one) named `Qualified` is
/// declared in the unit: looked up scope by scope, as the name is written.
bool isDeclaredClass(ASTContext &Context, llvm::StringRef Qualified) {
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::");
  for (size_t I = 0; I < Parts.size(); ++I) {
    const DeclContext *Next = nullptr;
    for (const NamedDecl *Found : Scope->lookup(&Context.Idents.get(Parts[I]))) {
      const bool Last = I + 1 == Parts.size();
      if (Last && llvm::isa<CXXRecordDecl, ClassTemplateDecl, TypedefNameDecl>(Found))
        return true;
      if (const auto *Context = llvm::dyn_cast<DeclContext>(Found); !Last && Context)
        Next = Context;
    }
    if (!Next)
      return false;
    Scope = Next;
  }
  return false;
}

class CensusConsumer : public ASTConsumer, public MatchFinder::MatchCallback {
public:
  CensusConsumer(ModuleSettings Settings, ModuleCensus &Out)
      : Settings(std::move(Settings)), Modules(this->Settings.ModuleBases), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    MatchFinder Finder;
    Finder.addMatcher(cxxRecordDecl(isDefinition(), unless(isImplicit())).bind("class"), this);
    Finder.matchAST(Context);
    for (const std::string &Base : Settings.ModuleBases)
      if (isDeclaredClass(Context, Base))
        Out.DeclaredBases.push_back(Base);
    llvm::sort(Out.Ancestors);
    Out.Ancestors.erase(std::unique(Out.Ancestors.begin(), Out.Ancestors.end()),
                        Out.Ancestors.end());
  }

  void run(const MatchFinder::MatchResult &Result) override {
    const auto *Class = Result.Nodes.getNodeAs<CXXRecordDecl>("class");
    // The framework's base itself (modrt::Module in a project that holds
    // its framework) shares nothing.
    if (Modules.isSharedModule(Class) &&
        !llvm::is_contained(Settings.ModuleBases, Class->getQualifiedNameAsString()))
      ++Out.Modules;
    // The classes a project class derives from, for "did you mean".
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (const CXXRecordDecl *Record = Base.getType()->getAsCXXRecordDecl();
          Record && !Result.SourceManager->isInSystemHeader(Record->getLocation()))
        Out.Ancestors.push_back(Record->getQualifiedNameAsString());
  }

private:
  const ModuleSettings Settings;
  const ModuleClassifier Modules;
  ModuleCensus &Out;
};
} // namespace

ScopedConsumer moduleCensusConsumer(tidy::ClangTidyContext &Context, ModuleCensus &Out) {
  const tidy::ClangTidyCheck::OptionsView Options(MemberCheckName,
                                                  Context.getOptions().CheckOptions, &Context);
  return ScopedConsumer{std::make_unique<CensusConsumer>(ModuleSettings::read(Options), Out),
                        projectDeclarations};
}

} // namespace modlint
