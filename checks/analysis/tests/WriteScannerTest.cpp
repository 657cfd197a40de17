// The lock model and the write classification, checked write by write:
// each test lists, by line, which writes the scanner reports and whether a
// lock is held there.
#include "AnalysisTestSupport.h"
#include "MemberState.h"
#include "SafeTypes.h"
#include "WriteScanner.h"

#include <map>

namespace modlint::testing {
namespace {

struct Seen {
  WriteKind Kind;
  std::string Path;
  bool LockHeld;
};

class Recorder : public ScanListener {
public:
  explicit Recorder(clang::ASTUnit &AST) : AST(AST) {}
  void onWrite(const WriteEvent &E) override {
    Writes[snippetLine(AST, E.Write->getBeginLoc())].push_back(
        {E.Kind, E.Target.Path, E.LockHeld});
  }
  std::map<unsigned, std::vector<Seen>> Writes;

private:
  clang::ASTUnit &AST;
};

const char *Prelude = R"(
#include <mutex>
#include <shared_mutex>
#include <map>
#include <memory>
#include <vector>
struct Inner { int n = 0; };
)";

class WriteScannerTest : public ::testing::Test {
protected:
  /// Scans `Method` of `class M` defined in `Body`; line 1 is the first
  /// line of `Body`.
  std::map<unsigned, std::vector<Seen>> scan(const std::string &Body,
                                             const std::string &Method) {
    std::string Code = std::string(Prelude) + Body;
    AST = buildAST(Code);
    const unsigned PreludeLines =
        static_cast<unsigned>(std::count(Code.begin(), Code.end() - Body.size(), '\n'));
    ModuleClassifier Modules({"modrt::Module"});
    SafeTypes Safe({});
    MemberStateResolver Resolver(Modules, AST->getASTContext());
    Recorder Record(*AST);
    const auto *Function = findDecl<clang::FunctionDecl>(*AST, "M::" + Method);
    EXPECT_NE(Function, nullptr);
    if (Function)
      WriteScanner(Resolver, Safe, Record).scan(*Function);
    std::map<unsigned, std::vector<Seen>> ByBodyLine;
    for (auto &[Line, Writes] : Record.Writes)
      ByBodyLine[Line - PreludeLines] = Writes;
    return ByBodyLine;
  }
  std::unique_ptr<clang::ASTUnit> AST;
};

std::vector<bool> locks(const std::vector<Seen> &Writes) {
  std::vector<bool> Result;
  for (const Seen &S : Writes)
    Result.push_back(S.LockHeld);
  return Result;
}

TEST_F(WriteScannerTest, GuardProtectsToTheEndOfItsBlock) {
  auto W = scan(R"(class M : public modrt::Module {
  std::mutex mu_; int n_ = 0;
  void f() {
    { std::lock_guard<std::mutex> g(mu_);
      ++n_; }
    ++n_;
  }
};)", "f");
  EXPECT_EQ(locks(W[5]), std::vector<bool>{true});
  EXPECT_EQ(locks(W[6]), std::vector<bool>{false});
}

TEST_F(WriteScannerTest, UnlockAndRelock) {
  auto W = scan(R"(class M : public modrt::Module {
  std::mutex mu_; int n_ = 0;
  void f() {
    std::unique_lock<std::mutex> l(mu_);
    n_ = 1;
    l.unlock();
    n_ = 2;
    l.lock();
    n_ = 3;
    mu_.unlock();
  }
};)", "f");
  EXPECT_EQ(locks(W[5]), std::vector<bool>{true});
  EXPECT_EQ(locks(W[7]), std::vector<bool>{false});
  EXPECT_EQ(locks(W[9]), std::vector<bool>{true});
}

