// The pieces of the testdata runner that do not run anything: reading what
// a test input says (its checks, options and expected findings), reading
// the findings a front-end printed, and comparing the two. Kept apart so
// they can be unit-tested.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace modlint::testing {

/// One finding: a primary diagnostic with the notes printed after it.
struct Finding {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Level; // "warning", "remark" or "error"
  std::string Check;
  std::string Message;
  std::vector<std::string> Notes; // "file:line:col: text"

  std::string str() const;
};

/// An expectation written in a test input, on the line it belongs to:
///   // expect-warning@COLUMN[CHECK-ID]{{a distinctive part of the message}}
///   // expect-warning@COLUMN[CHECK-ID]={{the whole message}}
/// The second form pins a message's full text: each message (as its check
/// words it, whatever it is about: see messageShape) is pinned once in all
/// of testdata/, and every other expectation names only a part of it.
struct Expectation {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Level;
  std::string Check;
  std::string Message;
  bool Whole = false;
  /// The race this finding belongs to (`expect-warning(RACE_X)@...`): it is
  /// expected only when the case is built with `-DRACE_X`. Empty: expected
  /// in every build of the case.
  std::string Race;

  std::string str() const;
};

/// The expectations of one build of a case: those of every build, and
/// those of `Race` (none for the correct build).
std::vector<Expectation> expectedIn(const std::vector<Expectation> &All, const std::string &Race);

/// Expectations in `Source` (the text of `File`). Malformed ones (an
/// `expect-` that does not parse, a missing column) are returned in `Errors`.
std::vector<Expectation> parseExpectations(const std::string &File,
                                           const std::string &Source,
                                           std::vector<std::string> &Errors);

/// Findings in clang-format diagnostic output. Lines that are not
/// diagnostics (source excerpts, carets) are skipped; a `note:` belongs to the
/// finding before it.
std::vector<Finding> parseFindings(const std::string &Output);

/// Every difference between what was expected and what was found: missing
/// findings, unexpected findings, wrong message/column/level. Empty when they
/// match exactly.
std::vector<std::string> compare(const std::vector<Expectation> &Expected,
                                 const std::vector<Finding> &Found);

/// Every difference between two runs' findings, notes included.
std::vector<std::string> compareRuns(const std::vector<Finding> &A, const std::string &AName,
                                     const std::vector<Finding> &B, const std::string &BName);

/// A message as its check words it, whatever it is about: every quoted
/// part ('count_', '++') replaced by '…'. Prefixed with the check.
std::string messageShape(const std::string &Check, const std::string &Message);

/// The findings whose message shape no whole-message expectation pins.
std::vector<std::string> unpinned(const std::vector<Finding> &Found,
                                  const std::set<std::string> &PinnedShapes);

/// What a test input says about how it is run:
///   // modlint-checks: modlint-nonatomic-update, modlint-field-assignment
///   // modlint-option: Key=Value
/// Only the named checks run on it, in both front-ends.
struct CaseSettings {
  std::vector<std::string> Checks;
  std::vector<std::pair<std::string, std::string>> Options;
  /// False for a case whose headers clang cannot precompile (`// modlint-
  /// prefix: not-precompiled`): the shared-prefix run must then fall back
  /// to plain parses and still report the same findings.
  bool Precompiles = true;
  /// Races the case can reintroduce, one build each (`// modlint-races:
  /// RACE_A, RACE_B`): the code under `#ifdef RACE_A` (or `#ifndef`) is the
  /// bug, and the findings tagged `(RACE_A)` are what it must produce.
  std::vector<std::string> Races;
  /// Peer checks (`// modlint-peer: cppcoreguidelines-no-suspend-with-lock`):
  /// clang-tidy's own checks that cover part of what the case tests. The
  /// case records, with `peer-warning@COLUMN[CHECK-ID]` on the line, every
  /// finding the peer gives, so that the differences (where modlint is
  /// right and the peer is not) are pinned and a change on either side is
  /// seen.
  std::vector<std::string> Peers;
  /// Flags the compiler needs for `clang-diagnostic-*` peers (Clang's own
  /// warnings, such as its thread-safety analysis): `// modlint-peer-flags:
  /// -Wthread-safety`. Each such peer also turns its own warning on.
  std::vector<std::string> PeerFlags;
  /// The headers whose findings are reported (`// modlint-header-filter:
  /// REGEX`), in both front-ends; by default the repository's. A header the
  /// filter leaves out is read by the checks all the same (a library the
  /// project includes with -I): its functions' locks and writes count.
  std::string HeaderFilter;
};
CaseSettings parseCaseSettings(const std::string &Source);

/// The `peer-warning@COLUMN[CHECK-ID]` records of `Source`, as expectations
/// (any message).
std::vector<Expectation> parsePeerFindings(const std::string &File, const std::string &Source);

} // namespace modlint::testing
