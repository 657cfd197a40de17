// Validates a SARIF file with Microsoft's SARIF Multitool (installed by
// scripts/bootstrap) against the SARIF and GitHub ingestion rules.
#pragma once

#include <string>
#include <vector>

namespace modlint::testing {

/// Every error and warning the validator reports, or why it could not run.
/// Empty when the file is valid.
std::vector<std::string> validateSarif(const std::string &Path);

} // namespace modlint::testing
