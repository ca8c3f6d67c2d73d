package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A checked-in file that a test generates and keeps current: with {@code -D<updateProperty>=true}
 * the test rewrites it (review the diff), otherwise it fails when the file differs from what it
 * generates.
 */
public final class GoldenFile {

  private GoldenFile() {}

  /**
   * Fails when {@code file} is not {@code expected}, or rewrites it when {@code updateProperty} is
   * true.
   *
   * @param file the checked-in file
   * @param expected what the test generates now
   * @param updateProperty the system property that rewrites the file
   * @param regenerate the command that regenerates it, for the failure message
   */
  public static void assertCurrent(
      Path file, String expected, String updateProperty, String regenerate) throws IOException {
    if (Boolean.getBoolean(updateProperty)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(file).as("%s exists (create it with: %s)", file, regenerate).exists();
    assertThat(Files.readString(file))
        .as(
            "%s is not current: review the difference, then regenerate it with: %s",
            file, regenerate)
        .isEqualTo(expected);
  }
}
