package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The allow-list file parses, and an entry allows only the difference it describes. */
class AllowListTest {

  private static SortedSet<String> keys(String... keys) {
    return new TreeSet<>(java.util.List.of(keys));
  }

  @Test
  void everyEntryHasAReason() {
    assertThat(AllowList.load().entries())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.reason()).hasSizeGreaterThan(40));
  }

  @Test
  void theCrashEntryAllowsOnlyTheCrash() {
    AllowList list = AllowList.load();
    String name = "00042-reference-format-x.json [reference-format/double-slash]";
    SortedSet<String> crash = keys("0 internal-error fatal Task @1:1");
    SortedSet<String> fastFindings = keys("0 structure-reference warning Task.for @6:3");
    assertThat(list.allowing(name, crash, fastFindings)).isNotNull();
    // the same mutation without the crash: a real difference
    assertThat(list.allowing(name, keys(), fastFindings)).isNull();
    assertThat(list.allowing(name, keys("0 ref-1 error Task.for @6:3"), keys())).isNull();
    // another mutation with the crash's shape
    assertThat(list.allowing("x.json [reference-format/conditional]", crash, fastFindings))
        .isNull();
  }
}
