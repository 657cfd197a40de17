// The rule catalogue in rules/: one YAML entry per check, the single source
// of rule descriptions for the docs, `modlint explain` and SARIF metadata.
#pragma once

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace modlint {

struct Rule {
  std::string Id;
  std::string Level; // default level: warning, error or note
  std::string Note;  // optional: when the check reports at another level
  std::string Summary;
  std::string Rationale;
  std::string Bad;  // a complete example the check reports
  std::string Good; // the same example fixed: nothing is reported
  std::vector<std::string> Options;
  std::vector<std::string> Tags;
};

/// Parses one entry. Missing required keys, unknown keys and an invalid
/// level are errors that name the file.
llvm::Expected<Rule> parseRule(llvm::StringRef Yaml, llvm::StringRef FileName);

/// Every `*.yaml` entry in `Directory`, sorted by id.
llvm::Expected<std::vector<Rule>> loadRules(llvm::StringRef Directory);

/// The catalogue compiled into modlint (rules/*.yaml at build time).
const std::vector<Rule> &builtinRules();

/// The compiled-in rule with `Id`, or null.
const Rule *findRule(llvm::StringRef Id);

/// The ids of the compiled-in rules, one per line, each indented (for an
/// error message that lists them).
std::string ruleIdList();

/// The rule text for a terminal: summary, rationale, examples, options.
std::string explainRule(const Rule &R);

} // namespace modlint
