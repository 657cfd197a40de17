#include "CommandLine.h"

#include "CLI/CLI.hpp"
#include "clang/Basic/Version.h"
#include "fmt/format.h"

namespace modlint {

std::optional<int> parseCommandLine(int Argc, const char *const *Argv,
                                    CommandLine &Out) {
  CLI::App App{"modlint: finds data races on the shared state of server "
               "modules (handlers, services, controllers).",
               "modlint"};
  App.footer("Usage forms:\n"
             "  modlint -p BUILD_DIR [PATH...]\n"
             "  modlint FILE... -- COMPILER_ARGS\n"
             "Exit codes: 0 no warnings, 1 warnings found, 2 usage or input "
             "error.");
  App.set_version_flag("--version",
                       fmt::format("modlint {} (LLVM {})", MODLINT_VERSION,
                                   CLANG_VERSION_STRING));
  App.add_option("-p,--build-path", Out.BuildPath,
                 "Build directory holding compile_commands.json, or the "
                 "database file itself");
  App.add_option("paths", Out.Paths,
                 "Files or directories whose translation units to lint "
                 "(default: every database entry)");
  App.add_option("--module-base", Out.ModuleBases,
                 "Fully qualified base class of shared modules; repeatable "
                 "(default: modrt::Module)")
      ->allow_extra_args(false);
  App.add_option("--safe-type", Out.SafeTypes,
                 "Fully qualified type that is safe to share; repeatable")
      ->allow_extra_args(false);
  App.add_option("--init-method", Out.InitMethods,
                 "Method that runs before the module is shared, like a "
                 "constructor; repeatable")
      ->allow_extra_args(false);
  App.add_flag("--strict", Out.Strict,
               "Ignore locks: report every mutable member and every write");
  App.add_option("--checks", Out.Checks,
                 "Comma-separated clang-tidy style globs of checks to run")
      ->capture_default_str();
  App.add_option("--project-root", Out.ProjectRoot,
                 "Findings in headers are reported only under this directory "
                 "(default: the current directory)");
  App.add_option("--color", Out.Color,
                 "Colour the output: auto (on a terminal unless NO_COLOR is "
                 "set), always or never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{{"auto", ColorMode::Auto},
                                           {"always", ColorMode::Always},
                                           {"never", ColorMode::Never}},
          CLI::ignore_case));
  App.add_flag("--list-checks", Out.ListChecks,
               "List the enabled checks and exit");
  try {
    App.parse(Argc, Argv);
  } catch (const CLI::Success &Done) {
    App.exit(Done);
    return ExitClean;
  } catch (const CLI::ParseError &Error) {
    fmt::print(stderr, "modlint: error: {}\n", Error.what());
    fmt::print(stderr, "Run 'modlint --help' for usage.\n");
    return ExitUsage;
  }
  return std::nullopt;
}

} // namespace modlint
