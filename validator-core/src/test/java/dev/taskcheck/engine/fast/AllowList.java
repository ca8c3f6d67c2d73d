package dev.taskcheck.engine.fast;

import dev.taskcheck.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * The reviewed differences between the engines (testdata/differential/allow-list.tsv): each entry
 * names a case, the rule ids it allows to be missing or extra, and why.
 */
final class AllowList {

  /** One entry; {@code null} id sets mean "any". */
  record Entry(
      String caseName, @Nullable Set<String> missing, @Nullable Set<String> extra, String reason) {

    boolean matches(String document, SortedSet<String> missingKeys, SortedSet<String> extraKeys) {
      boolean sameCase = document.equals(caseName) || document.endsWith("[" + caseName + "]");
      return sameCase && allowed(missing, missingKeys) && allowed(extra, extraKeys);
    }

    /** Any keys for "*"; none for "-"; else at least one, each of a listed rule id. */
    private static boolean allowed(@Nullable Set<String> ids, SortedSet<String> keys) {
      if (ids == null) {
        return true;
      }
      if (ids.isEmpty() != keys.isEmpty()) {
        return false;
      }
      for (String key : keys) {
        // a key is "result ruleId severity expression @line:column"
        @SuppressWarnings("StringSplitter") // keys are built with single spaces
        String[] parts = key.split(" ", 3);
        if (parts.length < 2 || !ids.contains(parts[1])) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Entry> entries;

  private AllowList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static AllowList load() {
    Path file = TestData.path("differential/allow-list.tsv");
    List<Entry> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        @SuppressWarnings("StringSplitter") // the limit keeps empty fields
        String[] f = line.split("\t", -1);
        if (f.length != 4 || f[0].isBlank() || f[3].isBlank()) {
          throw new IllegalStateException(
              file + ": an entry needs a case, missing, extra and a reason: " + line);
        }
        out.add(new Entry(f[0], ids(f[1]), ids(f[2]), f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AllowList(out);
  }

  private static @Nullable Set<String> ids(String field) {
    if (field.equals("*")) {
      return null;
    }
    if (field.equals("-") || field.isBlank()) {
      return Set.of();
    }
    @SuppressWarnings("StringSplitter") // rule ids hold no commas
    String[] ids = field.split(",");
    return Set.copyOf(Arrays.asList(ids));
  }

  List<Entry> entries() {
    return entries;
  }

  /** The entry that allows this difference, or null. */
  @Nullable Entry allowing(String document, SortedSet<String> missing, SortedSet<String> extra) {
    for (Entry e : entries) {
      if (e.matches(document, missing, extra)) {
        return e;
      }
    }
    return null;
  }
}
