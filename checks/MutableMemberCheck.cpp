#include "MutableMemberCheck.h"

#include "analysis/ForwardedWrites.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;

namespace modlint {

namespace {
AST_MATCHER_P(clang::FieldDecl, ofSharedModule, const ModuleClassifier *, Modules) {
  return Modules->isSharedModule(llvm::dyn_cast<CXXRecordDecl>(Node.getParent()));
}

/// A non-const member function that has a const twin (`find`, `begin`,
/// vector `operator[]`): calling it hands out access but changes nothing by
/// itself. What is done with the result is judged where it happens.
bool isAccessorCall(const Stmt *Mutation) {
  const CXXMethodDecl *Method = nullptr;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Mutation))
    Method = Call->getMethodDecl();
  else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Mutation))
    Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
  if (!Method || Method->isConst())
    return false;
  for (const NamedDecl *Twin : Method->getParent()->lookup(Method->getDeclName())) {
    const auto *TwinMethod = llvm::dyn_cast<CXXMethodDecl>(Twin->getUnderlyingDecl());
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(Twin))
      TwinMethod = llvm::dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
    if (TwinMethod && TwinMethod->isConst())
      return true;
  }
  return false;
}

/// Every member function the class declares that runs while it is shared is
/// defined in this translation unit, so "never modified" is a sound verdict.
bool allMethodsDefined(const CXXRecordDecl &Module) {
  for (const Decl *D : Module.decls()) {
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(D);
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(D))
      Method = llvm::dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
    if (!Method || Method->isImplicit() || Method->isPureVirtual() ||
        Method->isDeleted() || Method->isDefaulted())
      continue;
    if (!Method->isDefined())
      return false;
  }
  return true;
}

/// The object whose method `Mutation` calls (other than an assignment),
/// when that object is `Use` or what `Use` points to (`ep_.send()`,
/// `ep_->send()` for a raw or smart pointer `ep_`). For a type that
/// synchronises itself, such a call is how it is meant to change.
QualType calledObjectType(const Stmt &Mutation, const Expr &Use) {
  const Expr *Object = nullptr;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&Mutation))
    Object = Call->getImplicitObjectArgument();
  else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Mutation);
           Op && Op->getOperator() != OO_Equal && Op->getNumArgs() > 0)
    Object = Op->getArg(0);
  if (!Object)
    return QualType();
  Object = Object->IgnoreParenImpCasts();
  const Expr *Target = Use.IgnoreParenImpCasts();
  if (Object == Target)
    return Object->getType()->isPointerType() ? Object->getType()->getPointeeType()
                                              : Object->getType();
  // `ep_->send()` on a smart pointer: the object is `ep_.operator->()`.
  if (const auto *Arrow = llvm::dyn_cast<CXXOperatorCallExpr>(Object);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1 &&
      Arrow->getArg(0)->IgnoreParenImpCasts() == Target)
    return Arrow->getType()->getPointeeType();
  return QualType();
}

/// Passing to a forwarding reference is a read unless the visible callee
/// writes through it (ForwardedWrites.h).
bool isForwardedRead(const Stmt &Mutation, const Expr &Use) {
  const auto *Call = llvm::dyn_cast<CallExpr>(&Mutation);
  if (!Call)
    return false;
  const std::optional<unsigned> Index = forwardingParameter(*Call, Use);
  return Index && !writesThroughParameter(*Call, *Index);
}

/// `Mutation` hands the member to another object or function together with
/// a lock object of the module (`std::make_unique<Chatter>(&mu_, &notes_)`,
/// as per-call reactors are built): the receiver is given the lock that
/// guards the state, and locks it where it writes.
bool handsOverWithLock(const Stmt &Mutation, const SafeTypes &Safe, ASTContext &Context) {
  // The analyzer names `&notes_` itself: find the call it is an argument of
  // (only then: the parent map costs a walk of the unit).
  const Stmt *Site = &Mutation;
  if (const auto *Address = llvm::dyn_cast<UnaryOperator>(Site);
      !Address || Address->getOpcode() != UO_AddrOf)
    Site = llvm::isa<CallExpr, CXXConstructExpr>(Site) ? Site : nullptr;
  for (unsigned Up = 0; Site && Up < 4 && !llvm::isa<CallExpr, CXXConstructExpr>(Site); ++Up) {
    const DynTypedNodeList Parents = Context.getParents(*Site);
    Site = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
  }
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(Site))
    Args.append(Call->arg_begin(), Call->arg_end());
  else if (const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(Site))
    Args.append(Construct->arg_begin(), Construct->arg_end());
  for (const Expr *Arg : Args) {
    const Expr *Object = Arg->IgnoreParenImpCasts();
    if (const auto *Address = llvm::dyn_cast<UnaryOperator>(Object);
        Address && Address->getOpcode() == UO_AddrOf)
      Object = Address->getSubExpr()->IgnoreParenImpCasts();
    const auto *Member = llvm::dyn_cast<MemberExpr>(Object);
    if (Member && llvm::isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) &&
        Safe.isLockObject(Member->getType()))
      return true;
  }
  return false;
}

