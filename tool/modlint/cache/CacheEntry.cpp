#include "cache/CacheEntry.h"

#include "core/Paths.h"
#include "core/YamlInput.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include <optional>

LLVM_YAML_IS_SEQUENCE_VECTOR(modlint::EntryInput)
LLVM_YAML_IS_SEQUENCE_VECTOR(modlint::LockEdge)

namespace llvm::yaml {
template <> struct MappingTraits<modlint::EntryInput> {
  static void mapping(IO &IO, modlint::EntryInput &Input) {
    IO.mapRequired("Path", Input.Path);
    IO.mapRequired("Hash", Input.Hash);
    IO.mapOptional("Stamp", Input.Stamp, std::string());
  }
};

template <> struct MappingTraits<modlint::FilePlace> {
  static void mapping(IO &IO, modlint::FilePlace &Place) {
    IO.mapRequired("File", Place.File);
    IO.mapRequired("Offset", Place.Offset);
  }
};

template <> struct MappingTraits<modlint::LockEdge> {
  static void mapping(IO &IO, modlint::LockEdge &Edge) {
    IO.mapRequired("OuterLock", Edge.OuterLock);
    IO.mapRequired("OuterOwner", Edge.OuterOwner);
    IO.mapRequired("InnerLock", Edge.InnerLock);
    IO.mapRequired("InnerOwner", Edge.InnerOwner);
    IO.mapRequired("Via", Edge.Via);
    IO.mapRequired("Outer", Edge.Outer);
    IO.mapRequired("Inner", Edge.Inner);
    IO.mapRequired("At", Edge.At);
  }
};

template <> struct MappingTraits<modlint::ModuleCensus> {
  static void mapping(IO &IO, modlint::ModuleCensus &Census) {
    IO.mapRequired("Modules", Census.Modules);
    IO.mapRequired("DeclaredBases", Census.DeclaredBases);
    IO.mapRequired("Ancestors", Census.Ancestors);
  }
};

template <> struct MappingTraits<modlint::CacheEntry> {
  static void mapping(IO &IO, modlint::CacheEntry &E) {
    IO.mapRequired("Format", E.Format);
    IO.mapRequired("Inputs", E.Inputs);
    IO.mapRequired("Diagnostics", E.Diagnostics);
    IO.mapRequired("Suppressed", E.Suppressed);
    IO.mapRequired("LockEdges", E.LockEdges);
    IO.mapRequired("Census", E.Census);
  }
};
} // namespace llvm::yaml

namespace modlint {

namespace {
/// Every place a diagnostic points at lies inside a verified input.
class PlaceCheck {
public:
  PlaceCheck(llvm::StringRef ProjectRoot, const VerifiedInputs &Verified)
      : ProjectRoot(ProjectRoot), Verified(Verified) {}

  bool fits(const LockEdge &Edge) const {
    return inside(Edge.Outer.File, Edge.Outer.Offset, 0) &&
           inside(Edge.Inner.File, Edge.Inner.Offset, 0) && inside(Edge.At.File, Edge.At.Offset, 0);
  }

  bool fits(const clang::tooling::Diagnostic &D) const {
    return fits(D.Message) && llvm::all_of(D.Notes, [this](const auto &Note) { return fits(Note); });
  }

private:
  bool inside(llvm::StringRef File, uint64_t Offset, uint64_t Length) const {
    auto Found = Verified.find(File);
    if (Found == Verified.end()) {
      llvm::SmallString<256> Real;
      if (llvm::sys::fs::real_path(File, Real) ||
          (Found = realInputs().find(Real)) == realInputs().end())
        return false;
    }
    return Offset <= Found->second && Length <= Found->second - Offset;
  }

  /// The inputs by real path, worked out at the first place not named as
  /// an input is: a unit compiled in `bad/` with -I../include reads
  /// `bad/../include/x.h`, and its findings name `include/x.h`.
  const VerifiedInputs &realInputs() const {
    if (!RealInputs) {
      RealInputs.emplace();
      for (const auto &Input : Verified)
        if (llvm::SmallString<256> Real; !llvm::sys::fs::real_path(Input.getKey(), Real))
          RealInputs->try_emplace(Real, Input.getValue());
    }
    return *RealInputs;
  }

  bool fits(const clang::tooling::DiagnosticMessage &M) const {
    // A message without a place (a compiler error about the command) has
    // nothing to point at, and nothing to fix.
    if (M.FilePath.empty())
      return M.Fix.empty() && M.Ranges.empty();
    if (!inside(M.FilePath, M.FileOffset, 0))
      return false;
    // A range clang could not place (in a macro's expansion) has no file.
    for (const clang::tooling::FileByteRange &R : M.Ranges)
      if (!R.FilePath.empty() && !inside(R.FilePath, R.FileOffset, R.Length))
        return false;
    for (const auto &[File, Fixes] : M.Fix)
      for (const clang::tooling::Replacement &R : Fixes)
        if (!isUnder(R.getFilePath(), ProjectRoot) ||
            !inside(R.getFilePath(), R.getOffset(), R.getLength()))
          return false;
    return true;
  }

  const llvm::StringRef ProjectRoot;
  const VerifiedInputs &Verified;
  mutable std::optional<VerifiedInputs> RealInputs;
};
} // namespace

std::string printEntry(CacheEntry &Entry) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output Out(OS);
  Out << Entry;
  OS.flush();
  return Text;
}

llvm::Error parseEntry(llvm::StringRef Text, llvm::StringRef Path, CacheEntry &Entry) {
  return readYaml(Text, Path, Entry);
}

bool entryFitsPlaces(const CacheEntry &Entry, llvm::StringRef ProjectRoot,
                     const VerifiedInputs &Verified) {
  if (Entry.Format != CacheEntryFormat)
    return false;
  const PlaceCheck Places(ProjectRoot, Verified);
  auto Fits = [&Places](const clang::tooling::Diagnostic &D) { return Places.fits(D); };
  auto EdgeFits = [&Places](const LockEdge &Edge) { return Places.fits(Edge); };
  return llvm::all_of(Entry.Diagnostics, Fits) && llvm::all_of(Entry.Suppressed, Fits) &&
         llvm::all_of(Entry.LockEdges, EdgeFits);
}

bool entryFitsJob(const CacheEntry &Entry, const LintJob &Job, const VerifiedInputs &Verified) {
  return Verified.contains(Job.File) && entryFitsPlaces(Entry, Job.ProjectRoot, Verified);
}

} // namespace modlint
