#include "SplitAtomicUpdate.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace modlint {

namespace {
bool isStdAtomic(QualType Type) {
  const CXXRecordDecl *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && Record->isInStdNamespace() &&
         Record->getName() == "atomic";
}

/// `Value` reads the member state at `Path` somewhere inside it.
bool reads(const Expr *Value, const std::string &Path, const MemberStateResolver &Resolver) {
  llvm::SmallVector<const Stmt *, 16> Pending{Value};
  while (!Pending.empty()) {
    const Stmt *S = Pending.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = llvm::dyn_cast<Expr>(S);
        E && llvm::isa<MemberExpr, DeclRefExpr>(E) && isStdAtomic(E->getType()))
      if (std::optional<MemberState> Read = Resolver.resolve(E); Read && Read->Path == Path)
        return true;
    for (const Stmt *Child : S->children())
      Pending.push_back(Child);
  }
  return false;
}

/// The atomic written and the value written, for `a_ = v` and
/// `a_.store(v)`.
std::optional<std::pair<const Expr *, const Expr *>> atomicWrite(const Expr &E,
                                                                 std::string &Operation) {
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&E);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Operation = "=";
    return std::make_pair(Op->getArg(0), Op->getArg(1));
  }
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier() && Method->getName() == "store" &&
        Call->getNumArgs() > 0) {
      Operation = "store";
      return std::make_pair(Call->getImplicitObjectArgument(), Call->getArg(0));
    }
  }
  return std::nullopt;
}
} // namespace

std::optional<SplitUpdate> splitAtomicUpdate(const Expr &E, const MemberStateResolver &Resolver) {
  std::string Operation;
  const auto Write = atomicWrite(E, Operation);
  // The object is seen through a cast to the base that declares the
  // operator (libstdc++'s `__atomic_base<long>`).
  const Expr *Atomic = Write ? Write->first->IgnoreParenImpCasts() : nullptr;
  if (!Atomic || !isStdAtomic(Atomic->getType()))
    return std::nullopt;
  const std::optional<MemberState> Target = Resolver.resolve(Atomic);
  if (!Target || !reads(Write->second, Target->Path, Resolver))
    return std::nullopt;
  return SplitUpdate{Atomic, Operation};
}

} // namespace modlint