/// ExprMutationAnalyzer counts every return of the expression by reference
/// as a mutation; a const reference or a copy hands out no write access.
bool isReadOnlyReturn(const Stmt *Mutation) {
  const auto *Return = llvm::dyn_cast<ReturnStmt>(Mutation);
  if (!Return || !Return->getRetValue())
    return false;
  const Expr *Value = Return->getRetValue();
  return Value->getType().isConstQualified() || Value->isPRValue();
}

/// The write check whose finding a write of this kind is.
llvm::StringRef reportingCheck(WriteKind Kind) {
  switch (Kind) {
  case WriteKind::Assignment:
    return "modlint-field-assignment";
  case WriteKind::ContainerMutation:
    return "modlint-container-mutation";
  case WriteKind::Increment:
  case WriteKind::CompoundAssignment:
  case WriteKind::SplitAtomicUpdate:
    break;
  }
  return "modlint-nonatomic-update";
}

bool isGuardedByAttribute(const ValueDecl &Member) {
  return Member.hasAttr<GuardedByAttr>() || Member.hasAttr<PtGuardedByAttr>();
}
} // namespace

void MutableMemberCheck::registerMatchers(
    clang::ast_matchers::MatchFinder *Finder) {
  using namespace clang::ast_matchers;
  ModuleCheck::registerMatchers(Finder);
  registerModuleClassMatcher(Finder);
  // A module's member written on an instance that is not shared (a local
  // object, another instance handed to a member function): no race, but
  // `const` would reject the write.
  Finder->addMatcher(
      memberExpr(unless(isExpansionInSystemHeader()),
                 unless(hasObjectExpression(ignoringParenImpCasts(cxxThisExpr()))),
                 member(fieldDecl(ofSharedModule(&Modules)).bind("field")),
                 forCallable(functionDecl(hasBody(stmt())).bind("callable")))
          .bind("instance-use"),
      this);
}

void MutableMemberCheck::check(
    const clang::ast_matchers::MatchFinder::MatchResult &Result) {
  const auto *Use = Result.Nodes.getNodeAs<MemberExpr>("instance-use");
  if (!Use)
    return ModuleCheck::check(Result);
  const auto *Callable = Result.Nodes.getNodeAs<FunctionDecl>("callable");
  const Stmt *Body = Callable->getBody();
  if (AnalysedBody != Body) {
    Analyzer = std::make_unique<ExprMutationAnalyzer>(*Body, *Result.Context);
    AnalysedBody = Body;
  }
  if (!Use->getType().isConstQualified() && Analyzer->findMutation(Use))
    WrittenOnOtherInstances.insert(Result.Nodes.getNodeAs<FieldDecl>("field"));
}

void MutableMemberCheck::recordModification(const ValueDecl *Member,
                                            SourceLocation Where, bool LockHeld,
                                            llvm::StringRef Check) {
  if (InConstruction) {
    ModifiedInConstruction.insert(Member);
    return;
  }
  Modifications &M = Modified[Member];
  M.Any = true;
  if (!LockHeld)
    M.Unguarded.push_back({Where, Check});
}

void MutableMemberCheck::onWrite(const WriteEvent &Event) {
  recordModification(Event.Target.Member, Event.Write->getBeginLoc(), Event.LockHeld,
                     reportingCheck(Event.Kind));
}

void MutableMemberCheck::onMemberUse(const MemberUse &Use, const Stmt &Body,
                                     ASTContext &Context) {
  // Nothing can be modified through a const expression.
  if (Use.Use->getType().isConstQualified())
    return;
  if (AnalysedBody != &Body) {
    Analyzer = std::make_unique<ExprMutationAnalyzer>(Body, Context);
    AnalysedBody = &Body;
  }
  const Stmt *Mutation = Analyzer->findMutation(Use.Use);
  if (!Mutation || isAccessorCall(Mutation) || isReadOnlyReturn(Mutation) ||
      isForwardedRead(*Mutation, *Use.Use))
    return;
  // Modifying a std::atomic (or a mutex) inside the member, or calling a
  // method of a type that synchronises itself, is how shared state is meant
  // to change: the member is modified, but safely, so it is neither
  // unguarded nor a candidate for const.
  const bool Safely = Safe.isThreadSafe(Use.Use->getType()) || handsOverWithLock(*Mutation, Safe, Context) ||
                      Safe.isSelfSynchronised(calledObjectType(*Mutation, *Use.Use), Modules);
  recordModification(Use.Target.Member, Mutation->getBeginLoc(),
                     Use.LockHeld || Safely);
}

