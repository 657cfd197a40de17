#include "LockScopeFunctions.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
/// A lambda's call operator or a local class's method.
AST_MATCHER(FunctionDecl, isNestedInFunction) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Node);
  return Method && (Method->getParent()->isLambda() || Method->getParent()->isLocalClass());
}
} // namespace

DeclarationMatcher lockScopeFunction() {
  return functionDecl(isDefinition(), unless(isTemplateInstantiation()),
                      unless(isExpansionInSystemHeader()), unless(isNestedInFunction()))
      .bind("function");
}

} // namespace modlint
