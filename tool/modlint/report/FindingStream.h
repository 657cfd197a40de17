// Text findings shown as units finish, not once the whole run is done: a
// long run shows its first race in seconds. The units are taken in job
// order, so what is shown is what the sorted report holds (the first of
// identical findings from several units, the baseline's verdict), grouped
// by unit instead of sorted by file.
#pragma once

#include "core/Findings.h"
#include "report/DiagnosticPrinter.h"
#include "report/Report.h"
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace modlint {

class FindingStream {
public:
  /// `Old`, when given, hides the findings it holds, as the text report does.
  FindingStream(std::string ProjectRoot, const Baseline *Old, bool Colors);

  /// The text of the unit's findings not shown before (clang's format, in
  /// source order); empty when there are none.
  std::string unit(const UnitResult &Result);

private:
  using FindingKey = std::tuple<std::string, unsigned, std::string, std::string>;
  bool isNew(const clang::tidy::ClangTidyError &Error);

  std::string ProjectRoot;
  bool HasBaseline;
  std::set<std::string> BaselinePrints;
  /// Findings seen so far, and how often each fingerprint's base was seen
  /// (identical findings are told apart by order, as in buildReport).
  std::set<FindingKey> Seen;
  std::map<std::string, unsigned> BaseCounts;
  SourcePositions Positions;
  std::string Text;
  llvm::raw_string_ostream OS{Text};
  DiagnosticPrinter Printer;
};

} // namespace modlint
