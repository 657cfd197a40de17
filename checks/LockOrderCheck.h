#pragma once
#include "CheckList.h"
#include "ModuleCheck.h"
#include "analysis/LockOrderCollector.h"

namespace modlint {

/// `modlint-lock-order`: two lock objects acquired in opposite orders on two
/// paths of the translation unit (directly or through a function called in
/// it), the same member lock taken on two objects nested, and (with
/// `LockOrder`) any acquisition against the documented order. Reported at
/// the end of the unit, once the whole graph is known.
class LockOrderCheck : public ModuleCheck {
public:
  LockOrderCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  /// Follows calls into any function, a library's too, and its locks.
  static constexpr FindingScope Findings = FindingScope::CallGraph;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void reportEdges(const std::vector<OrderEdge> &Edges);
  void reportCycle(const std::vector<OrderEdge> &Edges, const std::vector<size_t> &Cycle,
                   const std::string &Described);
  void reportTwoObjects(const OrderEdge &Edge);
  void reportAgainstOrder(const OrderEdge &Edge);
  /// Notes of an edge of a cycle other than the one reported: both
  /// acquisitions.
  void noteEdge(const OrderEdge &Edge);
  /// Notes of the edge reported: where its outer lock was taken, and where
  /// the inner one is taken inside the function called.
  void noteOwnEdge(const OrderEdge &Edge);

  const std::vector<std::string> Order;
  /// Per translation unit: filled by check(), reported at its end.
  LockOrderCollector Collector;
  const clang::SourceManager *Sources = nullptr;
};

} // namespace modlint
