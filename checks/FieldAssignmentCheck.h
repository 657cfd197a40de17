#pragma once
#include "ModuleCheck.h"

namespace modlint {

/// `modlint-field-assignment`: `=` (built-in or overloaded) to member state
/// of a shared module, outside construction and not under a held lock.
class FieldAssignmentCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;

protected:
  void onWrite(const WriteEvent &Event) override;
};

} // namespace modlint
