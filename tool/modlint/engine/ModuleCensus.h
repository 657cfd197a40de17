// Which shared modules a unit has, so that a run that found none (the
// default ModuleBases on a project whose handlers derive from app::Handler,
// or a typo) says so instead of passing without checking anything.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "engine/parse/FastPath.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace modlint {

/// A consumer that counts the unit's shared modules (project classes the
/// checks treat as such), looks up each ModuleBases entry, and lists the
/// classes the project's classes derive from, into `Out`.
ScopedConsumer moduleCensusConsumer(clang::tidy::ClangTidyContext &Context, ModuleCensus &Out);

} // namespace modlint
