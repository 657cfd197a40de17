// The rule catalogue compiled into the binary, so `modlint explain` and the
// reports work wherever modlint is installed.
#include "catalog/RuleCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

namespace {
struct EmbeddedRule {
  const char *File;
  const char *Yaml;
};

const EmbeddedRule Embedded[] = {
#include "EmbeddedRules.inc"
};

std::vector<Rule> parseEmbedded() {
  std::vector<Rule> Rules;
  for (const EmbeddedRule &E : Embedded) {
    auto R = parseRule(E.Yaml, E.File);
    // The rules test rejects a malformed entry before it can be built in.
    if (!R)
      llvm::report_fatal_error(R.takeError());
    Rules.push_back(std::move(*R));
  }
  std::sort(Rules.begin(), Rules.end(),
            [](const Rule &A, const Rule &B) { return A.Id < B.Id; });
  return Rules;
}
} // namespace

const Rule *findRule(llvm::StringRef Id) {
  for (const Rule &R : builtinRules())
    if (R.Id == Id)
      return &R;
  return nullptr;
}

const std::vector<Rule> &builtinRules() {
  // Parsed on first use; a function-local const is initialised once,
  // thread-safely, and never changes.
  static const std::vector<Rule> Rules = parseEmbedded();
  return Rules;
}

std::string ruleIdList() {
  std::string List;
  for (const Rule &R : builtinRules())
    List += "\n  " + R.Id;
  return List;
}

std::string explainRule(const Rule &R) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << R.Id << " (" << R.Level << ")\n\n" << R.Summary << "\n";
  if (!R.Note.empty())
    OS << R.Note << "\n";
  OS << "\nWhy it hurts:\n" << R.Rationale << "\nReported:\n\n";
  for (llvm::StringRef Line : llvm::split(llvm::StringRef(R.Bad).rtrim(), '\n'))
    OS << "    " << Line << "\n";
  OS << "\nFixed:\n\n";
  for (llvm::StringRef Line : llvm::split(llvm::StringRef(R.Good).rtrim(), '\n'))
    OS << "    " << Line << "\n";
  if (!R.Options.empty())
    OS << "\nOptions: " << llvm::join(R.Options, ", ") << "\n";
  OS << "Docs: docs/checks/" << R.Id << ".md\n";
  return Text;
}

} // namespace modlint
