// The CLI's fast path: parse only what can hold findings. Function bodies
// outside the project are skipped while parsing, and matching only visits
// the project's declarations. Findings are those of the full parse: the
// checks only ever look inside project code.
#pragma once

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>

namespace modlint {

/// Which files are the project's: the main file, files under the project
/// root, and files the header filter selects. Decided once per file.
class ProjectFiles {
public:
  ProjectFiles(const clang::SourceManager &Sources, std::string Root,
               const std::string &HeaderFilter);
  bool contains(clang::SourceLocation Loc);

private:
  const clang::SourceManager &Sources;
  const std::string Root;
  std::optional<llvm::Regex> Filter;
  llvm::DenseMap<clang::FileID, bool> Known;
};

/// Wraps the checks' consumer with the fast path.
std::unique_ptr<clang::ASTConsumer>
withFastPath(std::unique_ptr<clang::ASTConsumer> Checks,
             std::unique_ptr<ProjectFiles> Project);

} // namespace modlint
