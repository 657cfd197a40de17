// Which checks see which bodies when units share a precompiled prefix.
//
// A check declares the scope of its findings (checks/CheckList.h). The
// findings of a per-body check in a body that is not a template are the
// same in every unit that includes the body, so they are worked out once,
// in the prefix's own parse, and every unit on the prefix takes them from
// there. Everything else is worked out in each unit, as in a plain parse:
//
//   parse               per-body checks see            whole-unit checks see
//   a prefix's link     the link's own non-template    (do not run)
//                       function bodies
//   a unit on it        everything but those bodies    the project's declarations
//
// The checks that follow calls (lock-order, global-state) see every
// declaration outside system headers in each unit, a library's too.
//
// The checks know nothing of this: each group of checks is simply shown
// its declarations (engine/parse/FastPath.h).
#pragma once

#include "CheckList.h"
#include "engine/parse/CheckSession.h"
#include "clang-tidy/ClangTidyOptions.h"

namespace modlint {

/// `Options` enabling only those of its checks whose findings have `Scope`
/// (possibly none: the group still collects the compiler's diagnostics).
clang::tidy::ClangTidyOptions checksOfScope(const clang::tidy::ClangTidyOptions &Options,
                                            FindingScope Scope);

/// What a link of a prefix shows its checks: its own function bodies whose
/// findings every unit shares (not those of a link below it, which that
/// link analysed, nor templates, which each unit analyses).
std::vector<clang::Decl *> prefixBodies(clang::ASTContext &Context, ProjectFiles &Project);

/// What a unit on a prefix shows its per-body checks: everything but the
/// bodies the prefix analysed.
std::vector<clang::Decl *> bodiesAfterPrefix(clang::ASTContext &Context, ProjectFiles &Project);

/// The check group of a link's own parse: the per-body checks over
/// `prefixBodies`.
CheckGroups groupsOfLink(const clang::tidy::ClangTidyOptions &Options);

/// The check groups of a unit parsed on a prefix: the whole-unit checks
/// over the project's declarations (first, so they also receive the
/// compiler's diagnostics), the per-body checks over `bodiesAfterPrefix`,
/// and the checks that follow calls over every declaration outside system
/// headers (`analysedDeclarations`).
CheckGroups groupsOnPrefix(const clang::tidy::ClangTidyOptions &Options);

/// The check groups of a plain parse: every check but those that follow
/// calls over the project's declarations (first), and those over every
/// declaration outside system headers.
CheckGroups groupsOfPlainParse(const clang::tidy::ClangTidyOptions &Options);

} // namespace modlint
