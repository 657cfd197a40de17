// What the command line says when it is wrong, in modlint's sentences, not
// CLI11's: a value that is not one of a flag's choices (and never a number
// standing for one), a missing value, a flag of modlint's given after `--`.
#pragma once

#include "CLI/CLI.hpp"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modlint {

/// A transform for an enum flag that accepts exactly these names (any
/// case): "--color: 'sometimes' is not one of auto, always, never".
CLI::Validator oneOf(std::vector<std::pair<std::string, int>> Choices);

/// The same for an enum type.
template <typename Enum>
CLI::Validator oneOf(std::initializer_list<std::pair<const char *, Enum>> Choices) {
  std::vector<std::pair<std::string, int>> Names;
  for (const auto &[Name, Value] : Choices)
    Names.emplace_back(Name, static_cast<int>(Value));
  return oneOf(std::move(Names));
}

/// The error a user sees for a parse error of CLI11's.
std::string flagErrorSentence(const CLI::ParseError &Error);

/// The first argument after `--` (at `Argv[Separator]`, where the
/// compiler's arguments go) that is one of `App`'s long flags and no
/// compiler option, e.g. `--checks=x`: the message that says it belongs
/// before `--`.
std::optional<std::string> flagAfterDoubleDash(const CLI::App &App, int Separator, int Argc,
                                               const char *const *Argv);

} // namespace modlint
