#include "docgen/Sections.h"

#include "config/Options.h"
#include "llvm/ADT/StringExtras.h"

namespace modlint {

namespace {
constexpr llvm::StringLiteral Begin = "<!-- generated: ";
constexpr llvm::StringLiteral End = "<!-- end generated -->";

std::string typeName(const OptionSpec &Option) {
  switch (Option.Type) {
  case OptionType::NameList:
    return "list of names";
  case OptionType::Boolean:
    return "boolean";
  case OptionType::Text:
    break;
  }
  if (Option.Choices.empty())
    return "string";
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Option.Choices.split(Words, '|');
  return "`" + llvm::join(Words, "` or `") + "`";
}

/// A default as it is written in .modlint.yaml.
std::string yamlDefault(const OptionSpec &Option) {
  if (Option.Type == OptionType::NameList)
    return "`[" + llvm::join(splitNameList(Option.Default), ", ") + "]`";
  if (Option.Type == OptionType::Text)
    return "`'" + Option.Default.str() + "'`";
  return "`" + Option.Default.str() + "`";
}

std::string flagSpelling(const OptionSpec &Option) {
  if (Option.Flag.empty())
    return "";
  switch (Option.Type) {
  case OptionType::NameList:
    return "`" + Option.Flag.str() + " NAME`";
  case OptionType::Boolean:
    return "`" + Option.Flag.str() + "`, `" + negatedFlag(Option) + "`";
  case OptionType::Text:
    return "`" + Option.Flag.str() + " VALUE`";
  }
  return "";
}

std::string optionsTable() {
  std::string Text = "| key | type | meaning | default | flag |\n|---|---|---|---|---|\n";
  for (const OptionSpec &Option : OptionTable)
    Text += "| `" + Option.Key.str() + "` | " + typeName(Option) + " | " +
            Option.Docs.str() + " | " + yamlDefault(Option) + " | " + flagSpelling(Option) +
            " |\n";
  return Text;
}

std::string optionFlagsTable() {
  std::string Text = "| flag | meaning |\n|---|---|\n";
  for (const OptionSpec &Option : OptionTable) {
    if (Option.Flag.empty())
      continue;
    std::string Meaning = Option.Help.str() + "; replaces `" + Option.Key.str() + "`";
    if (Option.Type == OptionType::Boolean)
      Meaning = Option.Help.str() + ", or turn a config file's `" + Option.Key.str() + "` off";
    Text += "| " + flagSpelling(Option) + " | " + Meaning + " |\n";
  }
  return Text;
}

std::string checksTable(const std::vector<Rule> &Rules) {
  std::string Text = "| check | reports |\n|---|---|\n";
  for (const Rule &R : Rules)
    Text += "| [`" + R.Id + "`](docs/checks/" + R.Id + ".md) | " + R.Summary + " |\n";
  return Text;
}

llvm::Error sectionError(llvm::StringRef FileName, size_t Line, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 FileName + ":" + llvm::Twine(Line) + ": " + Why);
}
} // namespace

llvm::Expected<std::string> generatedSection(llvm::StringRef Name,
                                             const std::vector<Rule> &Rules) {
  if (Name == "options")
    return optionsTable();
  if (Name == "option-flags")
    return optionFlagsTable();
  if (Name == "checks")
    return checksTable(Rules);
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "no generated section named '" + Name + "'");
}

llvm::Expected<std::string> regenerate(llvm::StringRef Text, llvm::StringRef FileName,
                                       const std::vector<Rule> &Rules) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  std::string Out;
  for (size_t I = 0; I < Lines.size(); ++I) {
    Out += Lines[I];
    if (I + 1 < Lines.size())
      Out += '\n';
    if (!Lines[I].starts_with(Begin))
      continue;
    const llvm::StringRef Name = Lines[I].drop_front(Begin.size()).split(' ').first;
    auto Section = generatedSection(Name, Rules);
    if (!Section)
      return sectionError(FileName, I + 1, llvm::toString(Section.takeError()));
    size_t Close = I + 1;
    while (Close < Lines.size() && Lines[Close] != End)
      ++Close;
    if (Close == Lines.size())
      return sectionError(FileName, I + 1, "no '" + End + "' after this marker");
    Out += *Section + End.str() + (Close + 1 < Lines.size() ? "\n" : "");
    I = Close;
  }
  return Out;
}

} // namespace modlint
