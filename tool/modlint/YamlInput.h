// Reads a YAML document into a type with llvm::yaml traits, turning the
// first problem into an error that starts with FILE:LINE:COL, the place a
// user has to look.
#pragma once

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <string>

namespace modlint {

template <typename T>
llvm::Error readYaml(llvm::StringRef Yaml, llvm::StringRef FileName, T &Out) {
  auto Buffer = llvm::MemoryBuffer::getMemBuffer(Yaml, FileName);
  std::string First;
  llvm::yaml::Input In(
      Buffer->getMemBufferRef(), nullptr,
      [](const llvm::SMDiagnostic &D, void *Context) {
        auto &Text = *static_cast<std::string *>(Context);
        if (Text.empty())
          Text = (llvm::Twine(D.getFilename()) + ":" + llvm::Twine(D.getLineNo()) +
                  ":" + llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                     .str();
      },
      &First);
  In >> Out;
  if (!In.error())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 First.empty() ? FileName + ": invalid YAML"
                                               : llvm::Twine(First));
}

} // namespace modlint
