#include "BlockingCalls.h"

#include "CallInfo.h"
#include "LockState.h"
#include "NamePatterns.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace modlint {

namespace {
/// C and POSIX functions that wait for a file, socket, process or clock.
bool isBlockingCFunction(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "sleep",  "usleep",  "nanosleep", "open",  "read",    "write",  "pread",
      "pwrite", "recv",    "recvfrom",  "recvmsg", "send",  "sendto", "sendmsg",
      "connect", "accept", "accept4",   "poll",  "select",  "epoll_wait", "fopen",
      "fread",  "fwrite",  "fgets",     "fputs", "fprintf", "fscanf", "fflush",
      "fclose", "system",  "popen",     "pclose", "waitpid", "wait",  "fsync"};
  return Names.contains(Name);
}

/// The std file streams, whose every operation may wait for the disk.
bool isFileStream(QualType Type) {
  const CXXRecordDecl *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier() || !declaredInStd(*Record))
    return false;
  return llvm::is_contained({"basic_fstream", "basic_ifstream", "basic_ofstream", "basic_filebuf"},
                            Record->getName());
}

/// `std::future<void>`, `std::ofstream`: a type as written in code.
std::string typeName(QualType Type, const ASTContext &Context) {
  PrintingPolicy Policy = Context.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  return Type.getUnqualifiedType().getAsString(Policy);
}

std::string qualifiedName(const FunctionDecl &Function) {
  return Function.getQualifiedNameAsString();
}

/// `t.join()`, `f.get()`, `f.wait_for(d)`, `cv.wait(lk)`, `in.read(...)`.
std::optional<BlockingCall> blockingMethod(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Method || !Object || !Method->getIdentifier())
    return std::nullopt;
  const CXXRecordDecl *Class = Method->getParent();
  const llvm::StringRef Name = Method->getName();
  const std::string Qualified = qualifiedName(*Method);
  if (llvm::is_contained({"std::thread::join", "std::jthread::join", "boost::thread::join"},
                         Qualified))
    return BlockingCall{Qualified};
  // Abseil's condition variable releases the mutex it is given.
  if (Qualified.rfind("absl::CondVar::Wait", 0) == 0) {
    BlockingCall Wait{Qualified};
    if (Call.getNumArgs() > 0)
      Wait.ReleasedLock = lockIdentity(*Call.getArg(0));
    return Wait;
  }
  QualType ObjectType = Object->IgnoreParenImpCasts()->getType();
  if (ObjectType->isPointerType())
    ObjectType = ObjectType->getPointeeType();
  // The object's class, not the method's: `std::future<void>::wait` is
  // inherited from a base of the library's own.
  const CXXRecordDecl *ObjectClass = ObjectType->getAsCXXRecordDecl();
  if (ObjectClass && ObjectClass->getIdentifier() && declaredInStd(*ObjectClass) &&
      llvm::is_contained({"future", "shared_future"}, ObjectClass->getName()) &&
      llvm::is_contained({"get", "wait", "wait_for", "wait_until"}, Name))
    return BlockingCall{typeName(QualType(ObjectClass->getTypeForDecl(), 0),
                                 ObjectClass->getASTContext()) +
                        "::" + Name.str()};
  if (Class->getIdentifier() &&
      llvm::is_contained({"condition_variable", "condition_variable_any"}, Class->getName()) &&
      Name.starts_with("wait")) {
    // It releases its guard's lock while it waits; the others stay held.
    const VarDecl *Guard = nullptr;
    if (Call.getNumArgs() > 0)
      if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Call.getArg(0)->IgnoreParenImpCasts()))
        Guard = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    return BlockingCall{Qualified, Guard};
  }
  if (isFileStream(ObjectType))
    return BlockingCall{Qualified};
  return std::nullopt;
}

/// A free function: sleeps, C I/O, std::filesystem, `std::getline(file,
/// line)` and `file << x` on a file stream.
std::optional<BlockingCall> blockingFunction(const CallExpr &Call, const FunctionDecl &Callee) {
  const std::string Qualified = qualifiedName(Callee);
  if (Qualified == "std::this_thread::sleep_for" || Qualified == "std::this_thread::sleep_until")
    return BlockingCall{Qualified};
  // The C library's own (extern "C"), not a function of the program that
  // happens to be called `send` or `open`.
  if (Callee.isExternC() && Callee.getIdentifier() && isBlockingCFunction(Callee.getName()))
    return BlockingCall{Qualified};
  if (llvm::StringRef(Qualified).starts_with("std::filesystem::") &&
      !llvm::isa<CXXMethodDecl>(Callee) && !Callee.isOverloadedOperator() &&
      Callee.getIdentifier() &&
      !llvm::is_contained({"swap", "hash_value", "u8path"}, Callee.getName()))
    return BlockingCall{Qualified};
  // The stream is converted to its base (`std::ostream &`) to be passed.
  if (Call.getNumArgs() > 0 && isFileStream(Call.getArg(0)->IgnoreParenImpCasts()->getType()) &&
      (Callee.isOverloadedOperator() || Qualified == "std::getline"))
    return BlockingCall{Qualified};
  return std::nullopt;
}
} // namespace

std::optional<BlockingCall> blockingCall(const CallExpr &Call,
                                         const std::vector<llvm::GlobPattern> &UserPatterns) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    if (auto Found = blockingMethod(*Member))
      return Found;
  if (auto Found = blockingFunction(Call, *Callee))
    return Found;
  if (!UserPatterns.empty()) {
    const std::string Qualified = qualifiedName(*Callee);
    if (matchesAnyName(UserPatterns, Qualified))
      return BlockingCall{Qualified};
  }
  return std::nullopt;
}

std::optional<BlockingCall> blockingConstruction(const CXXConstructExpr &Construct) {
  const CXXConstructorDecl *Constructor = Construct.getConstructor();
  // Opening: a file stream given a name, not made empty, copied or moved.
  if (!Constructor || Constructor->isCopyOrMoveConstructor() || Construct.getNumArgs() == 0 ||
      !isFileStream(Construct.getType()))
    return std::nullopt;
  return BlockingCall{"opening a " +
                      typeName(Construct.getType(), Constructor->getASTContext())};
}

} // namespace modlint
