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

} // namespace
} // namespace modlint
