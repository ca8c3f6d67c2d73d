package dev.taskcheck.testdata.mutation;

import java.nio.file.Files;
import java.nio.file.Path;

/** The testdata folder for these tests: the surefire property, else the module folder. */
final class Testdata {

  private Testdata() {}

  static Path folder() {
    String configured = System.getProperty("taskcheck.testdata", "");
    Path p = configured.isBlank() ? Path.of("") : Path.of(configured);
    return Files.isDirectory(p.resolve("corpus"))
        ? p.toAbsolutePath().normalize()
        : Path.of("").toAbsolutePath();
  }
}
