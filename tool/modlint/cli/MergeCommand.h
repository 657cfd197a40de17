// `modlint merge`: the shards' reports combined into one, written in their
// format or shown as text or GitHub annotations, with the run's summary.
#pragma once

#include "cli/CommandLine.h"

namespace modlint {

int mergeCommand(const CommandLine &Cmd);

} // namespace modlint
