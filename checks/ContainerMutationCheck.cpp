#include "ContainerMutationCheck.h"

namespace modlint {

void ContainerMutationCheck::onWrite(const WriteEvent &Event) {
  if (Event.Kind != WriteKind::ContainerMutation ||
      !isUnprotected(Event.LockHeld))
    return;
  reportWrite(Event, "'%0' mutates container '%1' that every request to '%2' "
                     "shares; concurrent mutation corrupts it and invalidates "
                     "what other requests are reading: %3");
}

} // namespace modlint
