package dev.taskcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared test data lives: the {@code testdata} module's folders, on disk. */
public final class TestData {

  private TestData() {}

  public static Path root() {
    String property = System.getProperty("taskcheck.testdata");
    Path p = property != null ? Path.of(property) : Path.of("..", "testdata");
    if (!Files.isDirectory(p.resolve("corpus"))) {
      throw new IllegalStateException(
          "the testdata folder is not at "
              + p.toAbsolutePath()
              + "; set -Dtaskcheck.testdata=<repo>/testdata");
    }
    return p.toAbsolutePath().normalize();
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** The JSON and XML files of a folder (not its provenance files), sorted by name. */
  public static List<Path> files(String relative) {
    try (Stream<Path> s = Files.list(path(relative))) {
      return s.filter(p -> !p.getFileName().toString().startsWith("_"))
          .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
