#include "engine/CrossUnitLockOrder.h"

#include "analysis/LockOrderCycles.h"
#include "analysis/LockOrderMessages.h"
#include "options/CheckOptions.h"
#include "llvm/ADT/STLExtras.h"
#include <set>
#include <tuple>

using namespace clang;
using clang::tidy::ClangTidyError;

namespace modlint {

namespace {
using PairSet = std::set<std::pair<std::string, std::string>>;

/// `Pattern` with %0, %1, ... replaced by `Args`, as clang formats the
/// check's own diagnostics.
std::string format(llvm::StringRef Pattern, llvm::ArrayRef<std::string> Args) {
  std::string Text;
  for (size_t I = 0; I < Pattern.size(); ++I) {
    const bool Argument = Pattern[I] == '%' && I + 1 < Pattern.size() &&
                          Pattern[I + 1] >= '0' && size_t(Pattern[I + 1] - '0') < Args.size();
    if (!Argument) {
      Text += Pattern[I];
      continue;
    }
    Text += Args[Pattern[I + 1] - '0'];
    ++I;
  }
  return Text;
}

tooling::DiagnosticMessage message(std::string Text, const FilePlace &Place) {
  tooling::DiagnosticMessage Message;
  Message.Message = std::move(Text);
  Message.FilePath = Place.File;
  Message.FileOffset = static_cast<unsigned>(Place.Offset);
  return Message;
}

/// The finding for one cycle, laid out as the check lays out its own.
ClangTidyError finding(const std::vector<LockEdge> &Edges, const std::vector<size_t> &Cycle,
                       const std::string &Described) {
  const LockEdge &Closing = Edges[Cycle.front()];
  ClangTidyError Error("modlint-lock-order", tooling::Diagnostic::Warning, "", false);
  Error.Message = message(
      format(lock_order::Cycle, {Closing.InnerLock, Closing.OuterLock, Described}), Closing.At);
  auto Note = [&](llvm::StringRef Pattern, llvm::ArrayRef<std::string> Args,
                  const FilePlace &Place) {
    Error.Notes.push_back(message(format(Pattern, Args), Place));
  };
  Note(lock_order::Acquired, {Closing.OuterLock}, Closing.Outer);
  if (!Closing.Via.empty())
    Note(lock_order::AcquiredIn, {Closing.InnerLock, Closing.Via}, Closing.Inner);
  for (size_t I : llvm::drop_begin(Cycle)) {
    const LockEdge &Edge = Edges[I];
    Note(lock_order::Acquired, {Edge.OuterLock}, Edge.Outer);
    Note(Edge.Via.empty() ? lock_order::AcquiredHolding : lock_order::AcquiredThroughCall,
         {Edge.InnerLock, Edge.OuterLock, Edge.Via}, Edge.At);
  }
  return Error;
}
} // namespace

std::vector<ClangTidyError> crossUnitLockCycles(const std::vector<std::vector<LockEdge>> &Units,
                                                const std::vector<std::string> &Order) {
  std::vector<LockEdge> Edges; // a header's edges come from every unit that includes it
  std::vector<PairSet> UnitPairs;
  for (const std::vector<LockEdge> &Unit : Units) {
    llvm::append_range(Edges, Unit);
    PairSet &Pairs = UnitPairs.emplace_back();
    for (const LockEdge &Edge : Unit)
      Pairs.insert({Edge.OuterLock, Edge.InnerLock});
  }
  llvm::sort(Edges);
  Edges.erase(std::unique(Edges.begin(), Edges.end()), Edges.end());
  std::vector<OrderPair> Pairs;
  for (const LockEdge &Edge : Edges)
    Pairs.push_back({Edge.OuterLock, Edge.InnerLock});
  std::vector<bool> Against(Edges.size());
  for (size_t I : againstLockOrder(Pairs, Order))
    Against[I] = true;
  std::vector<ClangTidyError> Findings;
  for (const std::vector<size_t> &Cycle : lockOrderCycles(Pairs, Against)) {
    // A cycle one unit holds whole is that unit's finding already.
    const bool InOneUnit = llvm::any_of(UnitPairs, [&](const PairSet &Unit) {
      return llvm::all_of(Cycle, [&](size_t I) {
        return Unit.count({Pairs[I].Outer, Pairs[I].Inner}) > 0;
      });
    });
    if (!InOneUnit)
      Findings.push_back(finding(Edges, Cycle, describeCycle(Pairs, Cycle)));
  }
  llvm::sort(Findings, [](const ClangTidyError &A, const ClangTidyError &B) {
    return std::tie(A.Message.FilePath, A.Message.FileOffset, A.Message.Message) <
           std::tie(B.Message.FilePath, B.Message.FileOffset, B.Message.Message);
  });
  return Findings;
}

std::vector<std::string> lockOrderOption(const tidy::ClangTidyOptions &Options) {
  const llvm::StringRef Key = spec(CheckOption::LockOrder).Key;
  for (const std::string &Name : {"modlint-lock-order." + Key.str(), Key.str()})
    if (auto Found = Options.CheckOptions.find(Name); Found != Options.CheckOptions.end())
      return splitNameList(Found->second.Value);
  return {};
}

} // namespace modlint
