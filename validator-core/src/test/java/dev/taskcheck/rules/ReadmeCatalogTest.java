package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TestData;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's Rules section states the catalog as it is: the rule count, the categories and each one's
 * count.
 */
class ReadmeCatalogTest {

  private static final Pattern TOTAL =
      Pattern.compile("The catalog has (\\d+) rules in (\\d+) categories");
  private static final Pattern CATEGORY =
      Pattern.compile("\\*\\*([a-z]+)\\*\\* \\((\\d+) rules?\\)");

  @Test
  void theRulesSectionCountsTheCatalog() throws IOException {
    String readme = Files.readString(TestData.root().getParent().resolve("README.md"));
    int start = readme.indexOf("\n## Rules\n");
    assertThat(start).as("README.md has a '## Rules' section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);

    Map<String, Integer> actual = new TreeMap<>();
    for (RuleInfo r : RuleCatalog.builtIn()) {
      actual.merge(r.category(), 1, Integer::sum);
    }
    Matcher total = TOTAL.matcher(section);
    assertThat(total.find())
        .as("the Rules section says 'The catalog has N rules in M categories'")
        .isTrue();
    assertThat(Integer.parseInt(total.group(1)))
        .as("README's rule count (update README.md's Rules section)")
        .isEqualTo(RuleCatalog.builtIn().size());
    assertThat(Integer.parseInt(total.group(2)))
        .as("README's category count")
        .isEqualTo(actual.size());

    Map<String, Integer> listed = new TreeMap<>();
    Matcher m = CATEGORY.matcher(section);
    while (m.find()) {
      listed.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    assertThat(listed)
        .as("README's categories as '**category** (N rules)' (update README.md's Rules section)")
        .isEqualTo(actual);
  }
}
