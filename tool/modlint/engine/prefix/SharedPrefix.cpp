#include "engine/prefix/SharedPrefix.h"

#include "core/Job.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <memory>

namespace modlint {

namespace {
bool isCxxSource(llvm::StringRef File) {
  const llvm::StringRef Ext = llvm::sys::path::extension(File);
  return Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx" || Ext == ".c++" || Ext == ".C";
}

/// Flags after which a prefix header would no longer be the first thing the
/// preprocessor reads, or would be read differently.
bool changesWhatThePrefixMeans(llvm::StringRef Arg) {
  return Arg.starts_with("-include") || Arg.starts_with("--include") ||
         Arg.starts_with("-imacros") || Arg.starts_with("--imacros") ||
         Arg.starts_with("-fmodule") || Arg.starts_with("-x") ||
         Arg.starts_with("--language") || Arg.starts_with("/FI") ||
         Arg.starts_with("-Xclang");
}

/// Where the input file is in the command, when it is there exactly once.
std::optional<size_t> inputPosition(const clang::tooling::CompileCommand &Command) {
  std::optional<size_t> Found;
  for (size_t I = 1; I < Command.CommandLine.size(); ++I) {
    if (Command.CommandLine[I] != Command.Filename)
      continue;
    if (Found)
      return std::nullopt;
    Found = I;
  }
  return Found;
}

/// Units may share a prefix only when everything but the input is the same:
/// the command, and the configuration the prefix's findings are worked out
/// with; and, unless the prefix's lines are all in angle brackets (which
/// name the same files from anywhere), the units' directory.
std::optional<std::string> groupKey(const LintJob &Job, bool InUnitsDirectory = true) {
  if (!isCxxSource(Job.File))
    return std::nullopt;
  const std::optional<size_t> Input = inputPosition(Job.Command);
  if (!Input)
    return std::nullopt;
  std::string Key = Job.Command.Directory + '\0' +
                    (InUnitsDirectory ? llvm::sys::path::parent_path(Job.File).str() : "") +
                    '\0' + Job.ProjectRoot + '\0' + Job.HeaderFilter + '\0' +
                    configurationKey(Job.Options);
  for (size_t I = 0; I < Job.Command.CommandLine.size(); ++I) {
    if (I == *Input)
      continue;
    if (I > 0 && changesWhatThePrefixMeans(Job.Command.CommandLine[I]))
      return std::nullopt;
    Key += '\0' + Job.Command.CommandLine[I];
  }
  return Key;
}

/// The first include lines of a group's units, merged where they agree.
struct IncludeTree {
  size_t Count = 0;
  std::map<std::string, std::unique_ptr<IncludeTree>> Children;
};

/// Whether an include line names a standard library header: `<name>` in
/// lower case, with no extension and no directory (`<vector>`, `<cstdint>`).
bool namesStandardHeader(llvm::StringRef Directive) {
  llvm::StringRef Name = includedHeader(Directive);
  if (!Name.consume_front("<") || !Name.consume_back(">"))
    return false;
  return llvm::all_of(Name, [](char C) { return llvm::isLower(C) || llvm::isDigit(C) || C == '_'; });
}

/// A header named `Name` in `Directory`.
std::string headerIn(llvm::StringRef Directory, llvm::StringRef Name) {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Name);
  return std::string(Path);
}

/// Lines [Begin, End) of `Lines` as one link, its header at `HeaderPath`.
/// The lines that are not the unit's are read again when the header they
/// come from is.
PrefixLink makeLink(const LintJob &User, const std::vector<IncludeLine> &Lines,
                    size_t Begin, size_t End, const std::string &HeaderPath) {
  PrefixLink Link;
  for (size_t I = Begin; I < End; ++I)
    if (!Lines[I].InUnit)
      Link.GuardedLines.push_back(static_cast<unsigned>(I - Begin + 1));
  Link.HeaderPath = HeaderPath;
  Link.HeaderText = includeText(Lines, Begin, End);
  Link.Build = User;
  Link.Build.File = Link.HeaderPath;
  Link.Build.Command.Filename = Link.HeaderPath;
  std::vector<std::string> &Args = Link.Build.Command.CommandLine;
  const size_t Input = *inputPosition(User.Command);
  Args[Input] = Link.HeaderPath;
  Args.insert(Args.begin() + Input, {"-x", "c++-header"});
  return Link;
}

SharedPrefix makePrefix(const LintJob &User, const std::vector<IncludeLine> &Lines,
                        size_t Count, size_t Number) {
  SharedPrefix Prefix;
  Prefix.Lines = includeKey(Lines, Count);
  Prefix.IncludeCount = Count;
  // In the users' directory, so that quoted includes resolve as from them.
  const llvm::StringRef Directory = llvm::sys::path::parent_path(User.File);
  const std::string Name = ".modlint-prefix-" + std::to_string(Number);
  size_t Standard = 0;
  while (Standard < Count && namesStandardHeader(Lines[Standard].Directive))
    ++Standard;
  if (Standard > 0 && Standard < Count)
    Prefix.Links.push_back(makeLink(User, Lines, 0, Standard, headerIn(Directory, Name + "-std.hpp")));
  Prefix.Links.push_back(makeLink(User, Lines, Prefix.Links.empty() ? 0 : Standard, Count,
                                  headerIn(Directory, Name + ".hpp")));
  return Prefix;
}
} // namespace

