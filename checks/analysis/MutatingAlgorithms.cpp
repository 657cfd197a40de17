#include "MutatingAlgorithms.h"

#include "CallInfo.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

namespace {
/// Algorithms that rearrange or overwrite the elements of their first range.
bool writesFirstRange(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("sort", "stable_sort", "partial_sort", "nth_element", "reverse", "rotate", true)
      .Cases("shuffle", "fill", "fill_n", "generate", "generate_n", "iota", true)
      .Cases("replace", "replace_if", "remove", "remove_if", "unique", true)
      .Cases("partition", "stable_partition", "inplace_merge", "swap_ranges", true)
      .Cases("make_heap", "push_heap", "pop_heap", "sort_heap", true)
      .Cases("next_permutation", "prev_permutation", true)
      .Default(false);
}

bool isInsertIterator(llvm::StringRef Name) {
  return Name == "back_inserter" || Name == "front_inserter" || Name == "inserter";
}

/// The container whose range `Arg` starts: `c.begin()`, `c.rbegin()`,
/// `c.data()`, `std::begin(c)`, or `c` itself where a whole range is taken.
const Expr *rangeContainer(const Expr *Arg, bool WholeRange) {
  Arg = Arg->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Arg)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        llvm::is_contained({"begin", "rbegin", "data"}, Method->getName()))
      return Member->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Arg)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && declaredInStd(*Callee) && Call->getNumArgs() == 1 &&
        llvm::is_contained({"begin", "rbegin", "data"}, Callee->getName()))
      return Call->getArg(0);
    return nullptr;
  }
  return WholeRange && Arg->getType()->getAsCXXRecordDecl() ? Arg : nullptr;
}

/// `std::execution::par` and friends (libstdc++ declares them in its
/// parallel library's own namespace, which std::execution aliases).
bool isExecutionPolicy(const Expr *Arg) {
  const CXXRecordDecl *Record = Arg->getType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && Record->getName().ends_with("_policy");
}
} // namespace

std::optional<RangeWrite> mutatedRange(const CallExpr &Call) {
  // `std::ranges::sort(v_)` calls a function object; `std::sort(...)` a
  // function.
  unsigned First = 0;
  llvm::StringRef Name;
  std::string Prefix = "std::";
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call)) {
    const CXXRecordDecl *Object =
        Op->getNumArgs() > 0 ? Op->getArg(0)->getType()->getAsCXXRecordDecl() : nullptr;
    if (Op->getOperator() != OO_Call || !Object || !declaredInStd(*Object) || !Object->getIdentifier())
      return std::nullopt;
    Name = Object->getName().trim("_").drop_back(Object->getName().ends_with("_fn") ? 3 : 0);
    First = 1;
    Prefix = "std::ranges::";
  } else if (const FunctionDecl *Callee = Call.getDirectCallee();
             Callee && Callee->getIdentifier() && declaredInStd(*Callee) &&
             !llvm::isa<CXXMethodDecl>(Callee)) {
    Name = Callee->getName();
  } else {
    return std::nullopt;
  }
  if (First < Call.getNumArgs() && isExecutionPolicy(Call.getArg(First)))
    ++First;
  if (First >= Call.getNumArgs())
    return std::nullopt;
  const bool Inserter = isInsertIterator(Name) && First == 0;
  if (!Inserter && !writesFirstRange(Name))
    return std::nullopt;
  const Expr *Container =
      Inserter ? Call.getArg(0) : rangeContainer(Call.getArg(First), /*WholeRange=*/First == 1);
  if (!Container)
    return std::nullopt;
  return RangeWrite{Container, Prefix + Name.str()};
}

} // namespace modlint
