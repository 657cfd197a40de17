#include "NonatomicUpdateCheck.h"

namespace modlint {

void NonatomicUpdateCheck::onWrite(const WriteEvent &Event) {
  if (!isUnprotected(Event.LockHeld))
    return;
  if (Event.Kind == WriteKind::SplitAtomicUpdate) {
    reportWrite(Event, "'%0' on '%1' reads and then writes the atomic in two separate "
                       "operations; every request to '%2' shares it, so another request "
                       "can write in between and its update is lost: %3");
    return;
  }
  if (Event.Kind != WriteKind::Increment && Event.Kind != WriteKind::CompoundAssignment)
    return;
  reportWrite(Event, "'%0' on '%1' is a non-atomic read-modify-write; every "
                     "request to '%2' shares it, so concurrent requests can "
                     "read the same value and lose updates: %3");
}

} // namespace modlint
