// Reads a YAML document into a type with llvm::yaml traits, turning the
// first problem into an error that starts with FILE:LINE:COL, the place a
// user has to look.
#pragma once

#include "core/InputLimits.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <string>

namespace modlint {

/// `Hint`, when given, names the key most likely meant by an unknown one
/// (or returns empty), for a "did you mean" at the end of that error.
template <typename T>
llvm::Error readYaml(llvm::StringRef Yaml, llvm::StringRef FileName, T &Out,
                     llvm::function_ref<std::string(llvm::StringRef)> Hint = nullptr) {
  // YAML is UTF-8 text; LLVM's reader would take other bytes into values
  // that cannot be written back (found by the config fuzzer).
  size_t Bad = 0;
  if (!llvm::json::isUTF8(Yaml, &Bad)) {
    const llvm::StringRef Before = Yaml.take_front(Bad);
    const size_t Line = Before.count('\n') + 1;
    const size_t Column = Bad - (Before.rfind('\n') + 1) + 1;
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   FileName + ":" + llvm::Twine(Line) + ":" +
                                       llvm::Twine(Column) + ": not valid UTF-8 text");
  }
  // LLVM's parser recurses once per level: measure the depth first.
  if (llvm::Error Err = checkYamlNesting(Yaml))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   FileName + ":" + llvm::toString(std::move(Err)));
  auto Buffer = llvm::MemoryBuffer::getMemBuffer(Yaml, FileName);
  struct Problems {
    std::string First;
    llvm::function_ref<std::string(llvm::StringRef)> Hint;
  } Seen{"", Hint};
  llvm::yaml::Input In(
      Buffer->getMemBufferRef(), nullptr,
      [](const llvm::SMDiagnostic &D, void *Context) {
        auto &Seen = *static_cast<Problems *>(Context);
        if (!Seen.First.empty())
          return;
        Seen.First = (llvm::Twine(D.getFilename()) + ":" + llvm::Twine(D.getLineNo()) + ":" +
                      llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                         .str();
        llvm::StringRef Key = D.getMessage();
        if (Seen.Hint && Key.consume_front("unknown key '") && Key.consume_back("'"))
          if (std::string Meant = Seen.Hint(Key); !Meant.empty())
            Seen.First += "; did you mean '" + Meant + "'?";
      },
      &Seen);
  In >> Out;
  const std::string &First = Seen.First;
  if (!In.error())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 First.empty() ? FileName + ": invalid YAML"
                                               : llvm::Twine(First));
}

} // namespace modlint
