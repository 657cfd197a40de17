// Decides whether a class is a *shared module*: one instance serves every
// concurrent request, so all of its data members are shared state.
#pragma once

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace modlint {

/// The annotation `MODLINT_SHARED` (include/modlint/annotations.hpp) attaches
/// to a class that is shared but has no configured base.
inline constexpr const char *SharedAnnotation = "modlint::shared";

class ModuleClassifier {
public:
  explicit ModuleClassifier(std::vector<std::string> QualifiedBases)
      : Bases(std::move(QualifiedBases)) {}

  /// True for a class that is, or derives (directly, indirectly, or through a
  /// class template) from, one of the configured bases, or that carries the
  /// shared annotation (itself or on a base). Matching is by fully qualified
  /// name: `other::Module` is not `modrt::Module`.
  bool isSharedModule(const clang::CXXRecordDecl *Record) const;

  /// The shared module a parameter of type `Type` hands a function: one
  /// named by reference, pointer or smart pointer (`Module &`, `Module *`,
  /// `std::shared_ptr<Module>`), not a copy. Null otherwise.
  const clang::CXXRecordDecl *moduleHandled(clang::QualType Type) const;

private:
  /// A class template with a base given as a template argument
  /// (`template <class Base> class WithRetries : public Base`) is a shared
  /// module when one of its instantiations is.
  bool hasSharedInstantiation(const clang::CXXRecordDecl &Pattern, unsigned Depth) const;
  bool isSharedModule(const clang::CXXRecordDecl *Record, unsigned Depth) const;
  bool isConfiguredBase(const clang::CXXRecordDecl *Record) const;

  std::vector<std::string> Bases;
};

/// The class whose definition describes `Record`'s members and bases: the
/// template pattern for an implicit instantiation that has no definition yet.
const clang::CXXRecordDecl *definitionOf(const clang::CXXRecordDecl *Record);

/// The class a type names (through references), also when it is a dependent
/// template-id such as `Base<T>` inside a class template, where the class
/// template's pattern stands for it. Null for anything else.
const clang::CXXRecordDecl *recordOf(clang::QualType Type);

} // namespace modlint
