#include "report/GithubReport.h"

#include "core/Levels.h"
#include "core/Paths.h"

namespace modlint {

std::string escapeWorkflowValue(llvm::StringRef Text, bool Property) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '%': Out += "%25"; break;
    case '\r': Out += "%0D"; break;
    case '\n': Out += "%0A"; break;
    case ':': Out += Property ? "%3A" : ":"; break;
    case ',': Out += Property ? "%2C" : ","; break;
    default: Out += C;
    }
  }
  return Out;
}

void writeGithubAnnotations(const Report &R, const std::string &ProjectRoot,
                            SourcePositions &Positions, llvm::raw_ostream &OS) {
  for (const ReportEntry &Entry : R.Entries) {
    // Suppressed findings and those already in the baseline are not news.
    if (Entry.Suppressed || Entry.State == BaselineState::Unchanged)
      continue;
    const auto &E = *Entry.Error;
    const llvm::StringRef Level = levelName(E);
    const char *Command = Level == "error" ? "error" : Level == "note" ? "notice" : "warning";
    const Position Start = Positions.at(E.Message.FilePath, E.Message.FileOffset);
    const Position End = Positions.at(E.Message.FilePath, messageEnd(E.Message));
    OS << "::" << Command << " file="
       << escapeWorkflowValue(relativeTo(E.Message.FilePath, ProjectRoot), true)
       << ",line=" << Start.Line << ",col=" << Start.Column
       << ",endLine=" << End.Line << ",endColumn=" << End.Column
       << ",title=" << escapeWorkflowValue(E.DiagnosticName, true)
       << "::" << escapeWorkflowValue(E.Message.Message, false) << "\n";
  }
}

} // namespace modlint
