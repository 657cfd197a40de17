#include "AnalysisTestSupport.h"
#include "ModuleClassifier.h"

namespace modlint::testing {
namespace {

class ModuleClassifierTest : public ::testing::Test {
protected:
  bool isModule(const std::string &Code, const std::string &Class,
                std::vector<std::string> Bases = {"modrt::Module"}) {
    AST = buildAST(Code);
    const auto *Record = findDecl<clang::CXXRecordDecl>(*AST, Class);
    EXPECT_NE(Record, nullptr) << Class;
    return Record && ModuleClassifier(std::move(Bases)).isSharedModule(Record);
  }
  std::unique_ptr<clang::ASTUnit> AST;
};

TEST_F(ModuleClassifierTest, DirectAndIndirectSubclasses) {
  const char *Code = "class A : public modrt::Module {};"
                     "class B : public A {};"
                     "class C : B {};"
                     "class D {};";
  EXPECT_TRUE(isModule(Code, "A"));
  EXPECT_TRUE(isModule(Code, "C"));
  EXPECT_FALSE(isModule(Code, "D"));
}

TEST_F(ModuleClassifierTest, TheBaseItselfIsAModule) {
  EXPECT_TRUE(isModule("", "modrt::Module"));
}

TEST_F(ModuleClassifierTest, SameSimpleNameInAnotherNamespaceIsNot) {
  const char *Code = "namespace other { class Module {}; }"
                     "class X : public other::Module {};";
  EXPECT_FALSE(isModule(Code, "X"));
}

TEST_F(ModuleClassifierTest, ConfiguredBasesAreFullyQualified) {
  const char *Code = "namespace app { class Handler {}; }"
                     "namespace lib { class Handler {}; }"
                     "class Good : public app::Handler {};"
                     "class Other : public lib::Handler {};"
                     "class Default : public modrt::Module {};";
  EXPECT_TRUE(isModule(Code, "Good", {"app::Handler"}));
  EXPECT_FALSE(isModule(Code, "Other", {"app::Handler"}));
  EXPECT_FALSE(isModule(Code, "Default", {"app::Handler"}));
  EXPECT_TRUE(isModule(Code, "Default", {"app::Handler", "modrt::Module"}));
}

TEST_F(ModuleClassifierTest, ClassTemplatesAndTemplateBases) {
  const char *Code =
      "template <class T> class Cache : public modrt::Module { T v; };"
      "template <class D> class Crtp : public modrt::Module {};"
      "class Job : public Crtp<Job> {};"
      "template <class B> class Mixin : public B {};"
      "class Mixed : public Mixin<modrt::Module> {};"
      "class Plain : public Mixin<Job> {};"
      "template <class B> class Open : public B {};";
  EXPECT_TRUE(isModule(Code, "Cache"));
  EXPECT_TRUE(isModule(Code, "Job"));
  EXPECT_TRUE(isModule(Code, "Mixed"));
  EXPECT_TRUE(isModule(Code, "Plain"));
  // A template whose base is a parameter is unknown until instantiated.
  EXPECT_FALSE(isModule(Code, "Open"));
}

TEST_F(ModuleClassifierTest, SharedAnnotationMarksClassAndSubclasses) {
  const char *Code =
      "class [[clang::annotate(\"modlint::shared\")]] Limiter {};"
      "class Burst : public Limiter {};"
      "class [[clang::annotate(\"something::else\")]] Other {};";
  EXPECT_TRUE(isModule(Code, "Limiter"));
  EXPECT_TRUE(isModule(Code, "Burst"));
  EXPECT_FALSE(isModule(Code, "Other"));
}

TEST_F(ModuleClassifierTest, NoConfiguredBasesMeansOnlyAnnotations) {
  EXPECT_FALSE(isModule("class A : public modrt::Module {};", "A", {}));
}

} // namespace
} // namespace modlint::testing
