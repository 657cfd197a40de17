#include "cli/FlagSyntax.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Option/OptTable.h"
#include <regex>

namespace modlint {

CLI::Validator oneOf(std::vector<std::pair<std::string, int>> Choices) {
  std::string Names;
  for (const auto &Choice : Choices)
    Names += (Names.empty() ? "" : ", ") + Choice.first;
  return CLI::Validator(
      [Choices, Names](std::string &Value) -> std::string {
        const std::string Lower = llvm::StringRef(Value).lower();
        for (const auto &[Name, Code] : Choices)
          if (Name == Lower) {
            Value = std::to_string(Code); // what CLI11 converts to the enum
            return "";
          }
        return "'" + Value + "' is not one of " + Names;
      },
      "{" + Names + "}");
}

std::string flagErrorSentence(const CLI::ParseError &Error) {
  const std::string What = Error.what();
  std::smatch Match;
  // Each CLI11 wording this command can produce, and what it means here.
  static const std::pair<const char *, const char *> Sentences[] = {
      {R"(^The following arguments? (?:was|were) not expected: (.*)$)",
       "unexpected argument '$1' (modlint's flags start with '--'; the compiler's "
       "go after '--')"},
      {R"(^(\S+): \d+ required .* missing$)", "$1 needs a value"},
      {R"(^Expected exactly 1 arguments? to (\S+), got 0$)", "$1 needs a value"},
      {R"(^(\S+) excludes (\S+)$)", "give $1 or $2, not both"},
      {R"(^Could not convert: (\S+) = (.*)$)", "$1: '$2' is not a valid value"},
      {R"(^The value (.*) is not an allowed value for (\S+)$)", "$2: '$1' is not a valid value"},
      {R"(^(\S+): File does not exist: (.*)$)", "$1: no such file '$2'"},
      {R"(^(\S+) is required$)", "$1 is required"},
  };
  for (const auto &[Pattern, Sentence] : Sentences) {
    const std::regex Expression(Pattern);
    if (std::regex_match(What, Match, Expression))
      return Match.format(Sentence);
  }
  return What;
}

std::optional<std::string> flagAfterDoubleDash(const CLI::App &App, int Separator, int Argc,
                                               const char *const *Argv) {
  const llvm::opt::OptTable &Compiler = clang::driver::getDriverOptTable();
  for (int I = Separator + 1; I < Argc; ++I) {
    const llvm::StringRef Arg = Argv[I];
    if (!Arg.starts_with("--"))
      continue;
    const std::string Name = Arg.split('=').first.str();
    std::string Spelling;
    if (Compiler.findExact(Arg, Spelling) || Compiler.findExact(Name, Spelling) ||
        Compiler.findExact(Name + "=", Spelling))
      continue; // the compiler's own (--config=, --target=, ...)
    for (const CLI::Option *Option : App.get_options())
      if (Option->check_lname(Name.substr(2)))
        return "'" + Arg.str() + "' is one of modlint's flags, given after '--' where the "
               "compiler's arguments go; put it before '--'";
  }
  return std::nullopt;
}

} // namespace modlint
