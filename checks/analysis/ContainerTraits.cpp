// What counts as a container and which of its calls mutate it.
#include "WriteScanner.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

namespace {
constexpr unsigned MaxBaseDepth = 16;

bool isStdContainerName(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("std::vector", "std::deque", "std::list", "std::forward_list",
             "std::array", true)
      .Cases("std::map", "std::multimap", "std::set", "std::multiset", true)
      .Cases("std::unordered_map", "std::unordered_multimap",
             "std::unordered_set", "std::unordered_multiset", true)
      .Cases("std::queue", "std::stack", "std::priority_queue", true)
      .Cases("std::basic_string", "std::valarray", "std::flat_map",
             "std::flat_set", true)
      .Default(false);
}

/// Looks for declarations named `Names` in `Record` and its bases.
bool declaresAll(const CXXRecordDecl *Record,
                 llvm::ArrayRef<llvm::StringRef> Names, unsigned Depth = 0) {
  if (!Record || !Record->hasDefinition() || Depth > MaxBaseDepth)
    return false;
  llvm::SmallVector<bool, 4> Found(Names.size(), false);
  auto Mark = [&](const CXXRecordDecl *R) {
    for (const Decl *D : R->decls()) {
      const auto *Named = llvm::dyn_cast<NamedDecl>(D);
      if (!Named || !Named->getIdentifier())
        continue;
      for (size_t I = 0; I < Names.size(); ++I)
        if (Named->getName() == Names[I])
          Found[I] = true;
    }
  };
  llvm::SmallVector<const CXXRecordDecl *, 8> Work{Record};
  for (unsigned Steps = 0; !Work.empty() && Steps < MaxBaseDepth; ++Steps) {
    const CXXRecordDecl *Current = Work.pop_back_val();
    Mark(Current);
    for (const CXXBaseSpecifier &Base : Current->bases())
      if (const CXXRecordDecl *BaseRecord = recordOf(Base.getType()))
        if (BaseRecord->hasDefinition())
          Work.push_back(BaseRecord);
  }
  return llvm::all_of(Found, [](bool B) { return B; });
}
} // namespace

bool isContainerType(QualType Type) {
  if (isStdContainerName(recordName(Type)))
    return true;
  return declaresAll(recordOf(Type), {"begin", "end", "size"});
}

bool isMapLikeType(QualType Type) {
  const std::string Name = recordName(Type);
  if (Name == "std::map" || Name == "std::unordered_map" ||
      Name == "std::flat_map")
    return true;
  return declaresAll(recordOf(Type), {"mapped_type", "key_type", "begin"});
}

const Expr *insertingSubscript(const Expr *Target) {
  for (unsigned Depth = 0; Target && Depth < MaxBaseDepth; ++Depth) {
    Target = Target->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(Target)) {
      Target = Member->getBase();
    } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(Target)) {
      // Only inside a template does `map_[key]` stay a plain subscript.
      const Expr *Base = subscriptBase(*Subscript);
      if (Subscript->isTypeDependent() && isMapLikeType(Base->getType()))
        return Base;
      Target = Base;
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Target);
               Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0) {
      const Expr *Base = Op->getArg(0);
      if (isMapLikeType(Base->getType()) && !Base->getType().isConstQualified())
        return Base;
      Target = Base;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool isMutatingContainerMethod(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("push_back", "push_front", "pop_back", "pop_front", "push", "pop",
             true)
      .Cases("emplace", "emplace_back", "emplace_front", "emplace_hint",
             "emplace_after", "try_emplace", true)
      .Cases("insert", "insert_or_assign", "insert_after", "insert_range",
             "append_range", "prepend_range", true)
      .Cases("erase", "erase_after", "clear", "extract", "merge", true)
      .Cases("resize", "reserve", "shrink_to_fit", "rehash", true)
      .Cases("assign", "assign_range", "swap", "splice", "splice_after", true)
      .Cases("append", "replace", "remove", "remove_if", "unique", true)
      .Cases("sort", "reverse", "fill", true)
      .Default(false);
}

} // namespace modlint
