#include "cache/CommandKey.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

namespace modlint {

namespace {
/// Flags that name a path, as `-I dir` or `-Idir`; longer spellings first,
/// so that `-iwithprefixbefore` is not read as `-iwithprefix` + "before".
constexpr llvm::StringLiteral PathFlags[] = {
    "-iwithprefixbefore", "-iwithprefix", "-include-pch", "-ivfsoverlay", "-cxx-isystem",
    "-iframework",        "-idirafter",   "-isysroot",    "-isystem",     "-imacros",
    "-include",           "-iprefix",     "-iquote",      "-I",           "-F",
    "-B",                 "-L"};

/// Flags that name a path after `=` (`--sysroot=dir`), or as the next
/// argument.
constexpr llvm::StringLiteral PathOptions[] = {
    "--sysroot",          "-resource-dir",         "--gcc-toolchain",
    "-fmodule-map-file",  "-fprebuilt-module-path", "-fmodules-cache-path",
    "-fprofile-instr-use", "-fprofile-use",          "-fsanitize-ignorelist"};

/// Flags whose next argument is a value that is no path.
constexpr llvm::StringLiteral ValueFlags[] = {"-x", "-target", "--target", "-arch", "-D", "-U"};

class KeyBuilder {
public:
  explicit KeyBuilder(const clang::tooling::CompileCommand &Command) : Command(Command) {}

  std::vector<std::string> build() {
    const std::vector<std::string> &Args = Command.CommandLine;
    for (size_t I = 0; I < Args.size(); ++I) {
      const llvm::StringRef Arg = Args[I];
      const bool HasNext = I + 1 < Args.size();
      if (I == 0) {
        // A compiler named by a relative path: the driver finds its
        // installation (and GCC's) from there.
        Parts.push_back(Arg.contains('/') ? absolute(Arg) : Arg.str());
      } else if (isSeparatePathFlag(Arg) && HasNext) {
        Parts.push_back(Arg.str());
        Parts.push_back(absolute(Args[++I]));
      } else if (llvm::is_contained(ValueFlags, Arg) && HasNext) {
        Parts.push_back(Arg.str());
        Parts.push_back(Args[++I]);
      } else {
        Parts.push_back(resolved(Arg));
      }
    }
    if (DependsOnDirectory)
      Parts.push_back("directory=" + Command.Directory);
    return std::move(Parts);
  }

private:
  static bool isSeparatePathFlag(llvm::StringRef Arg) {
    return llvm::is_contained(PathFlags, Arg) || llvm::is_contained(PathOptions, Arg);
  }

  std::string absolute(llvm::StringRef Path) const {
    if (Path.empty() || llvm::sys::path::is_absolute(Path))
      return Path.str();
    llvm::SmallString<256> Full(Command.Directory);
    llvm::sys::path::append(Full, Path);
    return std::string(Full);
  }

  /// One argument that is not followed by its value.
  std::string resolved(llvm::StringRef Arg) {
    for (llvm::StringRef Flag : PathOptions)
      if (Arg.starts_with(Flag) && Arg.drop_front(Flag.size()).starts_with("="))
        return (Flag + "=" + absolute(Arg.drop_front(Flag.size() + 1))).str();
    for (llvm::StringRef Flag : PathFlags)
      if (Arg.starts_with(Flag) && Arg.size() > Flag.size())
        return (Flag + absolute(Arg.drop_front(Flag.size()))).str();
    if (!Arg.starts_with("-")) {
      // The input, or an argument modlint cannot place: if it is a
      // relative path, what it names depends on the directory.
      if (!llvm::sys::path::is_absolute(Arg))
        DependsOnDirectory |= Arg != Command.Filename || Arg.empty();
      return absolute(Arg);
    }
    if (!Arg.starts_with("-D") && !Arg.starts_with("-U") && !Arg.starts_with("-W"))
      DependsOnDirectory |= namesRelativePath(Arg);
    return Arg.str();
  }

  /// An unknown flag whose value (after its last `=`, or the flag itself)
  /// has a relative path in it.
  static bool namesRelativePath(llvm::StringRef Flag) {
    const size_t Equals = Flag.rfind('=');
    const llvm::StringRef Value = Equals == llvm::StringRef::npos ? Flag.drop_front(1)
                                                                  : Flag.drop_front(Equals + 1);
    return Value.contains('/') && !Value.starts_with("/");
  }

  const clang::tooling::CompileCommand &Command;
  std::vector<std::string> Parts;
  bool DependsOnDirectory = false;
};
} // namespace

std::vector<std::string> commandKeyParts(const clang::tooling::CompileCommand &Command) {
  return KeyBuilder(Command).build();
}

} // namespace modlint
