#include "cli/CommandLine.h"

#include "cli/Documentation.h"
#include "cli/UnitMode.h"
#include "cli/FlagSyntax.h"

#include "core/Paths.h"
#include "CLI/CLI.hpp"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "clang/Basic/Version.h"
#include "fmt/format.h"


namespace modlint {

namespace {
/// The help line of an option's flag: the table's, and its default.
std::string flagHelp(const OptionSpec &Option) {
  std::string Help = Option.Help.str();
  if (Option.Type == OptionType::Boolean)
    return Help + " (" + negatedFlag(Option) + " turns a config file's " + Option.Key.str() +
           " off)";
  if (!Option.Default.empty())
    Help += " (default: " + llvm::join(splitNameList(Option.Default), ", ") + ")";
  return Help;
}

/// One flag per option of the table that has one. A list's flag is
/// repeatable and takes one value per occurrence, so that `--module-base A
/// file.cpp` leaves file.cpp to the PATH arguments.
void addOptionFlags(CLI::App &App, ConfigLayer &Flags) {
  for (const OptionSpec &Option : OptionTable) {
    if (Option.Flag.empty())
      continue;
    const std::string Flag = Option.Flag.str();
    switch (Option.Type) {
    case OptionType::NameList:
      App.add_option_function<std::vector<std::string>>(
             Flag,
             [&Flags, &Option](const std::vector<std::string> &Values) {
               std::string Names = Flags.get(Option).value_or("");
               for (const std::string &Value : Values)
                 Names += ";" + Value;
               Flags.set(Option, Names);
             },
             flagHelp(Option))
          ->allow_extra_args(false)
          ->type_name("NAME");
      break;
    case OptionType::Boolean:
      App.add_flag_function(
          Flag + ",!" + negatedFlag(Option),
          [&Flags, &Option](int64_t Count) { Flags.set(Option, Count > 0 ? "true" : "false"); },
          flagHelp(Option));
      break;
    case OptionType::Text:
      App.add_option_function<std::string>(
             Flag, [&Flags, &Option](const std::string &Value) { Flags.set(Option, Value); },
             flagHelp(Option))
          ->check(CLI::Validator(
              [&Option](std::string &Value) { return choiceProblem(Option, Value); },
              Option.Choices.empty() ? "" : "{" + Option.Choices.str() + "}"));
      break;
    }
  }
}

/// --fail-on, for the lint command and for merge.
CLI::Option *addFailOn(CLI::App &App, Threshold &Target, const std::string &Help) {
  return App.add_option("--fail-on", Target, Help)
      ->transform(oneOf<Threshold>({{"error", Threshold::Error},
                                    {"warning", Threshold::Warning},
                                    {"suggestion", Threshold::Suggestion},
                                    {"none", Threshold::None}}));
}


/// Which units, with which configuration.
void addSelectionFlags(CLI::App &App, CommandLine &Out) {
  App.add_option("-p,--build-path", Out.BuildPath,
                 "Build directory holding compile_commands.json, or the "
                 "database file itself");
  App.add_option("paths", Out.Paths,
                 "Files or directories whose translation units to lint "
                 "(default: every database entry)");
  addOptionFlags(App, Out.Flags);
  // As clang-tidy: --config is the configuration itself, --config-file a file.
  CLI::Option *Inline = App.add_option_function<std::string>(
      "--config",
      [&Out](const std::string &Yaml) { Out.Config = ExplicitConfig{Yaml, /*Inline=*/true}; },
      "The configuration itself, as YAML ('{ModuleBases: [app::Handler]}'), for every "
      "unit instead of looking for config files");
  App.add_option_function<std::string>(
         "--config-file",
         [&Out](const std::string &File) {
           Out.ConfigFile = File;
           Out.Config = ExplicitConfig{absolutePath(File), /*Inline=*/false};
         },
         "Use this config file (.modlint.yaml or .clang-tidy format) for every unit "
         "instead of looking for config files")
      ->check(CLI::ExistingFile)
      ->excludes(Inline);
  App.add_option("--project-root", Out.ProjectRoot,
                 "Root of the project: headers under it are reported, report "
                 "paths are relative to it (default: found from the current directory, "
                 "see docs/cli.md)");
  // One argument, split on '/' by CLI11: "K/N". The numbers are converted
  // here, refusing any that does not fit (CLI11 would wrap 2^32+1 to 1).
  App.add_option_function<std::vector<std::string>>(
         "--shard",
         [&Out](const std::vector<std::string> &Shard) {
           unsigned K = 0, N = 0;
           if (Shard.size() != 2 || llvm::StringRef(Shard[0]).getAsInteger(10, K) ||
               llvm::StringRef(Shard[1]).getAsInteger(10, N) || K == 0 || K > N)
             throw CLI::ValidationError("--shard", "expected K/N with 1 <= K <= N < 2^32");
           Out.ShardIndex = K;
           Out.ShardCount = N;
         },
         "Lint only slice K of N (1-based) of the units, for CI matrices; "
         "combine the reports with 'modlint merge'")
      ->delimiter('/')
      ->allow_extra_args(false)
      ->type_name("K/N");
}

/// How the work is done.
void addRunFlags(CLI::App &App, CommandLine &Out) {
  const std::string Group = "Running";
  App.add_option("-j,--jobs", Out.Jobs,
                 "Translation units linted in parallel (default: one per core)")
      ->check(CLI::Range(1u, 1024u))
      ->group(Group);
  App.add_option("--cache-dir", Out.CacheDir,
                 "Where results of unchanged units are kept (default: "
                 "$XDG_CACHE_HOME/modlint or ~/.cache/modlint)")
      ->group(Group);
  App.add_flag("--no-cache", Out.NoCache, "Lint every unit; read and write no cache")
      ->group(Group);
  App.add_flag("--no-shared-prefix", Out.NoSharedPrefix,
               "Parse each unit's leading #include lines on its own instead of "
               "precompiling those that units share once per run")
      ->group(Group);
  App.add_flag("--allow-compile-errors", Out.AllowCompileErrors,
               "A unit that does not compile (or names a missing file) is "
               "reported but does not make the exit code 2")
      ->group(Group);
  App.add_flag("--allow-no-modules", Out.AllowNoModules,
               "Pass even when no class of the whole database derives from a module base "
               "(a project without shared modules, linted for the lock-scope and "
               "global-state checks)")
      ->group(Group);
  App.add_flag("--profile", Out.Profile,
               "After the summary, print each check's time and share of the run, from "
               "clang-tidy's check profiling; implies --no-cache")
      ->group(Group);
  App.add_flag("--stats", Out.Stats,
               "Print how many units came from the cache, how many were "
               "parsed on a shared precompiled prefix, and how many findings "
               "the prefixes worked out once")
      ->group(Group);
}

/// What is written, where, and what fails the run.
void addReportFlags(CLI::App &App, CommandLine &Out) {
  const std::string Group = "Reporting";
  App.add_option("--format", Out.Format,
                 "Output format: text, json, sarif (SARIF 2.1.0) or github "
                 "(GitHub Actions annotations)")
      ->transform(oneOf<OutputFormat>({{"text", OutputFormat::Text},
                                       {"json", OutputFormat::Json},
                                       {"sarif", OutputFormat::Sarif},
                                       {"github", OutputFormat::Github}}))
      ->group(Group);
  App.add_option("-o,--output", Out.OutputFile,
                 "Write the report to this file instead of standard output")
      ->group(Group);
  App.add_option("--color", Out.Color,
                 "Colour the output: auto (on a terminal unless NO_COLOR is "
                 "set), always or never")
      ->transform(oneOf<ColorMode>({{"auto", ColorMode::Auto},
                                    {"always", ColorMode::Always},
                                    {"never", ColorMode::Never}}))
      ->group(Group);
  App.add_flag("-q,--quiet", Out.Quiet, "No progress line and no closing summary")->group(Group);
  App.add_flag("--sort", Out.Sort,
               "Print text findings sorted by file once every unit is linted, instead of "
               "as units finish")
      ->group(Group);
  App.add_option("--baseline", Out.BaselineFile,
                 "An earlier SARIF report: findings already in it are "
                 "'unchanged' and do not fail the run")
      ->group(Group);
  addFailOn(App, Out.FailOn,
            "Lowest level of a new finding that makes the exit code 1: "
            "error, warning (default), suggestion or none")
      ->group(Group);
  App.add_flag("--fix", Out.Fix, "Apply the fix-its to the source files")->group(Group);
  App.add_option("--export-fixes", Out.ExportFixesFile,
                 "Write the fix-its as clang-apply-replacements YAML")
      ->group(Group);
  App.add_option("--write-baseline", Out.WriteBaseline,
                 "Write the findings (not suppressed) as a baseline to commit, sorted and "
                 "without line numbers; the run then exits 0 unless it is incomplete")
      ->group(Group);
}

/// Questions answered without linting, and the subcommands.
void addInformationAndSubcommands(CLI::App &App, CommandLine &Out) {
  App.set_version_flag("--version", fmt::format("modlint {} (LLVM {})", MODLINT_VERSION,
                                                CLANG_VERSION_STRING));
  App.add_flag("--dump-config", Out.DumpConfig,
               "Print the effective configuration (for the first PATH, or the "
               "current directory) and exit");
  App.add_flag("--list-checks", Out.ListChecks, "List the enabled checks and exit");

  CLI::App *Merge = App.add_subcommand(
      "merge", "Combine the reports of several shards (SARIF or JSON) into one");
  Merge->add_option("reports", Out.MergeInputs, "The shards' reports")->required();
  Merge->add_option("-o,--output", Out.OutputFile, "Write the merged report here");
  Merge->add_option("--format", Out.MergeFormat,
                    "sarif or json: the merged report (the shards' format, the default); "
                    "text or github: its new findings as clang-style lines or GitHub "
                    "Actions annotations")
      ->transform(oneOf<MergeOutput>({{"sarif", MergeOutput::Sarif},
                                      {"json", MergeOutput::Json},
                                      {"text", MergeOutput::Text},
                                      {"github", MergeOutput::Github}}));
  Merge->add_flag("-q,--quiet", Out.Quiet, "No closing summary");
  addFailOn(*Merge, Out.FailOn,
            "Exit 1 when the merged report has a new finding at or above "
            "this level: error, warning (default), suggestion or none");
  Merge->add_option("--project-root", Out.ProjectRoot,
                    "Where the linted sources are checked out, to place the lock-order "
                    "cycles found across shards (default: the shards' project root)");
  Merge->add_option("--baseline", Out.BaselineFile,
                    "The shards' baseline: lock-order cycles found across shards that "
                    "are in it are 'unchanged'");
  Merge->callback([&Out] { Out.Merge = true; });

  CLI::App *Explain = App.add_subcommand(
      "explain", "Print a check's rationale and examples");
  Explain->add_option_function<std::string>(
             "check", [&Out](const std::string &Id) { Out.Explain = Id; },
             "Check id, e.g. modlint-nonatomic-update")
      ->required();
}
/// clang-tidy spells long options with one dash (`-header-filter=.*`,
/// `-checks=...`, `-quiet`, `-p=build`), and CLI11 would read them as
/// bundles of short flags (`-h` prints the help and exits 0: a CI job that
/// passes without linting). Such an argument naming one of `App`'s options
/// is rewritten to its two-dash form; an unknown one that cannot be a
/// bundle of short flags (it has a `-` or `=` in it) is an error.
llvm::Expected<std::vector<std::string>> withLongOptions(const CLI::App &App, int Argc,
                                                         const char *const *Argv) {
  std::vector<std::string> Args;
  for (int I = 0; I < Argc; ++I) {
    const llvm::StringRef Arg(Argv[I]);
    if (I == 0 || !Arg.starts_with("-") || Arg.starts_with("--") || Arg.size() < 3 ||
        !llvm::isAlpha(Arg[1])) {
      Args.push_back(Arg.str());
      continue;
    }
    const auto [Name, Value] = Arg.drop_front().split('=');
    const bool HasValue = Arg.contains('=');
    const CLI::Option *Known = nullptr;
    for (const CLI::Option *Option : App.get_options())
      if (llvm::is_contained(Option->get_lnames(), Name.str()) ||
          (HasValue && llvm::is_contained(Option->get_snames(), Name.str())))
        Known = Option;
    if (Known && Name.size() == 1) { // `-p=build`
      Args.push_back(("-" + Name).str());
      Args.push_back(Value.str());
    } else if (Known) {
      Args.push_back(("--" + Arg.drop_front()).str());
    } else if (HasValue || Name.contains('-')) {
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "unknown option '" + Arg + "'; modlint's long options "
                                     "take two dashes, and 'modlint --help' lists them");
    } else {
      Args.push_back(Arg.str());
    }
  }
  return Args;
}
} // namespace

