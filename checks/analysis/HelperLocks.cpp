#include "HelperLocks.h"

#include "WriteScanner.h"
#include "clang/AST/DeclTemplate.h"
#include <algorithm>

using namespace clang;

namespace modlint {

namespace {
/// The member functions of `Class` whose bodies this unit holds.
std::vector<const CXXMethodDecl *> definedMethods(const CXXRecordDecl &Class) {
  std::vector<const CXXMethodDecl *> Methods;
  for (const Decl *D : Class.decls()) {
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(D);
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(D))
      Method = llvm::dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
    const FunctionDecl *Definition = Method ? Method->getDefinition() : nullptr;
    if (Definition && Definition->getBody() && !Definition->isImplicit())
      Methods.push_back(llvm::cast<CXXMethodDecl>(Definition));
  }
  return Methods;
}

bool isHelper(const CXXMethodDecl &Method) {
  // Access is the declaration's in the class, also for a definition out of it.
  return Method.getCanonicalDecl()->getAccess() != AS_public && !Method.isVirtual() &&
         !Method.isStatic() &&
         !llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Method);
}

/// What one round of scans saw of each helper's callers.
struct Callers {
  std::optional<std::vector<std::string>> HeldAtCalls; // ∩ over shared-time calls
  bool FromConstruction = false;
  bool Escaped = false;
};

/// Collects, while the scanner walks a body, the calls of helpers.
class CallRecorder : public ScanListener {
public:
  explicit CallRecorder(llvm::DenseMap<const FunctionDecl *, Callers> &Seen) : Seen(Seen) {}

  void onOwnCall(const CXXMethodDecl &Callee, const LockState &State) override {
    auto Found = Seen.find(Callee.getCanonicalDecl());
    if (Found == Seen.end())
      return;
    std::vector<std::string> Held = State.held();
    if (std::binary_search(Held.begin(), Held.end(), ConstructionMarker)) {
      Found->second.FromConstruction = true;
      return;
    }
    keepCommonLocks(Found->second.HeldAtCalls, std::move(Held));
  }
  void onOtherUse(const CXXMethodDecl &Method) override {
    if (auto Found = Seen.find(Method.getCanonicalDecl()); Found != Seen.end())
      Found->second.Escaped = true;
  }

private:
  llvm::DenseMap<const FunctionDecl *, Callers> &Seen;
};
} // namespace

LockState HelperLocks::entryOf(const CXXMethodDecl &Method, ASTContext &Context) {
  if (!isHelper(Method))
    return LockState();
  if (const CXXRecordDecl *Class = Method.getParent(); Class && !Analysed.contains(Class)) {
    Analysed.insert(Class);
    analyse(*Class, Context);
  }
  auto Found = Entries.find(Method.getCanonicalDecl());
  return Found == Entries.end() ? LockState() : LockState::holding(Found->second);
}

void HelperLocks::analyse(const CXXRecordDecl &Class, ASTContext &Context) {
  const std::vector<const CXXMethodDecl *> Methods = definedMethods(Class);
  llvm::DenseMap<const FunctionDecl *, Held> Current;
  for (const CXXMethodDecl *Method : Methods)
    if (isHelper(*Method))
      Current[Method->getCanonicalDecl()] = std::nullopt;
  if (Current.empty())
    return;
  // Start from "unknown" and refine: each round scans every body whose entry
  // is known, and a helper's entry becomes what all the calls seen hold.
  // Entries only shrink as callers become known, so this settles; the bound
  // is a guard.
  for (size_t Round = 0; Round < Current.size() + 2; ++Round) {
    llvm::DenseMap<const FunctionDecl *, Callers> Seen;
    for (const auto &Entry : Current)
      Seen[Entry.first];
    CallRecorder Recorder(Seen);
    for (const CXXMethodDecl *Method : Methods) {
      LockState Entry;
      if (Construction(*Method))
        Entry = LockState::holding({ConstructionMarker});
      else if (auto Known = Current.find(Method->getCanonicalDecl()); Known != Current.end()) {
        if (!Known->second)
          continue; // no caller known yet: its calls count in a later round
        Entry = LockState::holding(*Known->second);
      }
      MemberStateResolver Resolver(Modules, Context);
      WriteScanner(Resolver, Safe, Recorder).scan(*Method, std::move(Entry));
    }
    bool Changed = false;
    for (auto &[Helper, Entry] : Current) {
      const Callers &Calls = Seen[Helper];
      Held Next = Calls.Escaped        ? Held(std::vector<std::string>())
                  : Calls.HeldAtCalls  ? Calls.HeldAtCalls
                  : Calls.FromConstruction ? Held(std::vector<std::string>{ConstructionMarker})
                                       : std::nullopt;
      Changed |= Next != Entry;
      Entry = std::move(Next);
    }
    if (!Changed)
      break;
  }
  for (const auto &[Helper, Entry] : Current)
    if (Entry)
      Entries[Helper] = *Entry;
}

} // namespace modlint
