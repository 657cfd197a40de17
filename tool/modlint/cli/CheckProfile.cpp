#include "cli/CheckProfile.h"

#include "fmt/format.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

namespace modlint {

namespace {
/// clang-tidy's key for a check's wall time: time.clang-tidy.CHECK.wall.
std::optional<llvm::StringRef> checkOfKey(llvm::StringRef Key) {
  if (!Key.consume_front("time.clang-tidy.") || !Key.consume_back(".wall"))
    return std::nullopt;
  return Key;
}

/// Adds the wall times of one stored profile to `Seconds`.
void addProfile(llvm::StringRef Path, llvm::StringMap<double> &Seconds) {
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (!Text)
    return;
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse((*Text)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Object *Profile = Root ? Root->getObject("profile") : nullptr;
  if (!Profile)
    return;
  for (const auto &[Key, Value] : *Profile)
    if (std::optional<llvm::StringRef> Check = checkOfKey(Key))
      Seconds[*Check] += Value.getAsNumber().value_or(0);
}
} // namespace

llvm::Expected<std::string> startCheckProfile(std::vector<LintJob> &Jobs) {
  llvm::SmallString<256> Directory;
  if (std::error_code Error = llvm::sys::fs::createUniqueDirectory("modlint-profile", Directory))
    return llvm::createStringError(Error, "cannot make a directory for --profile: " +
                                              Error.message());
  for (size_t I = 0; I < Jobs.size(); ++I)
    Jobs[I].ProfileDirectory = (Directory + "/job" + std::to_string(I)).str();
  return std::string(Directory);
}

std::string checkProfileText(const std::string &Directory, double WorkerSeconds) {
  llvm::StringMap<double> Seconds;
  size_t Parses = 0;
  std::error_code Error;
  for (llvm::sys::fs::recursive_directory_iterator It(Directory, Error), End;
       !Error && It != End; It.increment(Error))
    if (llvm::StringRef(It->path()).ends_with(".json")) {
      addProfile(It->path(), Seconds);
      // One profile per group of checks of a parse; every parse has a first.
      Parses += llvm::StringRef(It->path()).contains("/group0/");
    }
  llvm::sys::fs::remove_directories(Directory);
  std::vector<std::pair<double, std::string>> Sorted;
  double Total = 0;
  for (const auto &Entry : Seconds) {
    Sorted.emplace_back(Entry.getValue(), Entry.getKey().str());
    Total += Entry.getValue();
  }
  llvm::sort(Sorted, [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });
  auto Share = [&](double S) { return WorkerSeconds > 0 ? 100 * S / WorkerSeconds : 0.0; };
  std::string Text = fmt::format(
      "modlint: profile: each check's own time (its matchers and callbacks) over {} "
      "parse{}, and its share of the workers' {:.2f} s:\n",
      Parses, Parses == 1 ? "" : "s", WorkerSeconds);
  for (const auto &[S, Check] : Sorted)
    Text += fmt::format("  {:<36} {:>9.3f} s {:>6.1f}%\n", Check, S, Share(S));
  Text += fmt::format("  {:<36} {:>9.3f} s {:>6.1f}%\n", "all checks", Total, Share(Total));
  Text += fmt::format("  {:<36} {:>9.3f} s {:>6.1f}%\n", "parsing, and the rest",
                      WorkerSeconds - Total, Share(WorkerSeconds - Total));
  return Text;
}

} // namespace modlint
