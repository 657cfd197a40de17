#pragma once
#include "CheckList.h"
#include "ModuleCheck.h"

namespace modlint {

/// `modlint-nonatomic-update`: `++`, `--` or a compound assignment (built-in
/// or overloaded, e.g. std::string::operator+=) on member state of a shared
/// module, outside construction and not under a held lock.
class NonatomicUpdateCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;
  /// A write is reported where it is, from its own body alone.
  static constexpr FindingScope Findings = FindingScope::PerBody;

protected:
  void onWrite(const WriteEvent &Event) override;
};

} // namespace modlint
