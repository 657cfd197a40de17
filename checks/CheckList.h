// Every modlint check, from Checks.def: its id, how it is created, and the
// scope of its findings. The one list that the clang-tidy module registers,
// and that the command reads to tell which findings may be worked out once
// for many units.
#pragma once

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/ArrayRef.h"
#include <memory>
#include <type_traits>

namespace modlint {

/// What a check's finding in a function body depends on.
enum class FindingScope {
  /// Anything in the translation unit (every member function of a class,
  /// say). The default: a check that does not say otherwise is never
  /// assumed to be more local than it is.
  WholeUnit,
  /// That body alone, and the declarations it names: the same body parsed
  /// in any unit gives the same findings, so they may be worked out once
  /// (for a header every unit of a shared prefix includes).
  PerBody,
  /// Anything in the unit, and the bodies of the functions it calls
  /// wherever they are (a library's included with -I too): a check that
  /// follows calls sees every function outside system headers, as in
  /// clang-tidy. Every other check reads only the project's functions.
  CallGraph,
};

/// A check declares `static constexpr FindingScope Findings = ...;` to be
/// more local than the whole unit.
template <typename Check, typename = void> struct FindingScopeOf {
  static constexpr FindingScope Value = FindingScope::WholeUnit;
};
template <typename Check>
struct FindingScopeOf<Check, std::void_t<decltype(Check::Findings)>> {
  static constexpr FindingScope Value = Check::Findings;
};

struct CheckInfo {
  llvm::StringLiteral Id;
  FindingScope Scope;
  std::unique_ptr<clang::tidy::ClangTidyCheck> (*Create)(llvm::StringRef Name,
                                                        clang::tidy::ClangTidyContext *Context);
};

/// Every check, in the order of Checks.def.
llvm::ArrayRef<CheckInfo> modlintChecks();

/// The scope of a check's findings by id; WholeUnit for any check that is
/// not one of modlint's.
FindingScope findingScope(llvm::StringRef CheckId);

} // namespace modlint
