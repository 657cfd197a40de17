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
  return File + ":" + std::to_string(Line) + ":" + std::to_string(Column) + ": " + Level +
         ": " + (Whole ? "" : "...") + Message + (Whole ? "" : "...") + " [" + Check + "]";
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
      R"(expect-(warning|remark|error)(?:\((\w+)\))?@(\d+)\[([A-Za-z0-9-]+)\](=?)\{\{(.*?)\}\})");
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
      E.Race = Match[2];
      const std::optional<unsigned> Column = number(Match[3]);
      if (!Column)
        continue; // counted below as a malformed expectation
      E.Column = *Column;
      E.Check = Match[4];
      E.Whole = Match[5].length() == 1;
      E.Message = Match[6];
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

std::vector<Expectation> expectedIn(const std::vector<Expectation> &All, const std::string &Race) {
  std::vector<Expectation> Result;
  for (const Expectation &E : All)
    if (E.Race.empty() || E.Race == Race)
      Result.push_back(E);
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
    const bool Worded = E.Whole ? F.Message == E.Message
                                : F.Message.find(E.Message) != std::string::npos;
    return E.File == F.File && E.Line == F.Line && E.Column == F.Column &&
           E.Level == F.Level && E.Check == F.Check && Worded;
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

std::vector<std::string> compareRuns(const std::vector<Finding> &A, const std::string &AName,
                                     const std::vector<Finding> &B, const std::string &BName) {
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
  std::vector<std::string> RenderedA = Render(A), RenderedB = Render(B), Problems;
  std::vector<std::string> OnlyA, OnlyB;
  std::set_difference(RenderedA.begin(), RenderedA.end(), RenderedB.begin(), RenderedB.end(),
                      std::back_inserter(OnlyA));
  std::set_difference(RenderedB.begin(), RenderedB.end(), RenderedA.begin(), RenderedA.end(),
                      std::back_inserter(OnlyB));
  for (const std::string &S : OnlyA)
    Problems.push_back("only " + AName + " reported: " + S);
  for (const std::string &S : OnlyB)
    Problems.push_back("only " + BName + " reported: " + S);
  return Problems;
}

std::string messageShape(const std::string &Check, const std::string &Message) {
  static const std::regex Quoted("'[^']*'");
  return Check + ": " + std::regex_replace(Message, Quoted, "'…'");
}

std::vector<std::string> unpinned(const std::vector<Finding> &Found,
                                  const std::set<std::string> &PinnedShapes) {
  std::vector<std::string> Problems;
  for (const Finding &F : Found)
    if (F.Check != "compiler" && !PinnedShapes.count(messageShape(F.Check, F.Message)))
      Problems.push_back("no test pins this message whole; pin it once, where it is made, with "
                         "expect-" + F.Level + "@" + std::to_string(F.Column) + "[" + F.Check +
                         "]={{" + F.Message + "}}");
  return Problems;
}

CaseSettings parseCaseSettings(const std::string &Source) {
  static const std::regex Option(R"(//\s*modlint-option:\s*(\w+)=(.*?)\s*$)");
  static const std::regex Checks(R"(//\s*modlint-checks:\s*(.*?)\s*$)");
  static const std::regex Name("[A-Za-z0-9-]+");
  static const std::regex NoPrefix(R"(//\s*modlint-prefix:\s*not-precompiled\b)");
  static const std::regex Races(R"(//\s*modlint-races:\s*(.*?)\s*$)");
  static const std::regex Macro(R"(\w+)");
  static const std::regex Peers(R"(//\s*modlint-peer:\s*(.*?)\s*$)");
  static const std::regex PeerName("[A-Za-z0-9.-]+"); // clang-analyzer-unix.Block...
  static const std::regex PeerFlags(R"(//\s*modlint-peer-flags:\s*(.*?)\s*$)");
  static const std::regex Flag(R"(-W[A-Za-z0-9-]+)");
  static const std::regex HeaderFilter(R"(//\s*modlint-header-filter:\s*(\S+)\s*$)");
  CaseSettings Settings;
  for (const std::string &Line : lines(Source)) {
    std::smatch Match;
    if (std::regex_search(Line, Match, Option)) {
      Settings.Options.emplace_back(Match[1], Match[2]);
    } else if (std::regex_search(Line, Match, Checks)) {
      const std::string List = Match[1];
      for (auto It = std::sregex_iterator(List.begin(), List.end(), Name);
           It != std::sregex_iterator(); ++It)
        Settings.Checks.push_back(It->str());
    } else if (std::regex_search(Line, Match, Races)) {
      const std::string List = Match[1];
      for (auto It = std::sregex_iterator(List.begin(), List.end(), Macro);
           It != std::sregex_iterator(); ++It)
        Settings.Races.push_back(It->str());
    } else if (std::regex_search(Line, Match, Peers)) {
      const std::string List = Match[1];
      for (auto It = std::sregex_iterator(List.begin(), List.end(), PeerName);
           It != std::sregex_iterator(); ++It)
        Settings.Peers.push_back(It->str());
    } else if (std::regex_search(Line, Match, PeerFlags)) {
      const std::string List = Match[1];
      for (auto It = std::sregex_iterator(List.begin(), List.end(), Flag);
           It != std::sregex_iterator(); ++It)
        Settings.PeerFlags.push_back(It->str());
    } else if (std::regex_search(Line, Match, HeaderFilter)) {
      Settings.HeaderFilter = Match[1];
    } else if (std::regex_search(Line, NoPrefix)) {
      Settings.Precompiles = false;
    }
  }
  return Settings;
}

std::vector<Expectation> parsePeerFindings(const std::string &File, const std::string &Source) {
  static const std::regex Pattern(R"(peer-warning@(\d+)\[([A-Za-z0-9.-]+)\])");
  std::vector<Expectation> Result;
  unsigned LineNumber = 0;
  for (const std::string &Line : lines(Source)) {
    ++LineNumber;
    for (auto It = std::sregex_iterator(Line.begin(), Line.end(), Pattern);
         It != std::sregex_iterator(); ++It) {
      Expectation E;
      E.File = File;
      E.Line = LineNumber;
      E.Level = "warning";
      E.Column = number((*It)[1]).value_or(0);
      E.Check = (*It)[2];
      Result.push_back(std::move(E));
    }
  }
  return Result;
}

} // namespace modlint::testing