void MutableMemberCheck::onModuleClass(const CXXRecordDecl &Module) {
  ModuleClasses.push_back(&Module);
}

void MutableMemberCheck::reportMember(const ValueDecl &Member,
                                      const CXXRecordDecl &Module,
                                      bool ClassComplete) {
  if (!Member.getIdentifier() || Safe.isSafeMember(&Member))
    return;
  const std::string Name = Member.getNameAsString();
  // Every finding here is at the member: %0 names it, %1 its module.
  auto AtMember = [&](llvm::StringRef Message,
                      DiagnosticIDs::Level Level = DiagnosticIDs::Warning) {
    return diag(Member.getLocation(), Message, Level)
           << Name << Module.getNameAsString() << Member.getSourceRange();
  };
  if (Settings.Strict) {
    AtMember("'%0' is mutable state of shared module '%1'; Strict mode allows no "
             "mutable instance state: make it const or constexpr, use "
             "std::atomic, or keep the data request-local (request context or "
             "session)");
    return;
  }
  if (isGuardedByAttribute(Member))
    return;
  auto Found = Modified.find(&Member);
  if (Found != Modified.end() && !Found->second.Unguarded.empty()) {
    const std::vector<SourceLocation> Writes =
        reportedWrites(Found->second, Module.getASTContext().getSourceManager());
    if (Writes.empty())
      return; // every unguarded write is silenced where it is made
    AtMember("'%0' is mutable state of shared module '%1' and is modified outside "
             "construction without a held lock; every concurrent request reads "
             "and writes it: make it std::atomic, guard every write with a member "
             "mutex, or move it to request-local state");
    for (SourceLocation Where : Writes)
      diag(Where, "'%0' is modified here without a held lock", DiagnosticIDs::Note) << Name;
    return;
  }
  // Never modified after construction: cheap to make that a promise. Only
  // said when every member function was seen, or a write elsewhere could
  // make the advice wrong.
  if (Found == Modified.end() && ClassComplete && constWouldCompile(Member, Module)) {
    auto Diag = AtMember("'%0' of shared module '%1' is never modified after "
                         "construction; declare it 'const' so it stays safe to "
                         "share",
                         DiagnosticIDs::Remark);
    if (auto Fix = constFix(Member))
      Diag << *Fix;
  }
}

std::vector<SourceLocation>
MutableMemberCheck::reportedWrites(const Modifications &M, SourceManager &Sources) {
  std::vector<UnguardedWrite> ByPlace = M.Unguarded;
  llvm::sort(ByPlace, [&](const UnguardedWrite &A, const UnguardedWrite &B) {
    return Sources.isBeforeInTranslationUnit(A.Where, B.Where);
  });
  if (!NoLint)
    NoLint = std::make_unique<NoLintLines>(Sources);
  std::vector<SourceLocation> Writes;
  for (size_t First = 0, Next; First < ByPlace.size(); First = Next) {
    // The same write can be seen twice (as a write event and as a use the
    // mutation analysis calls a modification): one NOLINT for either check
    // that reports it, or for this one, silences it.
    const SourceLocation Where = ByPlace[First].Where;
    bool Silenced = NoLint->silences(Where, getID());
    for (Next = First; Next < ByPlace.size() && ByPlace[Next].Where == Where; ++Next)
      Silenced = Silenced || (!ByPlace[Next].Check.empty() &&
                              NoLint->silences(Where, ByPlace[Next].Check));
    if (!Silenced)
      Writes.push_back(Where);
  }
  return Writes;
}

void MutableMemberCheck::onEndOfTranslationUnit() {
  for (const CXXRecordDecl *Module : ModuleClasses) {
    const bool Complete = allMethodsDefined(*Module);
    for (const Decl *D : Module->decls()) {
      if (const auto *Field = llvm::dyn_cast<FieldDecl>(D))
        reportMember(*Field, *Module, Complete);
      else if (const auto *InUnion = llvm::dyn_cast<IndirectFieldDecl>(D))
        reportMember(*InUnion->getAnonField(), *Module, Complete); // anonymous union
      else if (const auto *Var = llvm::dyn_cast<VarDecl>(D);
               Var && Var->isStaticDataMember())
        reportMember(*Var->getCanonicalDecl(), *Module, Complete);
    }
  }
  Modified.clear();
  ModifiedInConstruction.clear();
  WrittenOnOtherInstances.clear();
  ModuleClasses.clear();
  AnalysedBody = nullptr;
  Analyzer.reset();
  NoLint.reset();
  ModuleCheck::onEndOfTranslationUnit();
}

} // namespace modlint
