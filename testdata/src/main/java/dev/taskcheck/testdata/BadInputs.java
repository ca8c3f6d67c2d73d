package dev.taskcheck.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The expectations that go with the files of {@code bad-input/}, for the tests of every module. */
public final class BadInputs {

  private BadInputs() {}

  /**
   * File name to the {@code line:column} of the one fatal finding TaskCheck gives for it, read from
   * {@code bad-input/expected.tsv}.
   *
   * @param badInputDir the {@code testdata/bad-input} folder
   */
  public static Map<String, String> expectedPositions(Path badInputDir) {
    Map<String, String> out = new TreeMap<>();
    try {
      for (String line :
          Files.readAllLines(badInputDir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        if (parts.length != 2 || parts[1].isBlank()) {
          throw new IllegalStateException("expected.tsv: not 'file<TAB>line:column': " + line);
        }
        out.put(parts[0].trim(), parts[1].trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
