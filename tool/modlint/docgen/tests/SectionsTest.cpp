// The generated sections of the docs: what they hold, and how they are
// found and replaced.
#include "docgen/Sections.h"

#include "config/Options.h"
#include "gtest/gtest.h"

namespace modlint {
namespace {

std::string section(llvm::StringRef Name, const std::vector<Rule> &Rules = {}) {
  auto Text = generatedSection(Name, Rules);
  EXPECT_TRUE(static_cast<bool>(Text));
  return Text ? *Text : llvm::toString(Text.takeError());
}

TEST(DocSections, TheOptionsTableHasEveryOptionWithItsDefaultFlagAndDocs) {
  const std::string Table = section("options");
  for (const OptionSpec &Option : OptionTable) {
    const std::string Row = "| `" + Option.Key.str() + "` |";
    ASSERT_NE(Table.find(Row), std::string::npos) << Option.Key.str();
    const std::string Line = Table.substr(Table.find(Row), Table.find('\n', Table.find(Row)) - Table.find(Row));
    EXPECT_NE(Line.find(Option.Docs), std::string::npos) << Line;
    EXPECT_NE(Line.find(Option.Flag), std::string::npos) << Line;
  }
  EXPECT_NE(Table.find("| `ModuleBases` | list of names | "), std::string::npos);
  EXPECT_NE(Table.find("`[modrt::Module]` | `--module-base NAME` |"), std::string::npos);
  EXPECT_NE(Table.find("`false` | `--strict`, `--no-strict` |"), std::string::npos);
}

TEST(DocSections, TheChecksTableHasARowPerRule) {
  std::vector<Rule> Rules(2);
  Rules[0].Id = "modlint-a";
  Rules[0].Summary = "first";
  Rules[1].Id = "modlint-b";
  Rules[1].Summary = "second";
  EXPECT_EQ(section("checks", Rules),
            "| check | reports |\n|---|---|\n"
            "| [`modlint-a`](docs/checks/modlint-a.md) | first |\n"
            "| [`modlint-b`](docs/checks/modlint-b.md) | second |\n");
}

TEST(DocSections, RegenerateReplacesOnlyWhatIsBetweenTheMarkers) {
  const std::string Doc = "# Title\n<!-- generated: checks (scripts/update-docs) -->\nstale\n"
                          "<!-- end generated -->\nafter\n";
  auto New = regenerate(Doc, "doc.md", {});
  ASSERT_TRUE(static_cast<bool>(New)) << llvm::toString(New.takeError());
  EXPECT_EQ(*New, "# Title\n<!-- generated: checks (scripts/update-docs) -->\n"
                  "| check | reports |\n|---|---|\n<!-- end generated -->\nafter\n");
  auto Again = regenerate(*New, "doc.md", {});
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_EQ(*Again, *New);
}

TEST(DocSections, BadMarkersAreErrorsWithFileAndLine) {
  auto Unknown = regenerate("x\n<!-- generated: nosuch -->\n<!-- end generated -->\n", "d.md", {});
  ASSERT_FALSE(static_cast<bool>(Unknown));
  EXPECT_EQ(llvm::toString(Unknown.takeError()), "d.md:2: no generated section named 'nosuch'");
  auto Open = regenerate("<!-- generated: checks -->\nrest\n", "d.md", {});
  ASSERT_FALSE(static_cast<bool>(Open));
  EXPECT_EQ(llvm::toString(Open.takeError()),
            "d.md:1: no '<!-- end generated -->' after this marker");
}

} // namespace
} // namespace modlint
