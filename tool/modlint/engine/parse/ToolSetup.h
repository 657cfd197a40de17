// One Clang tool run for exactly one compile command: what every parse in
// modlint (a unit, a shared prefix) starts from.
#pragma once

#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include <string>

namespace modlint {

/// A database holding one command: a job runs exactly the command it was
/// given, even when the real database has several for the file.
class SingleCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(clang::tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }

private:
  clang::tooling::CompileCommand Command;
};

/// A ClangTool over `File` with `Command`, reading through a file system of
/// its own (the default one changes the process's working directory, which
/// parallel jobs share), without the command's compiler plugins, and with
/// Clang's builtin headers found next to the Clang modlint was built with.
class OneCommandTool {
public:
  OneCommandTool(clang::tooling::CompileCommand Command, const std::string &File);
  clang::tooling::ClangTool &tool() { return Tool; }

private:
  SingleCommandDatabase Database;
  clang::tooling::ClangTool Tool;
};

/// What every checked parse (a unit, a shared prefix) runs with: function
/// bodies skipped where the fast path says so (FastPath.h), and no "N
/// warnings generated." line from the compiler, which counts the checks'
/// findings as its warnings; modlint reports findings itself.
void setUpCheckedParse(clang::CompilerInvocation &Invocation);

/// Every file a parse read (absolute, sorted): what a cached result depends
/// on.
void collectInputs(clang::SourceManager &Sources, std::vector<std::string> &Inputs);

} // namespace modlint
