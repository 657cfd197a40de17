#include "NonatomicUpdateCheck.h"

namespace modlint {

void NonatomicUpdateCheck::onWrite(const WriteEvent &Event) {
  if (Event.Kind != WriteKind::Increment &&
      Event.Kind != WriteKind::CompoundAssignment)
    return;
  if (!isUnprotected(Event.LockHeld))
    return;
  reportWrite(Event, "'%0' on '%1' is a non-atomic read-modify-write; every "
                     "request to '%2' shares it, so concurrent requests can "
                     "read the same value and lose updates: %3");
}

} // namespace modlint
