#pragma once
#include "CheckList.h"
#include "ModuleCheck.h"

namespace modlint {

/// `modlint-container-mutation`: a mutating call (push_back, insert, erase,
/// clear, map operator[], ...) on a container that is member state of a
/// shared module, outside construction and not under a held lock.
class ContainerMutationCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;
  /// A write is reported where it is, from its own body alone.
  static constexpr FindingScope Findings = FindingScope::PerBody;

protected:
  void onWrite(const WriteEvent &Event) override;
};

} // namespace modlint
