#include "ReturnedState.h"

#include "CallInfo.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace modlint {

namespace {
/// The first template argument of a class template specialisation, if it
/// is a type.
QualType firstTypeArgument(const CXXRecordDecl &Record) {
  const auto *Specialisation = llvm::dyn_cast<ClassTemplateSpecializationDecl>(&Record);
  if (!Specialisation || Specialisation->getTemplateArgs().size() == 0)
    return QualType();
  const TemplateArgument &First = Specialisation->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type ? First.getAsType() : QualType();
}

/// A name the iterator's type is spelled with: a typedef on the way to it
/// (`std::map<K, V>::const_iterator`) or its class (`_Rb_tree_iterator`).
std::optional<std::string> iteratorName(QualType Type) {
  for (QualType T = Type; !T.isNull();) {
    const auto *Alias = T->getAs<TypedefType>();
    if (!Alias)
      break;
    const std::string Name = Alias->getDecl()->getName().lower();
    if (llvm::StringRef(Name).ends_with("iterator"))
      return Name;
    T = Alias->desugar();
  }
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (Record && Record->getIdentifier() &&
      Record->getName().lower().find("iterator") != std::string::npos)
    return Record->getName().lower();
  return std::nullopt;
}

bool pointsToConst(QualType Type) {
  return !Type.isNull() && Type->isPointerType() && Type->getPointeeType().isConstQualified();
}

/// A local variable (not a parameter) initialised with a handle into
/// something: following its initialiser finds what it refers to.
const VarDecl *localHandle(const Expr *E) {
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || llvm::isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() || !Var->getInit())
    return nullptr;
  return handleType(Var->getType()) ? Var : nullptr;
}

/// Calls on an object that hand out access to its state.
bool handsOutState(llvm::StringRef Method) {
  static const llvm::StringSet<> Names = {
      "begin", "end",  "cbegin",     "cend",        "rbegin",      "rend", "crbegin",
      "crend", "find", "lower_bound", "upper_bound", "equal_range", "data", "c_str",
      "get",   "front", "back",      "at",          "value"};
  return Names.contains(Method);
}

/// Library functions whose result refers to their first argument.
bool refersToArgument(llvm::StringRef Qualified) {
  static const llvm::StringSet<> Names = {
      "std::ref",  "std::cref", "std::begin",     "std::end",     "std::cbegin",
      "std::cend", "std::data", "std::addressof", "std::as_const"};
  return Names.contains(Qualified);
}
} // namespace

std::optional<HandleType> handleType(QualType Type) {
  if (Type.isNull())
    return std::nullopt;
  if (Type->isReferenceType()) {
    const bool ReadOnly = Type->getPointeeType().isConstQualified();
    return HandleType{ReadOnly ? "a const reference" : "a reference", ReadOnly};
  }
  if (Type->isPointerType() && !Type->getPointeeType()->isFunctionType()) {
    const bool ReadOnly = Type->getPointeeType().isConstQualified();
    return HandleType{ReadOnly ? "a pointer to const" : "a pointer", ReadOnly};
  }
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return std::nullopt;
  const std::string Qualified = Record->getQualifiedNameAsString();
  if (Qualified == "std::basic_string_view")
    return HandleType{"a view", true};
  if (Qualified == "std::span" || Qualified == "std::reference_wrapper") {
    const bool ReadOnly = firstTypeArgument(*Record).isConstQualified();
    if (Qualified == "std::span")
      return HandleType{"a view", ReadOnly};
    return HandleType{ReadOnly ? "a const reference" : "a reference", ReadOnly};
  }
  if (std::optional<std::string> Name = iteratorName(Type)) {
    const bool ReadOnly = Name->find("const") != std::string::npos ||
                          pointsToConst(firstTypeArgument(*Record));
    return HandleType{ReadOnly ? "a const iterator" : "an iterator", ReadOnly};
  }
  return std::nullopt;
}

const Expr *handedOutObject(const Expr *Returned) {
  const Expr *E = Returned;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      // `std::string_view(name_)`, `std::span(items_)`, a copied iterator.
      if (Construct->getNumArgs() == 0)
        return E;
      E = Construct->getArg(0);
    } else if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Address = llvm::dyn_cast<UnaryOperator>(E);
               Address && Address->getOpcode() == UO_AddrOf) {
      return Address->getSubExpr();
    } else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      const bool Through = Method && (llvm::isa<CXXConversionDecl>(Method) ||
                                      (Method->getIdentifier() && handsOutState(Method->getName())));
      if (!Through)
        return E;
      return Call->getImplicitObjectArgument();
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->getNumArgs() > 0 &&
               (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star ||
                Op->getOperator() == OO_Subscript)) {
      E = Op->getArg(0); // `it->`, `*it`, `table_[key]`
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E);
               Member && llvm::isa<CXXOperatorCallExpr, DeclRefExpr>(
                             Member->getBase()->IgnoreParenImpCasts())) {
      E = Member->getBase(); // `it->second`, `entry.first`
    } else if (const VarDecl *Local = localHandle(E)) {
      E = Local->getInit(); // `auto it = table_.find(k); return it->second;`
    } else if (std::optional<MemberCallee> Callee = memberCallee(*E);
               Callee && handsOutState(Callee->Name)) {
      E = Callee->Object; // `values_.at(k)` in a template, not resolved yet
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
               Call && !llvm::isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0 &&
               Call->getDirectCallee() &&
               refersToArgument(Call->getDirectCallee()->getQualifiedNameAsString())) {
      E = Call->getArg(0);
    } else {
      // A pointer's own value (`return widget_;`) is a copy of it.
      return E->getType()->isPointerType() && !Returned->getType()->isReferenceType() &&
                     Depth == 0
                 ? nullptr
                 : E;
    }
  }
  return E;
}

} // namespace modlint
