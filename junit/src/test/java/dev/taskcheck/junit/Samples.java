package dev.taskcheck.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample payloads ({@code testdata/samples}). */
final class Samples {

  private Samples() {}

  static Path testdata() {
    String property = System.getProperty("taskcheck.testdata");
    Path p = property != null ? Path.of(property) : Path.of("..", "testdata");
    if (!Files.isDirectory(p.resolve("samples"))) {
      throw new IllegalStateException(
          "the testdata folder is not at " + p.toAbsolutePath() + "; set -Dtaskcheck.testdata");
    }
    return p.toAbsolutePath().normalize();
  }

  static Path sample(String name) {
    return testdata().resolve("samples").resolve(name);
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
