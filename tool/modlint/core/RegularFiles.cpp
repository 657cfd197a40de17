#include "core/RegularFiles.h"

namespace modlint {

namespace {
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  RegularFilesOnly() : ProxyFileSystem(llvm::vfs::getRealFileSystem()) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> Status = status(Path);
    if (Status && !Status->isRegularFile())
      return std::make_error_code(std::errc::invalid_argument);
    return ProxyFileSystem::openFileForRead(Path);
  }
};
} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> regularFilesOnly() {
  return llvm::makeIntrusiveRefCnt<RegularFilesOnly>();
}

} // namespace modlint
