#pragma once
#include "ModuleCheck.h"

namespace modlint {

/// `modlint-nonatomic-update`: `++`, `--` or a compound assignment (built-in
/// or overloaded, e.g. std::string::operator+=) on member state of a shared
/// module, outside construction and not under a held lock.
class NonatomicUpdateCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;

protected:
  void onWrite(const WriteEvent &Event) override;
};

} // namespace modlint
