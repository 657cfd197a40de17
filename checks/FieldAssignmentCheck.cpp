#include "FieldAssignmentCheck.h"

namespace modlint {

void FieldAssignmentCheck::onWrite(const WriteEvent &Event) {
  if (Event.Kind != WriteKind::Assignment || !isUnprotected(Event.LockHeld))
    return;
  reportWrite(Event, "assignment to '%1' writes state that every request to "
                     "'%2' shares; concurrent requests overwrite each other's "
                     "value and can read it half-written: %3");
}

} // namespace modlint
