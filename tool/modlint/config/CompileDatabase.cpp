#include "config/CompileDatabase.h"

#include "clang/Driver/Types.h"

#include "core/InputLimits.h"
#include "core/RegularFiles.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang::tooling;

namespace modlint {

namespace {
/// What clang's driver would compile as C or C++ (a header included).
bool isCOrCxxFile(llvm::StringRef Path) {
  llvm::StringRef Extension = llvm::sys::path::extension(Path);
  if (!Extension.consume_front("."))
    return false;
  const clang::driver::types::ID Type = clang::driver::types::lookupTypeForExtension(Extension);
  return Type != clang::driver::types::TY_INVALID &&
         (clang::driver::types::isCXX(Type) || Type == clang::driver::types::TY_C ||
          Type == clang::driver::types::TY_CHeader);
}

llvm::Error inputError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Rewrites relative `directory` fields against `Base`.
llvm::Error anchorDirectories(llvm::json::Value &Root, llvm::StringRef Base) {
  auto *Entries = Root.getAsArray();
  if (!Entries)
    return inputError("the database is not a JSON array of compile commands");
  for (llvm::json::Value &Entry : *Entries) {
    auto *Object = Entry.getAsObject();
    if (!Object)
      return inputError("a database entry is not a JSON object");
    std::optional<llvm::StringRef> Directory = Object->getString("directory");
    if (!Directory || llvm::sys::path::is_absolute(*Directory))
      continue;
    llvm::SmallString<256> Anchored(Base);
    llvm::sys::path::append(Anchored, *Directory);
    llvm::sys::path::remove_dots(Anchored, /*remove_dot_dot=*/true);
    (*Object)["directory"] = std::string(Anchored);
  }
  return llvm::Error::success();
}
} // namespace

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadCompileDatabase(llvm::StringRef BuildPathOrFile) {
  std::string Path = absolutePath(BuildPathOrFile);
  if (llvm::sys::fs::is_directory(Path))
    Path = (llvm::Twine(Path) + "/compile_commands.json").str();
  auto Buffer = readInputFile(Path, MaxDatabaseBytes);
  if (!Buffer)
    return inputError("cannot read compilation database '" + Path +
                      "': " + llvm::toString(Buffer.takeError()));
  auto Database = parseCompileDatabase((*Buffer)->getBuffer(), Path);
  if (!Database)
    return Database.takeError();
  // `@flags.rsp` in a command is expanded as clang-tidy does.
  return clang::tooling::expandResponseFiles(std::move(*Database), regularFilesOnly());
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
parseCompileDatabase(llvm::StringRef Text, llvm::StringRef Path) {
  auto Parsed = parseJsonInput(Text);
  if (!Parsed)
    return inputError("'" + Path + "' is not valid JSON: " +
                      llvm::toString(Parsed.takeError()));
  if (llvm::Error Err =
          anchorDirectories(*Parsed, llvm::sys::path::parent_path(Path)))
    return inputError("'" + Path + "': " + llvm::toString(std::move(Err)));
  std::string Anchored;
  llvm::raw_string_ostream(Anchored) << *Parsed;
  std::string Message;
  auto Database = JSONCompilationDatabase::loadFromBuffer(
      Anchored, Message, JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return inputError("'" + Path + "': " + Message);
  return std::unique_ptr<CompilationDatabase>(std::move(Database));
}

llvm::Expected<UnitSelection>
selectUnits(const CompilationDatabase &Database,
            const std::vector<std::string> &Paths) {
  std::vector<std::string> Selectors;
  for (const std::string &Path : Paths) {
    if (!llvm::sys::fs::exists(Path))
      return inputError("no such file or directory: '" + Path + "'");
    Selectors.push_back(absolutePath(Path));
  }
  std::set<std::string> Units;
  for (const CompileCommand &Command : Database.getAllCompileCommands()) {
    llvm::SmallString<256> File(Command.Filename);
    if (!llvm::sys::path::is_absolute(File)) {
      File = Command.Directory;
      llvm::sys::path::append(File, Command.Filename);
    }
    llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    auto Selected = [&](const std::string &Selector) {
      return llvm::StringRef(File) == Selector || isUnder(File, Selector);
    };
    if (Selectors.empty() || llvm::any_of(Selectors, Selected))
      Units.insert(std::string(File));
  }
  UnitSelection Selection;
  for (size_t I = 0; I < Selectors.size(); ++I) {
    const std::string &File = Selectors[I];
    if (Units.count(File) || llvm::sys::fs::is_directory(File))
      continue;
    if (!isCOrCxxFile(File))
      return inputError("'" + Paths[I] + "' has no compilation database entry and is not a C "
                        "or C++ source or header, so it cannot be linted");
    Units.insert(File);
    Selection.Inferred.push_back(File);
  }
  if (Units.empty())
    return inputError(Paths.empty()
                          ? "the compilation database has no entries"
                          : "no compilation database entry is under the "
                            "given paths");
  Selection.Files.assign(Units.begin(), Units.end());
  llvm::sort(Selection.Inferred);
  return Selection;
}

} // namespace modlint
