// One configuration option of modlint, as an option table declares it:
// CheckOptions.def for the options the checks read, and the command's own
// tool/modlint/config/RunOptions.def. The checks (through getLocalOrGlobal),
// the .modlint.yaml reader, .clang-tidy's CheckOptions, the command line,
// --dump-config and docs/config.md all take an option from its one entry.
#pragma once

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace modlint {

enum class OptionType {
  NameList, // names; in clang-tidy's spelling, one string joined by ';'
  Boolean,  // true or false
  Text,     // one string
};

/// Who reads an option.
enum class OptionScope {
  Check,   // the checks, as a global CheckOptions key in both front-ends
  Command, // the modlint command only (a top-level key in .clang-tidy)
  File,    // a config file only: it says how files combine
};

struct OptionSpec {
  llvm::StringLiteral Key;  // as written in .modlint.yaml and .clang-tidy
  OptionType Type;
  OptionScope Scope;
  llvm::StringLiteral Default; // in clang-tidy's spelling
  llvm::StringLiteral Flag;    // the command-line flag, or empty
  llvm::StringLiteral Help;    // one line, for --help
  llvm::StringLiteral Docs;    // what it means, for docs/config.md
  /// For a Text option that takes one of a few words, those words,
  /// `|`-separated ("all|modules"); empty: any text.
  llvm::StringLiteral Choices = "";
};

/// Why `Value` is not one of `Option`'s choices (empty when it is, or
/// when the option takes any text).
inline std::string choiceProblem(const OptionSpec &Option, llvm::StringRef Value) {
  if (Option.Choices.empty())
    return "";
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Option.Choices.split(Words, '|');
  if (llvm::is_contained(Words, Value))
    return "";
  return (Option.Key + " is one of " + llvm::join(Words, ", ") + ", not '" + Value + "'").str();
}

/// The flag that turns a boolean option off: `--strict` -> `--no-strict`.
inline std::string negatedFlag(const OptionSpec &Option) {
  return "--no-" + Option.Flag.drop_front(2).str();
}

/// One entry of an option table (a `.def` file of MODLINT_OPTION lines).
/// A Text option's choices, if any, come last: `..., Docs, "all|modules")`.
#define MODLINT_OPTION_SPEC(Key, Type, Scope, Default, Flag, Help, Docs, ...)         \
  {#Key, OptionType::Type, OptionScope::Scope, Default, Flag, Help, Docs, "" __VA_ARGS__},
/// One enumerator per entry, named after its key.
#define MODLINT_OPTION_NAME(Key, ...) Key,

/// Splits a name list (`;`- or `,`-separated), trimming blanks and a leading
/// `::` so that "::app::Base" and "app::Base" name the same class.
inline std::vector<std::string> splitNameList(llvm::StringRef Value) {
  std::vector<std::string> Names;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::SplitString(Value, Parts, ";,");
  for (llvm::StringRef Part : Parts) {
    // Every leading `::` (and blank after it): splitting what this printed
    // must give the same names (the config fuzzer found "::::X").
    do
      Part = Part.trim();
    while (Part.consume_front("::"));
    if (!Part.empty())
      Names.push_back(Part.str());
  }
  return Names;
}

/// Names in clang-tidy's spelling of a list.
inline std::string joinNameList(const std::vector<std::string> &Names) {
  return llvm::join(Names, ";");
}

} // namespace modlint
