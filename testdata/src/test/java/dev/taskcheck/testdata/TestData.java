package dev.taskcheck.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the test data is on disk, and small file helpers for the tests. */
final class TestData {

  private TestData() {}

  /**
   * The testdata folder: the system property {@code taskcheck.testdata} (set by the parent pom's
   * surefire configuration), else the module base dir ({@code basedir}, else the working dir).
   */
  static Path root() {
    String configured = System.getProperty("taskcheck.testdata");
    if (configured != null
        && !configured.isBlank()
        && Files.isDirectory(Path.of(configured, "corpus"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    String basedir = System.getProperty("basedir");
    Path base = basedir != null && !basedir.isBlank() ? Path.of(basedir) : Path.of("");
    return base.toAbsolutePath().normalize();
  }

  static Path corpus() {
    return root().resolve("corpus");
  }

  /**
   * The shared corpus the copies come from: the system property {@code taskcheck.sharedCorpus},
   * else {@code ../shared/corpus} beside the project (the project is the parent of testdata/).
   */
  static Path sharedCorpus() {
    String configured = System.getProperty("taskcheck.sharedCorpus");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return root()
        .resolveSibling("..")
        .resolve("shared")
        .resolve("corpus")
        .toAbsolutePath()
        .normalize();
  }

  /** Regular files below {@code dir}, as sorted forward-slash paths relative to {@code dir}. */
  static List<String> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
