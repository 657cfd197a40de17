// The calls that block the calling thread, as DESIGN's blocking-under-lock
// lists them: sleeps, joins, waits on futures and condition variables, file,
// socket and process I/O, std::filesystem, and the user's own
// (`BlockingFunctions`).
#pragma once

#include "clang/AST/Expr.h"
#include "llvm/Support/GlobPattern.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

struct BlockingCall {
  explicit BlockingCall(std::string Name, const clang::VarDecl *ReleasedGuard = nullptr)
      : Name(std::move(Name)), ReleasedGuard(ReleasedGuard) {}

  /// The call as the message names it: "std::this_thread::sleep_for",
  /// "read", "std::basic_ifstream::read".
  std::string Name;
  /// A condition-variable wait releases this guard's lock while it waits:
  /// only the other locks held are blocked on.
  const clang::VarDecl *ReleasedGuard = nullptr;
  /// ... or this lock object's (`absl::CondVar::Wait(&mu_)`), by identity.
  std::string ReleasedLock;
};

/// What constructing an object blocks on: opening a file stream.
std::optional<BlockingCall> blockingConstruction(const clang::CXXConstructExpr &Construct);

/// What `Call` blocks on, if it blocks.
std::optional<BlockingCall> blockingCall(const clang::CallExpr &Call,
                                         const std::vector<llvm::GlobPattern> &UserPatterns);

} // namespace modlint
