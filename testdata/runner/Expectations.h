// The pieces of the testdata runner that do not run anything: reading the
// expectations written in a test input, reading the findings a front-end
// printed, and comparing the two. Kept apart so they can be unit-tested.
#pragma once

#include <optional>
#include <string>
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

/// An expectation written in a test input:
///   // expect-warning[CHECK-ID]{{full message}}
///   // expect-remark@COLUMN[CHECK-ID]{{full message}}
/// It belongs to the line it is written on.
struct Expectation {
  std::string File;
  unsigned Line = 0;
  std::optional<unsigned> Column;
  std::string Level;
  std::string Check;
  std::string Message;

  std::string str() const;
};

/// Expectations in `Source` (the text of `File`). Malformed ones (an
/// `expect-` that does not parse) are returned in `Errors`.
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

/// Every difference between two front-ends' findings, notes included.
std::vector<std::string> compareFrontEnds(const std::vector<Finding> &Cli,
                                          const std::vector<Finding> &Tidy);

/// Per-file check options, one a line: `// modlint-option: Key=Value`.
struct CaseOptions {
  std::vector<std::pair<std::string, std::string>> Values;
};
CaseOptions parseCaseOptions(const std::string &Source);

} // namespace modlint::testing
