#include "engine/prefix/IncludeExpansion.h"

#include "core/InputLimits.h"
#include "core/Paths.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modlint {

namespace {
/// Where the command looks for headers, as absolute directories: quoted
/// includes first in Quote, then in Angled; angled includes in Angled.
/// System directories (-isystem, the compiler's own) are left out: only
/// project headers are opened.
struct SearchPath {
  std::vector<std::string> Quote, Angled;
};

SearchPath searchPathOf(const clang::tooling::CompileCommand &Command) {
  SearchPath Path;
  const std::vector<std::string> &Args = Command.CommandLine;
  auto Absolute = [&](llvm::StringRef Dir) {
    llvm::SmallString<256> Full(Dir);
    if (!llvm::sys::path::is_absolute(Full))
      Full = (Command.Directory + "/" + Dir).str();
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    return std::string(Full);
  };
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    for (auto [Flag, List] : {std::pair{llvm::StringRef("-iquote"), &Path.Quote},
                              std::pair{llvm::StringRef("-I"), &Path.Angled}}) {
      if (!Arg.starts_with(Flag))
        continue;
      llvm::StringRef Dir = Arg.drop_front(Flag.size());
      if (Dir.empty() && I + 1 < Args.size())
        Dir = Args[++I];
      if (!Dir.empty())
        List->push_back(Absolute(Dir));
      break;
    }
  }
  return Path;
}

/// The standard headers meant to be included again and again.
bool isUnguardedStandardHeader(llvm::StringRef Directive) {
  const llvm::StringRef Name = includedHeader(Directive);
  return Name == "<cassert>" || Name == "<assert.h>";
}

/// Reads a unit's leading lines through the project headers they name.
class Expander {
public:
  Expander(const LintJob &Job) : Job(Job), Search(searchPathOf(Job.Command)) {}

  /// `Lines` of the file `From` (a unit when `Depth` is 0), each project
  /// header among them preceded by its own expansion.
  void expand(const std::vector<IncludeLine> &Lines, llvm::StringRef From, unsigned Depth,
              std::vector<IncludeLine> &Out) {
    for (IncludeLine Line : Lines) {
      std::optional<std::string> Header = resolve(includedHeader(Line.Directive), From);
      if (Header && Open.contains(*Header)) {
        // Inside the cycle the header's own include is skipped; read from
        // here, it would not be: no expansion can be trusted.
        Cycle = true;
        return;
      }
      if (Depth > 0) {
        // Named from the unit's directory, the line must find the same file;
        // and it is read again when its header is, so it must name a
        // guarded header: <cassert> never is.
        std::optional<std::string> Spelled = spelling(Line.Directive, Header);
        if (!Spelled || isUnguardedStandardHeader(Line.Directive))
          return;
        Line = {*Spelled, 0, 0, /*InUnit=*/false};
      }
      if (Header && Depth < MaxExpansionDepth && isUnder(*Header, Job.ProjectRoot)) {
        Open.insert(*Header);
        // Read as every other input of the run is: regular files within
        // the size bound (a header that is not is left unopened).
        if (auto Text = readInputFile(*Header, MaxSourceBytes))
          expand(headerLeadingIncludes((*Text)->getBuffer()), *Header, Depth + 1, Out);
        else
          llvm::consumeError(Text.takeError());
        Open.erase(*Header);
      }
      Out.push_back(std::move(Line));
    }
  }

  /// An include cycle was met: the unit's lines are taken as they are.
  bool Cycle = false;

private:
  /// The file `Name` (`<a/b.h>` or `"b.h"`) names from `From`, if it is
  /// found in the command's project directories.
  std::optional<std::string> resolve(llvm::StringRef Name, llvm::StringRef From) const {
    const bool Quoted = Name.starts_with("\"");
    Name = Name.drop_front().drop_back();
    std::vector<std::string> Dirs;
    if (Quoted) {
      Dirs.push_back(llvm::sys::path::parent_path(From).str());
      llvm::append_range(Dirs, Search.Quote);
    }
    llvm::append_range(Dirs, Search.Angled);
    for (const std::string &Dir : Dirs) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, Name);
      llvm::sys::path::remove_dots(Candidate, /*remove_dot_dot=*/true);
      if (llvm::sys::fs::is_regular_file(Candidate))
        return std::string(Candidate);
    }
    return std::nullopt;
  }

  /// The directive that names from the unit's directory what `Directive`
  /// names from its header: the same line when it resolves the same; a
  /// quoted include of a project file spelled with that file's absolute
  /// path; none when the unit's directory would find another file.
  std::optional<std::string> spelling(const std::string &Directive,
                                      const std::optional<std::string> &Header) const {
    llvm::StringRef Name = includedHeader(Directive);
    if (!Name.starts_with("\"") || resolve(Name, Job.File) == Header)
      return Directive;
    if (Header)
      return "#include \"" + *Header + "\"";
    return std::nullopt;
  }

  const LintJob &Job;
  const SearchPath Search;
  llvm::StringSet<> Open; // headers being expanded
};

/// The first line of `Text` that is not blank or a line comment, and the
/// rest after it.
std::pair<llvm::StringRef, llvm::StringRef> firstDirective(llvm::StringRef Text) {
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    llvm::StringRef Trimmed = Line.trim(" \t\r");
    if (!Trimmed.empty() && !Trimmed.starts_with("//"))
      return {Trimmed, Rest};
    Text = Rest;
  }
  return {"", ""};
}
} // namespace

std::vector<IncludeLine> headerLeadingIncludes(llvm::StringRef Text) {
  auto [First, AfterFirst] = firstDirective(Text);
  if (First == "#pragma once")
    return leadingIncludes(AfterFirst);
  if (First.consume_front("#ifndef")) {
    auto [Second, AfterSecond] = firstDirective(AfterFirst);
    if (Second.consume_front("#define") && !First.trim().empty() &&
        Second.trim() == First.trim())
      return leadingIncludes(AfterSecond);
  }
  return {};
}

std::vector<IncludeLine> expandedLeadingIncludes(const LintJob &Job, llvm::StringRef Text) {
  std::vector<IncludeLine> Out;
  Expander Reader(Job);
  const std::vector<IncludeLine> Own = leadingIncludes(Text);
  Reader.expand(Own, Job.File, 0, Out);
  return Reader.Cycle ? Own : Out;
}

} // namespace modlint
