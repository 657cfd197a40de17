#include "SafeTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

namespace {
bool isStdSynchronisationType(llvm::StringRef QualifiedName) {
  return llvm::StringSwitch<bool>(QualifiedName)
      .Cases("std::atomic", "std::atomic_flag", "std::atomic_ref", true)
      .Cases("std::mutex", "std::timed_mutex", "std::recursive_mutex",
             "std::recursive_timed_mutex", true)
      .Cases("std::shared_mutex", "std::shared_timed_mutex", true)
      .Cases("std::condition_variable", "std::condition_variable_any", true)
      .Cases("std::once_flag", "std::counting_semaphore", "std::latch",
             "std::barrier", true)
      .Default(false);
}

/// Lock objects and condition variables of the libraries that do not carry
/// Clang's capability attribute (Abseil's Mutex does; its CondVar does not).
bool isLibrarySynchronisationType(llvm::StringRef QualifiedName) {
  return llvm::StringSwitch<bool>(QualifiedName)
      .Cases("pthread_mutex_t", "pthread_rwlock_t", "pthread_spinlock_t", "pthread_cond_t",
             "pthread_once_t", true)
      .Cases("absl::Mutex", "absl::CondVar", "absl::once_flag", "absl::Notification", true)
      .Cases("boost::mutex", "boost::timed_mutex", "boost::recursive_mutex",
             "boost::recursive_timed_mutex", "boost::shared_mutex", "boost::upgrade_mutex", true)
      .Cases("boost::condition_variable", "boost::condition_variable_any", "boost::once_flag",
             true)
      .Default(false);
}

/// A class carrying Clang's `capability` attribute is a lock object, however
/// it is named.
bool isCapabilityType(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record && Record->hasAttr<CapabilityAttr>();
}

/// Walks the sugar of `Type` (typedefs, aliases, elaborated names) and the
/// canonical record at its bottom, calling `Match` on each qualified name.
template <typename Fn> bool anyNameOf(QualType Type, Fn Match) {
  QualType Current = Type;
  for (unsigned Steps = 0; Steps < 16 && !Current.isNull(); ++Steps) {
    if (const auto *Typedef = Current->getAs<TypedefType>())
      if (Match(Typedef->getDecl()->getQualifiedNameAsString()))
        return true;
    QualType Next = Current->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next == Current.getLocalUnqualifiedType())
      break;
    Current = Next;
  }
  if (const auto *Record = Type->getAsCXXRecordDecl())
    return Match(Record->getQualifiedNameAsString());
  if (const auto *Spec = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template = Spec->getTemplateName().getAsTemplateDecl())
      return Match(Template->getQualifiedNameAsString());
  return false;
}
} // namespace

bool SafeTypes::isExtra(llvm::StringRef QualifiedName) const {
  return llvm::is_contained(Extra, QualifiedName) ||
         llvm::is_contained(Locks.Mutexes, QualifiedName);
}

bool SafeTypes::isThreadSafe(QualType Type) const {
  if (Type.isNull())
    return false;
  // Strip arrays: `std::atomic<int> slots_[8]` is as safe as one slot.
  while (const auto *Array = Type->getAsArrayTypeUnsafe())
    Type = Array->getElementType();
  if (isCapabilityType(Type))
    return true;
  return anyNameOf(Type, [this](const std::string &Name) {
    return isStdSynchronisationType(Name) || isLibrarySynchronisationType(Name) || isExtra(Name);
  });
}

bool SafeTypes::isLockObject(QualType Type) const {
  return isThreadSafe(Type) && !anyNameOf(Type, [](const std::string &Name) {
    return Name == "std::atomic" || Name == "std::atomic_flag" || Name == "std::atomic_ref";
  });
}

bool SafeTypes::isSafeMember(const ValueDecl *Member) const {
  QualType Type = Member->getType();
  if (Type->isReferenceType())
    return true;
  if (const auto *Var = llvm::dyn_cast<VarDecl>(Member)) {
    if (Var->isConstexpr() || Var->getTLSKind() != VarDecl::TLS_None)
      return true;
  }
  if (const auto *Field = llvm::dyn_cast<FieldDecl>(Member))
    if (Field->isMutable())
      return isThreadSafe(Type);
  QualType Element = Type;
  while (const auto *Array = Element->getAsArrayTypeUnsafe())
    Element = Array->getElementType();
  if (Element.isConstQualified() || Type.isConstQualified())
    return true;
  return isThreadSafe(Type);
}

bool SafeTypes::holdsSynchronisation(const CXXRecordDecl &Record, unsigned Depth) const {
  if (Depth > 8 || !Record.hasDefinition())
    return false;
  const CXXRecordDecl &Definition = *Record.getDefinition();
  for (const Decl *Member : Definition.decls()) {
    const auto *Field = llvm::dyn_cast<FieldDecl>(Member);
    const auto *Static = llvm::dyn_cast<VarDecl>(Member);
    if ((Field && isThreadSafe(Field->getType())) ||
        (Static && Static->isStaticDataMember() && isThreadSafe(Static->getType())))
      return true;
  }
  for (const CXXBaseSpecifier &Base : Definition.bases())
    if (const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl();
        BaseRecord && holdsSynchronisation(*BaseRecord, Depth + 1))
      return true;
  return false;
}

bool SafeTypes::isSelfSynchronised(QualType Type, const ModuleClassifier &Modules) const {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType();
  if (isThreadSafe(Type))
    return true;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return false;
  return Modules.isSharedModule(Record) || holdsSynchronisation(*Record, 0);
}

} // namespace modlint
