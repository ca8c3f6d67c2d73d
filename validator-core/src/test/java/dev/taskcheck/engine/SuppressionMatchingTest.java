package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Suppression;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Suppression patterns match in O(text × pattern): many stars on a long expression that does not
 * match must not backtrack exponentially (issue 14 #4), and the glob matchers agree with the
 * regular expressions they replace.
 */
@SuppressWarnings("deprecation") // compares against the deprecated regular expressions
class SuppressionMatchingTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void manyStarsOnALongNonMatchingExpressionFinish() {
    String stars = "*a".repeat(16) + "*X";
    String expression = "Task.input[0].value" + "a".repeat(5000);
    Suppression s =
        new Suppression("status-1", stars, "**/**/**/**/**/**/**/**/*q", "r", null, "s.json:1");
    IssuePolicy policy = new IssuePolicy(RuleSet.RECOMMENDED, Map.of(), Set.of(), List.of(s), NOW);
    Issue issue =
        new Issue("status-1", Severity.ERROR, "x", expression, 1, 1, "m", IssueSource.RULE, null);
    String source = "a/".repeat(2000) + "b.json";
    // a hang guard only: the regular expression took minutes here, the glob takes milliseconds
    IssuePolicy.Outcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> policy.apply(List.of(issue), "Task", false, source));
    assertThat(o.kept()).hasSize(1);
    assertThat(o.suppressed()).isEmpty();
    assertThat(Suppression.globMatches(stars, expression)).isFalse();
    assertThat(Suppression.globMatches(stars, expression + "X")).isTrue();
    assertThat(Suppression.pathMatches("**/**/**/**/**/**/**/**/*q", source)).isFalse();
    assertThat(Suppression.pathMatches("**/**/**/**/**/**/**/**/*.json", source)).isTrue();
  }

  @Test
  void documentedExamples() {
    assertThat(Suppression.globMatches("*", "")).isTrue();
    assertThat(Suppression.globMatches("*", "Task.owner")).isTrue();
    assertThat(
            Suppression.globMatches(
                "Bundle.entry[*].resource.owner", "Bundle.entry[3].resource.owner"))
        .isTrue();
    assertThat(
            Suppression.globMatches("Bundle.entry[*].resource", "Bundle.entry[3].resource.owner"))
        .isFalse();
    assertThat(Suppression.globMatches("Task.owner", "Task.owner")).isTrue();
    assertThat(Suppression.globMatches("Task.owner", "Task.ownerX")).isFalse();
    assertThat(Suppression.pathMatches("in/**", "in/sub/a.json")).isTrue();
    assertThat(Suppression.pathMatches("in/**", "other/a.json")).isFalse();
    assertThat(Suppression.pathMatches("*.json", "dir/a.json")).isTrue();
    assertThat(Suppression.pathMatches("dir/*.json", "dir/sub/a.json")).isFalse();
    assertThat(Suppression.pathMatches("dir/**/a.json", "dir/a.json")).isTrue();
    assertThat(Suppression.pathMatches("dir\\?.json", "dir/a.json")).isTrue();
  }

  @Test
  void globsAgreeWithTheRegularExpressionsTheyReplace() {
    Random random = new Random(14);
    String patternAlphabet = "ab*/?.";
    String textAlphabet = "ab/.";
    for (int n = 0; n < 20_000; n++) {
      String pattern = word(random, patternAlphabet, random.nextInt(8));
      String text = word(random, textAlphabet, random.nextInt(10));
      assertThat(Suppression.globMatches(pattern, text))
          .as("expression %s on %s", pattern, text)
          .isEqualTo(Suppression.expressionPattern(pattern).matcher(text).matches());
      assertThat(Suppression.pathMatches(pattern, text))
          .as("path %s on %s", pattern, text)
          .isEqualTo(Suppression.filePattern(pattern).matcher(text).matches());
    }
  }

  private static String word(Random random, String alphabet, int length) {
    List<Character> chars = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      chars.add(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    chars.forEach(b::append);
    return b.toString();
  }
}
