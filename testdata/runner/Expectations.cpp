#include "Expectations.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>
#include <sstream>
#include <tuple>

namespace modlint::testing {

std::string Finding::str() const {
  return File + ":" + std::to_string(Line) + ":" + std::to_string(Column) +
         ": " + Level + ": " + Message + " [" + Check + "]";
}

std::string Expectation::str() const {
  return File + ":" + std::to_string(Line) +
         (Column ? ":" + std::to_string(*Column) : std::string()) + ": " +
         Level + ": " + Message + " [" + Check + "]";
}

namespace {
/// A line or column number; nothing when the digits overflow (found by the
/// annotation fuzzer: std::stoul threw on a 100-digit line number).
std::optional<unsigned> number(const std::string &Digits) {
  unsigned Value = 0;
  auto [End, Error] = std::from_chars(Digits.data(), Digits.data() + Digits.size(), Value);
  if (Error != std::errc() || End != Digits.data() + Digits.size())
    return std::nullopt;
  return Value;
}

std::vector<std::string> lines(const std::string &Text) {
  std::vector<std::string> Result;
  std::istringstream Stream(Text);
  for (std::string Line; std::getline(Stream, Line);)
    Result.push_back(Line);
  return Result;
}
} // namespace

std::vector<Expectation> parseExpectations(const std::string &File,
                                           const std::string &Source,
                                           std::vector<std::string> &Errors) {
  static const std::regex Pattern(
      R"(expect-(warning|remark|error)(?:@(\d+))?\[([A-Za-z0-9-]+)\]\{\{(.*?)\}\})");
  std::vector<Expectation> Result;
  unsigned LineNumber = 0;
  for (const std::string &Line : lines(Source)) {
    ++LineNumber;
    size_t Parsed = 0;
    for (auto It = std::sregex_iterator(Line.begin(), Line.end(), Pattern);
         It != std::sregex_iterator(); ++It) {
      const std::smatch &Match = *It;
      Expectation E;
      E.File = File;
      E.Line = LineNumber;
      E.Level = Match[1];
      if (Match[2].matched) {
        E.Column = number(Match[2]);
        if (!E.Column)
          continue; // counted below as a malformed expectation
      }
      E.Check = Match[3];
      E.Message = Match[4];
      Result.push_back(std::move(E));
      ++Parsed;
    }
    // Every `expect-` must have parsed: a typo must not silently drop one.
    size_t Mentions = 0;
    for (size_t Pos = Line.find("expect-"); Pos != std::string::npos;
         Pos = Line.find("expect-", Pos + 1))
      ++Mentions;
    if (Mentions != Parsed)
      Errors.push_back(File + ":" + std::to_string(LineNumber) +
                       ": malformed expectation: " + Line);
  }
  return Result;
}

std::vector<Finding> parseFindings(const std::string &Output) {
  static const std::regex Primary(
      R"(^(.+?):(\d+):(\d+): (warning|remark|error): (.*) \[([A-Za-z0-9,.-]+)\]$)");
  static const std::regex Error(R"(^(.+?):(\d+):(\d+): (error): (.*)$)");
  static const std::regex Note(R"(^(.+?):(\d+):(\d+): note: (.*)$)");
  std::vector<Finding> Result;
  for (const std::string &Line : lines(Output)) {
    std::smatch Match;
    if (std::regex_match(Line, Match, Primary) ||
        std::regex_match(Line, Match, Error)) {
      const std::optional<unsigned> LineNo = number(Match[2]), Column = number(Match[3]);
      if (!LineNo || !Column)
        continue; // not a diagnostic a compiler could print
      Finding F;
      F.File = Match[1];
      F.Line = *LineNo;
      F.Column = *Column;
      F.Level = Match[4];
      F.Message = Match[5];
      F.Check = Match.size() > 6 ? std::string(Match[6]) : "compiler";
      Result.push_back(std::move(F));
    } else if (std::regex_match(Line, Match, Note) && !Result.empty()) {
      Result.back().Notes.push_back(std::string(Match[1]) + ":" +
                                    std::string(Match[2]) + ":" +
                                    std::string(Match[3]) + ": " +
                                    std::string(Match[4]));
    }
  }
  return Result;
}

std::vector<std::string> compare(const std::vector<Expectation> &Expected,
                                 const std::vector<Finding> &Found) {
  std::vector<std::string> Problems;
  std::vector<bool> Used(Found.size(), false);
  auto Matches = [](const Expectation &E, const Finding &F) {
    return E.File == F.File && E.Line == F.Line && E.Level == F.Level &&
           E.Check == F.Check && E.Message == F.Message &&
           (!E.Column || *E.Column == F.Column);
  };
  for (const Expectation &E : Expected) {
    bool Matched = false;
    for (size_t I = 0; I < Found.size() && !Matched; ++I)
      if (!Used[I] && Matches(E, Found[I]))
        Used[I] = Matched = true;
    if (Matched)
      continue;
    std::string Problem = "missing: " + E.str();
    // Point at the finding that is almost right, if there is one.
    for (size_t I = 0; I < Found.size(); ++I)
      if (!Used[I] && Found[I].File == E.File && Found[I].Line == E.Line &&
          Found[I].Check == E.Check)
        Problem += "\n   found instead: " + Found[I].str();
    Problems.push_back(Problem);
  }
  for (size_t I = 0; I < Found.size(); ++I)
    if (!Used[I])
      Problems.push_back("unexpected: " + Found[I].str());
  return Problems;
}

std::vector<std::string> compareFrontEnds(const std::vector<Finding> &Cli,
                                          const std::vector<Finding> &Tidy) {
  auto Render = [](const std::vector<Finding> &Findings) {
    std::vector<std::string> Text;
    for (const Finding &F : Findings) {
      std::string Entry = F.str();
      for (const std::string &Note : F.Notes)
        Entry += "\n    note " + Note;
      Text.push_back(Entry);
    }
    std::sort(Text.begin(), Text.end());
    return Text;
  };
  std::vector<std::string> A = Render(Cli), B = Render(Tidy), Problems;
  std::vector<std::string> OnlyCli, OnlyTidy;
  std::set_difference(A.begin(), A.end(), B.begin(), B.end(),
                      std::back_inserter(OnlyCli));
  std::set_difference(B.begin(), B.end(), A.begin(), A.end(),
                      std::back_inserter(OnlyTidy));
  for (const std::string &S : OnlyCli)
    Problems.push_back("only modlint reported: " + S);
  for (const std::string &S : OnlyTidy)
    Problems.push_back("only clang-tidy reported: " + S);
  return Problems;
}

CaseOptions parseCaseOptions(const std::string &Source) {
  static const std::regex Pattern(R"(//\s*modlint-option:\s*(\w+)=(.*?)\s*$)");
  CaseOptions Options;
  for (const std::string &Line : lines(Source)) {
    std::smatch Match;
    if (std::regex_search(Line, Match, Pattern))
      Options.Values.emplace_back(Match[1], Match[2]);
  }
  return Options;
}

} // namespace modlint::testing