PrefixPlan planSharedPrefixes(const std::vector<LintJob> &Jobs,
                              const std::vector<bool> &Candidates,
                              const std::vector<std::vector<IncludeLine>> &Includes) {
  PrefixPlan Plan;
  Plan.PrefixOf.resize(Jobs.size());
  // Units by group, in a fixed order so the plan is the same on every run.
  std::map<std::string, std::vector<size_t>> Groups;
  for (size_t I = 0; I < Jobs.size(); ++I)
    if (Candidates[I] && !Includes[I].empty())
      if (std::optional<std::string> Key = groupKey(Jobs[I]))
        Groups[*Key].push_back(I);

  for (auto &[Key, Members] : Groups) {
    // The group's first include lines as a tree, each node counting the
    // units that start with the lines on its path.
    IncludeTree Root;
    for (size_t Member : Members) {
      IncludeTree *Node = &Root;
      ++Node->Count;
      for (const IncludeLine &Line : Includes[Member]) {
        // Keyed by the line and whether it is the unit's: the users of a
        // prefix blank the same lines.
        std::unique_ptr<IncludeTree> &Child = Node->Children[includeKey({Line}, 1)];
        if (!Child)
          Child = std::make_unique<IncludeTree>();
        Node = Child.get();
        ++Node->Count;
      }
    }
    // Each unit goes down its path while the next line still keeps at least
    // half of the units that got this far (and two at least): one prefix for
    // the many units that share heavy headers, rather than one per small
    // difference in the last project header.
    std::map<std::vector<std::string>, std::vector<size_t>> Chosen;
    for (size_t Member : Members) {
      const IncludeTree *Node = &Root;
      std::vector<std::string> Run;
      for (const IncludeLine &Line : Includes[Member]) {
        const std::string Key = includeKey({Line}, 1);
        const IncludeTree *Next = Node->Children.at(Key).get();
        if (Next->Count < 2 || (Node != &Root && Next->Count * 2 < Node->Count))
          break;
        Run.push_back(Key);
        Node = Next;
      }
      if (!Run.empty())
        Chosen[std::move(Run)].push_back(Member);
    }
    for (auto &[Run, Users] : Chosen) {
      if (Users.size() < 2)
        continue;
      llvm::sort(Users);
      const size_t Number = Plan.Prefixes.size();
      Plan.Prefixes.push_back(makePrefix(Jobs[Users.front()], Includes[Users.front()],
                                         Run.size(), Number));
      Plan.Prefixes.back().Users = Users;
      for (size_t User : Users)
        Plan.PrefixOf[User] = Number;
    }
  }
  return Plan;
}

void planKeptPrefixes(const std::vector<LintJob> &Jobs, const std::vector<bool> &Candidates,
                      const std::vector<std::vector<IncludeLine>> &Includes, PrefixPlan &Plan) {
  // Units that would keep the same prefix share one.
  std::map<std::string, size_t> Planned;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    std::optional<std::string> Group = groupKey(Jobs[I], /*InUnitsDirectory=*/false);
    if (!Candidates[I] || Plan.PrefixOf[I] || !Group)
      continue;
    const std::vector<IncludeLine> &Lines = Includes[I];
    size_t Count = 0;
    while (Count < Lines.size() && includedHeader(Lines[Count].Directive).starts_with("<"))
      ++Count;
    if (Count == 0)
      continue;
    auto [Found, New] = Planned.try_emplace(*Group + '\0' + includeKey(Lines, Count),
                                            Plan.Prefixes.size());
    Plan.PrefixOf[I] = Found->second;
    if (!New) {
      Plan.Prefixes[Found->second].Users.push_back(I);
      continue;
    }
    SharedPrefix Prefix;
    Prefix.Lines = includeKey(Lines, Count);
    Prefix.IncludeCount = Count;
    Prefix.Kept = true;
    Prefix.Users = {I};
    const llvm::StringRef Root = Jobs[I].ProjectRoot.empty()
                                     ? llvm::sys::path::parent_path(Jobs[I].File)
                                     : llvm::StringRef(Jobs[I].ProjectRoot);
    Prefix.Links.push_back(
        makeLink(Jobs[I], Lines, 0, Count, headerIn(Root, ".modlint-kept-prefix.hpp")));
    Plan.Prefixes.push_back(std::move(Prefix));
  }
}

} // namespace modlint
