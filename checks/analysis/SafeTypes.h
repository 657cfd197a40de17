// Which types and members may be shared by concurrent requests without a
// lock: the std synchronisation types, user-listed `SafeTypes`, and members
// that cannot change after construction.
#pragma once

#include "LockAttributes.h"
#include "ModuleClassifier.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include <string>
#include <vector>

namespace modlint {

class SafeTypes {
public:
  /// `Extra`: the `SafeTypes` option; `Locks`: the user's lock types, whose
  /// mutexes are thread-safe too.
  explicit SafeTypes(std::vector<std::string> Extra, LockTypeNames Locks = {})
      : Extra(std::move(Extra)), Locks(std::move(Locks)) {}

  const LockTypeNames &lockTypes() const { return Locks; }

  /// std::atomic, std::atomic_flag, the std mutex family, condition
  /// variables, std::once_flag, semaphores, std::latch, std::barrier, and
  /// any type (or alias) named in the `SafeTypes` option. Arrays are safe
  /// when their element type is.
  bool isThreadSafe(clang::QualType Type) const;

  /// A lock object or condition variable: a thread-safe type that is not
  /// an atomic.
  bool isLockObject(clang::QualType Type) const;

  /// A member that concurrent requests may share as it is: const, constexpr,
  /// a reference, a thread_local static, or of a thread-safe type.
  bool isSafeMember(const clang::ValueDecl *Member) const;

  /// A type that synchronises itself: a thread-safe type, a class carrying
  /// the `capability` attribute, a class that holds (itself or in a base) a
  /// data member of a thread-safe type (a lock object, an atomic), or a
  /// shared module. Calling a non-const method of one is not a write.
  bool isSelfSynchronised(clang::QualType Type, const ModuleClassifier &Modules) const;

private:
  bool isExtra(llvm::StringRef QualifiedName) const;
  bool holdsSynchronisation(const clang::CXXRecordDecl &Record, unsigned Depth) const;
  std::vector<std::string> Extra;
  LockTypeNames Locks;
};

} // namespace modlint
