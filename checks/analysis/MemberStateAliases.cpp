// The names by which a function body reaches member state besides `this`:
// aliases of the object itself (`self`, `thisPtr`, a module parameter of a
// friend or free function), local references bound to member state, and
// local iterators and pointers into it.
#include "MemberState.h"

#include "CallInfo.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace modlint {

namespace {
constexpr unsigned MaxObjectDepth = 16;

bool named(const NamedDecl *D, std::initializer_list<llvm::StringRef> Names) {
  return D && D->getIdentifier() && llvm::is_contained(Names, D->getName());
}

/// A smart pointer's own method that hands out the object it points at
/// (`weak.lock()`, `sp.get()`), as opposed to a method of the object.
bool isHandleAccess(const CXXMemberCallExpr &Call) {
  const auto *Handle = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Call.getRecordDecl());
  return named(Call.getMethodDecl(), {"lock", "get"}) &&
         named(Handle, {"shared_ptr", "weak_ptr", "unique_ptr", "intrusive_ptr"});
}

/// Looks through parentheses, implicit conversions, temporaries, copies and
/// the explicit casts that keep the object (`const_cast<T *>(this)`).
const Expr *throughCasts(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < MaxObjectDepth; ++Steps) {
    const Expr *Next = throughConversions(E)->IgnoreParenCasts();
    if (Next == E)
      break;
    E = Next;
  }
  return E;
}

/// `c.find(k)`, `c.begin()`, `std::begin(c)`, ...: a call that hands out
/// an iterator (or pointer) into the container `c`.
const Expr *iteratorSource(const Expr *Init) {
  const Expr *Call = throughConversions(Init);
  if (const auto *Member = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || Method->isConst() ||
        !named(Method, {"begin", "end", "rbegin", "rend", "find", "lower_bound",
                        "upper_bound", "data"}))
      return nullptr;
    return Member->getImplicitObjectArgument();
  }
  const auto *Free = llvm::dyn_cast_or_null<CallExpr>(Call);
  const FunctionDecl *Callee = Free ? Free->getDirectCallee() : nullptr;
  if (!Callee || Free->getNumArgs() != 1 || !declaredInStd(*Callee) ||
      !named(Callee, {"begin", "end", "rbegin", "rend", "data"}))
    return nullptr;
  return Free->getArg(0);
}
} // namespace

const CXXRecordDecl *MemberStateResolver::objectOf(const Expr *E) const {
  return E ? objectOf(E, 0) : nullptr;
}

const CXXRecordDecl *MemberStateResolver::objectOf(const Expr *E, unsigned Depth) const {
  if (Depth > MaxObjectDepth)
    return nullptr;
  E = throughCasts(E);
  if (const auto *This = llvm::dyn_cast<CXXThisExpr>(E)) {
    // `this` of a lambda is the enclosing object; `this` of a local class
    // is the local object, which is not shared.
    const CXXRecordDecl *Owner = This->getType()->getPointeeType()->getAsCXXRecordDecl();
    return Modules.isSharedModule(Owner) ? Owner : nullptr;
  }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    auto Found = Var ? Objects.find(Var) : Objects.end();
    return Found == Objects.end() ? nullptr : Found->second;
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_AddrOf
               ? objectOf(Unary->getSubExpr(), Depth + 1)
               : nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E))
    return (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
                   Op->getNumArgs() == 1
               ? objectOf(Op->getArg(0), Depth + 1)
               : nullptr;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    // `shared_from_this()` of the object, `self.get()`, `weak.lock()`.
    const bool OfObject = named(Call->getMethodDecl(), {"shared_from_this", "weak_from_this"});
    return OfObject || isHandleAccess(*Call)
               ? objectOf(Call->getImplicitObjectArgument(), Depth + 1)
               : nullptr;
  }
  // `std::static_pointer_cast<Derived>(self)`, `std::addressof(*this)`.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Call->getNumArgs() == 1 && declaredInStd(*Callee) &&
        named(Callee, {"static_pointer_cast", "dynamic_pointer_cast",
                       "const_pointer_cast", "addressof"}))
      return objectOf(Call->getArg(0), Depth + 1);
  }
  return nullptr;
}

void MemberStateResolver::addObjectParameter(const ParmVarDecl *Param) {
  if (const CXXRecordDecl *Module = Modules.moduleHandled(Param->getType()))
    Objects[Param] = Module;
}

std::optional<MemberState> MemberStateResolver::pointerSource(const Expr *Init) const {
  if (iteratorSource(Init))
    return pointedAt(Init);
  // `int *p = arr_;` (the array decays), `int *p = &count_;`
  const Expr *Pointer = Init->IgnoreParens();
  if (const auto *Decay = llvm::dyn_cast<ImplicitCastExpr>(Pointer);
      Decay && Decay->getCastKind() == CK_ArrayToPointerDecay) {
    auto State = resolve(Decay->getSubExpr());
    if (State)
      State->Path += "[...]";
    return State;
  }
  Pointer = Pointer->IgnoreParenImpCasts();
  if (const auto *Address = llvm::dyn_cast<UnaryOperator>(Pointer);
      Address && Address->getOpcode() == UO_AddrOf)
    return resolve(Address->getSubExpr());
  return std::nullopt;
}

void MemberStateResolver::addAlias(const VarDecl *Alias, const Expr *Init,
                                   bool Element) {
  QualType Type = Alias->getType();
  if (!Element) {
    // `auto self = shared_from_this();`, `auto *me = this;`: another name
    // for the shared object (a copy of it by value is not).
    if (const CXXRecordDecl *Object = objectOf(Init)) {
      if (Type->isReferenceType() || Type->isPointerType() ||
          !Modules.isSharedModule(Type->getAsCXXRecordDecl()))
        Objects[Alias] = Object;
      return;
    }
    // An iterator or pointer into member state: what it points at is
    // member state (`it->second = v`, `p[0] = x`), but the iterator itself
    // is a local (`++it` writes nothing shared).
    const bool Writable = Type->isPointerType() ? !Type->getPointeeType().isConstQualified()
                                                : !Type->isReferenceType();
    if (Writable && (Type->isPointerType() || Type->getAsCXXRecordDecl()))
      if (auto Target = pointerSource(Init)) {
        PointsInto[Alias] = std::move(*Target);
        return;
      }
  }
  // Only a reference that can write: `const auto &` only reads.
  if (!Type->isReferenceType() || Type.getNonReferenceType().isConstQualified())
    return;
  auto State = resolve(Init);
  if (!State)
    return;
  if (Element)
    State->Path += "[...]";
  Aliases[Alias] = std::move(*State);
}

std::optional<MemberState> MemberStateResolver::pointedAt(const Expr *Pointer) const {
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Pointer->IgnoreParenImpCasts());
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (auto Found = Var ? PointsInto.find(Var) : PointsInto.end(); Found != PointsInto.end())
    return Found->second;
  // `table_.find(k)->second += 1`: an iterator used where it is made.
  if (const Expr *Container = Var ? nullptr : iteratorSource(Pointer)) {
    auto State = resolve(Container);
    if (State)
      State->Path += "[...]";
    return State;
  }
  return std::nullopt;
}

} // namespace modlint
