#include "catalog/RuleCatalog.h"

#include "core/YamlInput.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include <algorithm>

namespace llvm::yaml {
template <> struct MappingTraits<modlint::Rule> {
  static void mapping(IO &IO, modlint::Rule &R) {
    IO.mapRequired("id", R.Id);
    IO.mapRequired("level", R.Level);
    IO.mapOptional("note", R.Note);
    IO.mapRequired("summary", R.Summary);
    IO.mapRequired("rationale", R.Rationale);
    IO.mapRequired("bad", R.Bad);
    IO.mapRequired("good", R.Good);
    IO.mapOptional("options", R.Options);
    IO.mapOptional("tags", R.Tags);
  }
  static std::string validate(IO &, modlint::Rule &R) {
    if (R.Level != "warning" && R.Level != "error" && R.Level != "note")
      return "level must be warning, error or note, not '" + R.Level + "'";
    return {};
  }
};
} // namespace llvm::yaml

namespace modlint {

llvm::Expected<Rule> parseRule(llvm::StringRef Yaml, llvm::StringRef FileName) {
  Rule R;
  if (llvm::Error Err = readYaml(Yaml, FileName, R))
    return std::move(Err);
  return R;
}

llvm::Expected<std::vector<Rule>> loadRules(llvm::StringRef Directory) {
  std::vector<Rule> Rules;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Directory, EC), End;
       It != End && !EC; It.increment(EC)) {
    if (llvm::sys::path::extension(It->path()) != ".yaml")
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(It->path());
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(),
                                     "cannot read " + It->path());
    auto R = parseRule((*Buffer)->getBuffer(), It->path());
    if (!R)
      return R.takeError();
    Rules.push_back(std::move(*R));
  }
  if (EC)
    return llvm::createStringError(EC, "cannot list " + Directory);
  std::sort(Rules.begin(), Rules.end(),
            [](const Rule &A, const Rule &B) { return A.Id < B.Id; });
  return Rules;
}

} // namespace modlint
