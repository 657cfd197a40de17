// Writing a precompiled header straight to its file. Clang's own writer
// (PCHGenerator) builds the whole file in memory and hands it over at the
// end, so the file's full size sits on top of the parse that is still live:
// the peak of a shared prefix's run. Written here through LLVM's bitstream
// writer on a seekable file, each block of the file goes to disk when it is
// finished, and only the largest block (the declarations and types) is ever
// held at once. The bytes are the same.
#pragma once

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include <memory>
#include <string>

namespace modlint {

/// The consumer that writes the precompiled header of the parse `Compiler`
/// runs (a `GeneratePCHAction`'s) to `OutputFile`. Null, with an error
/// reported through `Compiler`'s diagnostics, when the file cannot be
/// opened; a failed write is reported the same way, so the parse fails.
std::unique_ptr<clang::ASTConsumer> createStreamedPchWriter(clang::CompilerInstance &Compiler,
                                                            const std::string &OutputFile);

} // namespace modlint