TEST_F(WriteScannerTest, ReaderLockLocalMutexAndDeferDoNotProtect) {
  auto W = scan(R"(class M : public modrt::Module {
  std::shared_mutex rw_; std::mutex mu_; int n_ = 0;
  void f() {
    { std::shared_lock<std::shared_mutex> r(rw_); n_ = 1; }
    { std::mutex local; std::lock_guard<std::mutex> g(local); n_ = 2; }
    { std::unique_lock<std::mutex> d(mu_, std::defer_lock); n_ = 3; }
    { std::unique_lock<std::shared_mutex> w(rw_); n_ = 4; }
  }
};)", "f");
  EXPECT_EQ(locks(W[4]), std::vector<bool>{false});
  EXPECT_EQ(locks(W[5]), std::vector<bool>{false});
  EXPECT_EQ(locks(W[6]), std::vector<bool>{false});
  EXPECT_EQ(locks(W[7]), std::vector<bool>{true});
}

TEST_F(WriteScannerTest, BranchesDoNotLeakLocks) {
  auto W = scan(R"(class M : public modrt::Module {
  std::mutex mu_; int n_ = 0;
  void f(bool b) {
    if (b) { mu_.lock(); n_ = 1; }
    n_ = 2;
  }
};)", "f");
  EXPECT_EQ(locks(W[4]), std::vector<bool>{true});
  EXPECT_EQ(locks(W[5]), std::vector<bool>{false});
}

TEST_F(WriteScannerTest, ClassifiesWriteKindsAndPaths) {
  auto W = scan(R"(class M : public modrt::Module {
  std::map<int, Inner> m_; Inner in_; std::unique_ptr<Inner> p_; std::vector<int> v_;
  void f(int k) {
    m_[k].n++;
    in_.n = 1;
    p_->n += 2;
    v_.push_back(k);
  }
};)", "f");
  // One race, one write: operator[] inserts, and the ++ through it is that
  // same write.
  ASSERT_EQ(W[4].size(), 1u);
  EXPECT_EQ(W[4][0].Kind, WriteKind::ContainerMutation);
  EXPECT_EQ(W[4][0].Path, "m_");
  ASSERT_EQ(W[5].size(), 1u);
  EXPECT_EQ(W[5][0].Kind, WriteKind::Assignment);
  EXPECT_EQ(W[5][0].Path, "in_.n");
  ASSERT_EQ(W[6].size(), 1u);
  EXPECT_EQ(W[6][0].Kind, WriteKind::CompoundAssignment);
  EXPECT_EQ(W[6][0].Path, "p_->n");
  ASSERT_EQ(W[7].size(), 1u);
  EXPECT_EQ(W[7][0].Kind, WriteKind::ContainerMutation);
}

TEST_F(WriteScannerTest, LocalsParametersAndOtherObjectsAreNotMemberState) {
  auto W = scan(R"(class M : public modrt::Module {
  int n_ = 0;
  void f(Inner &in, M &other) {
    int local = 0; ++local;
    in.n = 3;
    (void)other;
  }
};)", "f");
  EXPECT_TRUE(W.empty());
}

TEST_F(WriteScannerTest, LocalLambdaRunsUnderTheLocksOfItsCalls) {
  auto W = scan(R"(class M : public modrt::Module {
  std::mutex mu_; int n_ = 0;
  void f() {
    auto a = [this] { n_ = 1; };
    auto b = [this] { n_ = 2; };
    auto c = [this] { n_ = 3; };
    std::lock_guard<std::mutex> g(mu_);
    a(); a();
    b();
    [this] { n_ = 4; }();
  }
  void g() {}
};)", "f");
  EXPECT_EQ(locks(W[4]), std::vector<bool>{true});  // every call locked
  EXPECT_EQ(locks(W[5]), std::vector<bool>{true});
  EXPECT_EQ(locks(W[6]), std::vector<bool>{false}); // never called: no lock assumed
  EXPECT_EQ(locks(W[10]), std::vector<bool>{true}); // invoked where written
}

} // namespace
} // namespace modlint::testing
