// One unit's lock-order edges ("held Outer while acquiring Inner"), kept
// with its findings so that the command line can search the whole run's
// graph for cycles that no single unit shows (DESIGN: modlint-lock-order
// across units), also from the cache.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace modlint {

/// A place as findings name it: an absolute path and a byte offset.
struct FilePlace {
  std::string File;
  uint64_t Offset = 0;

  friend bool operator<(const FilePlace &A, const FilePlace &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  }
  friend bool operator==(const FilePlace &A, const FilePlace &B) {
    return A.File == B.File && A.Offset == B.Offset;
  }
};

struct LockEdge {
  std::string OuterLock, OuterOwner; // identity and object, as in the check
  std::string InnerLock, InnerOwner;
  std::string Via; // the function called, when Inner is taken inside it
  FilePlace Outer, Inner;
  FilePlace At; // where the edge is reported: Inner, or the call of Via

  /// Source order of where edges are reported, then of their locks.
  friend bool operator<(const LockEdge &A, const LockEdge &B) {
    return std::tie(A.At, A.Outer, A.Inner, A.OuterLock, A.InnerLock) <
           std::tie(B.At, B.Outer, B.Inner, B.OuterLock, B.InnerLock);
  }
  friend bool operator==(const LockEdge &A, const LockEdge &B) {
    return !(A < B) && !(B < A);
  }
};

} // namespace modlint
