// What the output formats write: every finding (including NOLINT-suppressed
// ones) with a fingerprint that survives unrelated edits, and its state
// against a baseline report.
#pragma once

#include "core/Findings.h"
#include "report/SourcePositions.h"
#include "llvm/Support/JSON.h"
#include <set>
#include <string>
#include <vector>

namespace modlint {

enum class BaselineState { None, New, Unchanged };

/// Where a message's highlighted text ends: the end of its first range in
/// the same file that contains the message's location, else the location.
unsigned messageEnd(const clang::tooling::DiagnosticMessage &Message);

struct ReportEntry {
  const clang::tidy::ClangTidyError *Error;
  bool Suppressed = false;
  /// A lock-order cycle of the whole run (LintResult::AcrossUnits).
  bool AcrossUnits = false;
  /// The check, the file (relative to the project root), the message, and
  /// the text of the line, hashed, plus which of several identical findings
  /// this is. No line numbers: adding lines above a finding keeps it.
  std::string Fingerprint;
  BaselineState State = BaselineState::None;
};

/// The name of the fingerprint in SARIF's partialFingerprints.
inline constexpr const char *FingerprintKey = "modlint/v1";

struct Report {
  std::vector<ReportEntry> Entries;
  /// Results of the baseline that are no longer found (SARIF objects).
  std::vector<llvm::json::Value> Absent;
  bool HasBaseline = false;
};

/// A finding's fingerprint without its occurrence number: the check, the
/// file relative to `ProjectRoot`, the message and the line's text, hashed.
std::string fingerprintBase(const clang::tidy::ClangTidyError &Error,
                            const std::string &ProjectRoot, SourcePositions &Positions);

/// Entries for the run's findings (its own and those across units, in
/// source order) and suppressed findings, in that order, each with its
/// fingerprint.
Report buildReport(const LintResult &Result, const std::string &ProjectRoot,
                   SourcePositions &Positions);

/// A report written earlier, by fingerprint.
struct Baseline {
  std::vector<llvm::json::Value> Results;
};

/// Reads a SARIF log that modlint wrote. Anything else is an error.
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);
/// The same, from the log's text (`Name` is used in messages).
llvm::Expected<Baseline> parseBaseline(llvm::StringRef Text, llvm::StringRef Name);

/// The fingerprints of the baseline's results.
std::set<std::string> baselineFingerprints(const Baseline &Old);

/// Marks entries new or unchanged, and collects the baseline's results that
/// are gone.
void compareWithBaseline(Report &R, const Baseline &Old);

enum class Threshold { Error, Warning, Suggestion, None };

/// Whether a finding of `Level` ("error", "warning", "suggestion", or SARIF's
/// "note" for a suggestion) is at or above the threshold.
bool atOrAbove(llvm::StringRef Level, Threshold FailOn);

/// Whether the run fails the gate: a reported (not suppressed) finding at
/// or above the threshold that is not in the baseline.
bool failsGate(const Report &R, Threshold FailOn);

} // namespace modlint
