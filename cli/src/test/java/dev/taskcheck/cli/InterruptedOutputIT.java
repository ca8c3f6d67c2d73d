package dev.taskcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by SIGTERM while it writes {@code --output} reports (issue 14 #12): its temporary
 * report files are removed on the way out by the shutdown hook, and the reports of the previous run
 * stay as they were (all old or all new, never a mix).
 */
class InterruptedOutputIT {

  @TempDir Path tmp;

  @Test
  void sigtermDuringOutputLeavesNoTemporaryFileAndTheOldReports() throws Exception {
    // enough Tasks that the reference engine is still validating when the signal comes
    String task =
        Files.readString(
                CliProcessSupport.testdata().resolve("samples/broken-status-done.json"),
                StandardCharsets.UTF_8)
            .replaceAll("\\s*\\n\\s*", "");
    Path input = tmp.resolve("many.ndjson");
    Files.write(input, java.util.Collections.nCopies(20_000, task), StandardCharsets.UTF_8);
    Path out = Files.createDirectories(tmp.resolve("reports"));
    Path oldJson = Files.writeString(out.resolve("taskcheck.json"), "{\"previous\":true}");
    Path oldHtml = Files.writeString(out.resolve("taskcheck.html"), "<p>previous</p>");

    List<String> command = new ArrayList<>();
    command.add(CliProcessSupport.javaExecutable());
    command.addAll(CliProcessSupport.DEFAULT_JVM_OPTIONS);
    command.addAll(
        List.of(
            "-jar",
            CliProcessSupport.jar().toString(),
            "validate",
            "--engine",
            "reference",
            "--format",
            "json,html",
            "--output",
            out.toString(),
            input.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .redirectError(tmp.resolve("stderr.txt").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (temporaryFiles(out).isEmpty() && process.isAlive()) {
        assertThat(System.nanoTime())
            .as("a temporary report file within 3 minutes")
            .isLessThan(deadline);
        Thread.sleep(100);
      }
      assertThat(process.isAlive()).as("still validating when the temporary files exist").isTrue();
      Thread.sleep(500);
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ends after SIGTERM").isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(process.exitValue()).as("a signal is not success").isNotZero();
    assertThat(temporaryFiles(out)).as("temporary files after SIGTERM").isEmpty();
    assertThat(Files.readString(oldJson)).isEqualTo("{\"previous\":true}");
    assertThat(Files.readString(oldHtml)).isEqualTo("<p>previous</p>");
  }

  private static List<Path> temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