std::optional<int> parseCommandLine(int Argc, const char *const *Argv,
                                    CommandLine &Out, int FullArgc) {
  CLI::App App{"modlint: finds data races on the shared state of server "
               "modules (handlers, services, controllers).",
               "modlint"};
  App.footer("Usage forms:\n"
             "  modlint -p BUILD_DIR [PATH...]\n"
             "  modlint FILE... -- COMPILER_ARGS\n"
             "  modlint explain CHECK-ID\n"
             "  modlint baseline update -p BUILD_DIR [--baseline FILE] [PATH...]\n"
             "  modlint merge REPORT... -o MERGED\n"
             "Exit codes: 0 no warnings, 1 warnings found, 2 usage or input "
             "error.\nDocumentation: " +
             documentationPlace("cli.md", Argc > 0 ? Argv[0] : "modlint"));
  addInformationAndSubcommands(App, Out);
  addSelectionFlags(App, Out);
  addRunFlags(App, Out);
  addReportFlags(App, Out);
  addUnitFlags(App, Out);
  auto Args = withLongOptions(App, Argc, Argv);
  if (!Args) {
    fmt::print(stderr, "modlint: error: {}\n", llvm::toString(Args.takeError()));
    return ExitUsage;
  }
  // `modlint baseline update [LINT FLAGS] [PATH...]`: a run that writes
  // the committed baseline, with every flag of a run.
  if (Args->size() > 1 && (*Args)[1] == "baseline") {
    if (Args->size() < 3 || (*Args)[2] != "update") {
      fmt::print(stderr, "modlint: error: 'modlint baseline' takes 'update': modlint "
                         "baseline update -p BUILD_DIR [--baseline FILE] [PATH...]\n");
      return ExitUsage;
    }
    Args->erase(Args->begin() + 1, Args->begin() + 3);
    Out.UpdateBaseline = true;
  }
  std::vector<const char *> Pointers;
  for (const std::string &Arg : *Args)
    Pointers.push_back(Arg.c_str());
  try {
    App.parse(static_cast<int>(Pointers.size()), Pointers.data());
  } catch (const CLI::Success &Done) {
    App.exit(Done);
    return ExitClean;
  } catch (const CLI::ParseError &Error) {
    fmt::print(stderr, "modlint: error: {}\n", flagErrorSentence(Error));
    fmt::print(stderr, "Run 'modlint --help' for usage.\n");
    return ExitUsage;
  }
  if (std::optional<std::string> Misplaced = flagAfterDoubleDash(App, Argc, FullArgc, Argv)) {
    fmt::print(stderr, "modlint: error: {}\n", *Misplaced);
    return ExitUsage;
  }
  if (std::optional<std::string> Problem = applyUnitMode(App, Out)) {
    fmt::print(stderr, "modlint: error: {}\n", *Problem);
    return ExitUsage;
  }
  // `--config .modlint.yaml` as modlint once took it: say what changed
  // rather than read a path as YAML.
  if (Out.Config && Out.Config->Inline && !llvm::StringRef(Out.Config->Source).contains(':') &&
      llvm::sys::fs::exists(Out.Config->Source)) {
    fmt::print(stderr,
               "modlint: error: --config takes the configuration itself (YAML, as "
               "clang-tidy's --config does); to read the file '{}' give --config-file {}\n",
               Out.Config->Source, Out.Config->Source);
    return ExitUsage;
  }
  return std::nullopt;
}

ConfigResolver configResolver(const CommandLine &Cmd) {
  return ConfigResolver(Cmd.Config, Cmd.Flags);
}

} // namespace modlint
