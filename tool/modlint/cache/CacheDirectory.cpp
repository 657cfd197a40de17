#include "cache/CacheDirectory.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace modlint {

namespace {
llvm::Error refuse(llvm::StringRef Directory, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + Directory + "' " + Why);
}

std::string errnoText() { return std::error_code(errno, std::generic_category()).message(); }

/// Only this user may have written what is in `Directory`.
llvm::Error checkPrivate(llvm::StringRef Directory) {
  struct stat Info;
  if (::stat(Directory.str().c_str(), &Info) != 0)
    return refuse(Directory, "cannot be read: " + errnoText());
  if (!S_ISDIR(Info.st_mode))
    return refuse(Directory, "is not a directory");
  if (Info.st_uid != ::geteuid())
    return refuse(Directory, "belongs to another user (uid " + llvm::Twine(Info.st_uid) + ")");
  if (Info.st_mode & (S_IWGRP | S_IWOTH)) {
    char Mode[8];
    std::snprintf(Mode, sizeof Mode, "%04o", static_cast<unsigned>(Info.st_mode & 07777));
    return refuse(Directory, "is writable by group or others (mode " + llvm::Twine(Mode) + ")");
  }
  return llvm::Error::success();
}
} // namespace

std::optional<std::string> defaultCacheDirectory() {
  llvm::SmallString<256> Path;
  auto Xdg = llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
  auto Home = llvm::sys::Process::GetEnv("HOME");
  if (Xdg && llvm::sys::path::is_absolute(*Xdg)) {
    Path = *Xdg;
  } else if (Home && llvm::sys::path::is_absolute(*Home)) {
    Path = *Home;
    llvm::sys::path::append(Path, ".cache");
  } else {
    return std::nullopt;
  }
  llvm::sys::path::append(Path, "modlint");
  return std::string(Path);
}

llvm::Error prepareCacheDirectory(llvm::StringRef Directory) {
  std::vector<std::string> Missing;
  for (llvm::StringRef Dir = Directory; !Dir.empty() && !llvm::sys::fs::exists(Dir);
       Dir = llvm::sys::path::parent_path(Dir))
    Missing.push_back(Dir.str());
  for (auto It = Missing.rbegin(); It != Missing.rend(); ++It) {
    if (::mkdir(It->c_str(), 0700) != 0 && errno != EEXIST)
      return refuse(*It, "cannot be created: " + errnoText());
    // Checked even when just made: someone may have made it first.
    if (llvm::Error Err = checkPrivate(*It))
      return Err;
  }
  return checkPrivate(Directory);
}

} // namespace modlint
