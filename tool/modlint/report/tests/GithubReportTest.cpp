#include "report/GithubReport.h"

#include "gtest/gtest.h"

namespace modlint {
namespace {

TEST(GithubReport, EscapesMessagesAndProperties) {
  EXPECT_EQ(escapeWorkflowValue("50% done\nnext: a, b", false),
            "50%25 done%0Anext: a, b");
  EXPECT_EQ(escapeWorkflowValue("src/a:b,c.cpp", true), "src/a%3Ab%2Cc.cpp");
  EXPECT_EQ(escapeWorkflowValue("line\r\n", true), "line%0D%0A");
}

// GitHub shows ten annotations of each kind per step and drops the rest
// without a word: past ten, a finding is a plain log line, and one line
// says how many were not annotated.
TEST(GithubReport, PastTheLimitFindingsStayInTheLog) {
  std::vector<Annotation> Annotations;
  for (unsigned Line = 1; Line <= 12; ++Line)
    Annotations.push_back({"warning", "src/a.cpp", Line, 3, Line, 9, "modlint-x", "racy"});
  Annotations.push_back({"error", "src/b.cpp", 1, 1, 1, 2, "clang-diagnostic-error", "broken"});
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeAnnotations(Annotations, OS);
  size_t Commands = 0, Plain = 0;
  for (size_t At = 0, End; (End = Text.find('\n', At)) != std::string::npos; At = End + 1) {
    const std::string Line = Text.substr(At, End - At);
    Commands += Line.rfind("::", 0) == 0;
    Plain += Line.rfind("src/a.cpp:", 0) == 0;
  }
  EXPECT_EQ(Commands, 11u) << Text; // ten warnings and the error
  EXPECT_EQ(Plain, 2u) << Text;
  EXPECT_NE(Text.find("src/a.cpp:12:3: warning: racy [modlint-x]\n"), std::string::npos);
  EXPECT_NE(Text.find("modlint: 2 more warnings than GitHub annotates in one step (10 of each "
                      "kind) are printed above as plain lines"),
            std::string::npos)
      << Text;
}

} // namespace
} // namespace modlint
