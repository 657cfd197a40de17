#include "report/PlainFindings.h"

#include "llvm/ADT/StringExtras.h"

namespace modlint {

namespace {
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

/// SARIF's messages are sentences (§3.11.5): modlint's writer ends each
/// with the period its own messages, in clang's style, do not have.
std::string clangStyle(const Object *Message) {
  llvm::StringRef Text = Message ? Message->getString("text").value_or("") : "";
  Text.consume_back(".");
  return Text.str();
}

unsigned number(const Object *O, llvm::StringRef Key) {
  return O ? static_cast<unsigned>(O->getInteger(Key).value_or(0)) : 0;
}

/// A SARIF URI reference back to a path (SARIF percent-encodes).
std::string decodedUri(llvm::StringRef Uri) {
  Uri.consume_front("file://");
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() && !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

/// SARIF §3.28 location: its file and region.
void placeFromSarif(const Object *Location, std::string &File, unsigned &Line, unsigned &Column,
                    unsigned *EndLine = nullptr, unsigned *EndColumn = nullptr) {
  const Object *Physical = Location ? Location->getObject("physicalLocation") : nullptr;
  const Object *Artifact = Physical ? Physical->getObject("artifactLocation") : nullptr;
  const Object *Region = Physical ? Physical->getObject("region") : nullptr;
  File = Artifact ? decodedUri(Artifact->getString("uri").value_or("")) : "";
  Line = number(Region, "startLine");
  Column = number(Region, "startColumn");
  if (EndLine)
    *EndLine = number(Region, "endLine");
  if (EndColumn)
    *EndColumn = number(Region, "endColumn");
}

PlainFinding fromSarif(const Object &R) {
  PlainFinding F;
  F.Check = R.getString("ruleId").value_or("").str();
  const llvm::StringRef Level = R.getString("level").value_or("warning");
  F.Level = Level == "note" ? "suggestion" : Level.str();
  F.Message = clangStyle(R.getObject("message"));
  const Array *Locations = R.getArray("locations");
  placeFromSarif(Locations && !Locations->empty() ? (*Locations)[0].getAsObject() : nullptr, F.File,
                 F.Line, F.Column, &F.EndLine, &F.EndColumn);
  if (const Array *Related = R.getArray("relatedLocations"))
    for (const Value &Note : *Related) {
      PlainNote N;
      placeFromSarif(Note.getAsObject(), N.File, N.Line, N.Column);
      N.Message = clangStyle(Note.getAsObject() ? Note.getAsObject()->getObject("message") : nullptr);
      F.Notes.push_back(std::move(N));
    }
  F.Suppressed = R.getArray("suppressions") != nullptr;
  F.Unchanged = R.getString("baselineState") == "unchanged";
  return F;
}

PlainFinding fromJson(const Object &R) {
  PlainFinding F;
  F.Check = R.getString("check").value_or("").str();
  F.Level = R.getString("level").value_or("warning").str();
  F.Message = R.getString("message").value_or("").str();
  F.File = R.getString("file").value_or("").str();
  F.Line = number(&R, "line");
  F.Column = number(&R, "column");
  F.EndLine = number(&R, "endLine");
  F.EndColumn = number(&R, "endColumn");
  if (const Array *Notes = R.getArray("notes"))
    for (const Value &Note : *Notes)
      if (const Object *N = Note.getAsObject())
        F.Notes.push_back({N->getString("file").value_or("").str(), number(N, "line"),
                           number(N, "column"), N->getString("message").value_or("").str()});
  F.Unchanged = R.getString("baselineState") == "unchanged";
  return F;
}
} // namespace

std::vector<PlainFinding> plainFindings(const Value &Report) {
  std::vector<PlainFinding> Findings;
  const Object *Root = Report.getAsObject();
  if (!Root)
    return Findings;
  if (const Array *Json = Root->getArray("findings")) {
    for (const Value &F : *Json)
      if (const Object *O = F.getAsObject())
        Findings.push_back(fromJson(*O));
    return Findings;
  }
  if (const Array *Runs = Root->getArray("runs"))
    for (const Value &Run : *Runs)
      if (const Array *Results = Run.getAsObject() ? Run.getAsObject()->getArray("results") : nullptr)
        for (const Value &R : *Results)
          if (const Object *O = R.getAsObject(); O && O->getString("baselineState") != "absent")
            Findings.push_back(fromSarif(*O));
  return Findings;
}

void writePlainText(const std::vector<PlainFinding> &Findings, llvm::raw_ostream &OS) {
  for (const PlainFinding &F : Findings) {
    if (F.Suppressed || F.Unchanged)
      continue;
    // clang prints the suggestion as a remark, as a run does.
    OS << F.File << ":" << F.Line << ":" << F.Column << ": "
       << (F.Level == "suggestion" ? "remark" : F.Level) << ": " << F.Message << " [" << F.Check
       << "]\n";
    for (const PlainNote &N : F.Notes)
      OS << N.File << ":" << N.Line << ":" << N.Column << ": note: " << N.Message << "\n";
  }
}

std::vector<Annotation> annotationsOf(const std::vector<PlainFinding> &Findings) {
  std::vector<Annotation> Annotations;
  for (const PlainFinding &F : Findings)
    if (!F.Suppressed && !F.Unchanged)
      Annotations.push_back({annotationCommand(F.Level), F.File, F.Line, F.Column, F.EndLine,
                             F.EndColumn, F.Check, F.Message});
  return Annotations;
}

} // namespace modlint
