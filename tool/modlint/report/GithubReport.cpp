#include "report/GithubReport.h"

#include "core/Levels.h"
#include "core/Paths.h"
#include <map>

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

const char *annotationCommand(llvm::StringRef Level) {
  return Level == "error" ? "error" : Level == "suggestion" ? "notice" : "warning";
}

void writeAnnotations(const std::vector<Annotation> &Annotations, llvm::raw_ostream &OS) {
  std::map<std::string, size_t> Shown, Left;
  for (const Annotation &A : Annotations) {
    // Past GitHub's limit a command would be dropped without a trace: the
    // finding goes to the log as a plain line instead.
    if (Shown[A.Command] >= AnnotationsPerKind) {
      ++Left[A.Command];
      OS << A.File << ":" << A.Line << ":" << A.Column << ": " << A.Command << ": "
         << A.Message << " [" << A.Title << "]\n";
      continue;
    }
    ++Shown[A.Command];
    OS << "::" << A.Command << " file=" << escapeWorkflowValue(A.File, true)
       << ",line=" << A.Line << ",col=" << A.Column << ",endLine=" << A.EndLine
       << ",endColumn=" << A.EndColumn << ",title=" << escapeWorkflowValue(A.Title, true)
       << "::" << escapeWorkflowValue(A.Message, false) << "\n";
  }
  for (const auto &[Command, Count] : Left)
    OS << "modlint: " << Count << " more " << Command << (Count == 1 ? "" : "s")
       << " than GitHub annotates in one step (" << AnnotationsPerKind
       << " of each kind) are printed above as plain lines; the SARIF or text report "
          "has them all\n";
}

void writeGithubAnnotations(const Report &R, const std::string &ProjectRoot,
                            SourcePositions &Positions, llvm::raw_ostream &OS) {
  std::vector<Annotation> Annotations;
  for (const ReportEntry &Entry : R.Entries) {
    // Suppressed findings and those already in the baseline are not news.
    if (Entry.Suppressed || Entry.State == BaselineState::Unchanged)
      continue;
    const auto &E = *Entry.Error;
    const llvm::StringRef Level = levelName(E);
    const Position Start = Positions.at(E.Message.FilePath, E.Message.FileOffset);
    const Position End = Positions.at(E.Message.FilePath, messageEnd(E.Message));
    Annotations.push_back({annotationCommand(Level), relativeTo(E.Message.FilePath, ProjectRoot),
                           Start.Line, Start.Column, End.Line, End.Column, E.DiagnosticName,
                           E.Message.Message});
  }
  writeAnnotations(Annotations, OS);
}

} // namespace modlint
