package dev.taskcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive ({@code cli/target/taskcheck-<version>.tar.gz}) unpacked into a folder
 * outside the repository and run through {@code bin/taskcheck} with only a JDK on {@code PATH}: no
 * {@code JAVA_HOME}, no Maven, no build tree.
 */
class DistributionIT {

  @TempDir static Path outside;
  private static Path home;

  /** The cache folder the launcher is given, never the user's. */
  private static Path cache;

  /** What one run of {@code bin/taskcheck} printed, its exit code and how long it took. */
  private record Run(int exit, String out, String err, long millis) {}

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("taskcheck.distribution", "missing"));
    assertThat(archive).as("run ./mvnw package first").isRegularFile();
    Process tar =
        new ProcessBuilder("tar", "xzf", archive.toString(), "-C", outside.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(tar.exitValue()).isZero();
    try (var entries = Files.list(outside)) {
      home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("taskcheck-");
    cache = Files.createDirectories(outside.resolve("cache"));
  }

  private static Run run(Path workingDirectory, String... args) throws Exception {
    return run(workingDirectory, Map.of(), args);
  }

  private static Run run(Path workingDirectory, Map<String, String> extraEnv, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(List.of("/bin/sh", home.resolve("bin/taskcheck").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    env.remove("JAVA_OPTS");
    env.remove("TASKCHECK_OPTS");
    // no training runs in the background of the other tests (they could outlive the test's folder)
    env.put("TASKCHECK_CDS", "off");
    env.put("TASKCHECK_CACHE", cache.toString());
    env.putAll(extraEnv);
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    env.put("PATH", javaBin + ":/usr/bin:/bin");
    Path out = Files.createTempFile(outside, "out", ".txt");
    Path err = Files.createTempFile(outside, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("bin/taskcheck " + String.join(" ", args) + " did not end");
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        millis);
  }

  @Test
  void theArchiveHoldsLauncherJarLibrariesCompletionAndNotices() throws IOException {
    assertThat(home.resolve("bin/taskcheck")).isRegularFile();
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/taskcheck")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(home.resolve("bin/taskcheck.bat")).isRegularFile();
    assertThat(Files.readString(home.resolve("bin/taskcheck.bat"))).contains("\r\n");
    assertThat(home.resolve("taskcheck.jar")).isRegularFile();
    assertThat(home.resolve("LICENSE")).isRegularFile();
    assertThat(home.resolve("NOTICE")).isRegularFile();
    assertThat(Files.readString(home.resolve("README.txt"))).doesNotContain("${project.version}");
    assertThat(Files.readString(home.resolve("completion/taskcheck_completion")))
        .contains("complete -F")
        .contains("validate")
        .contains("--fhir-version");
    try (var libs = Files.list(home.resolve("lib"))) {
      List<String> names = libs.map(p -> p.getFileName().toString()).toList();
      assertThat(names).anyMatch(n -> n.startsWith("taskcheck-core-"));
      // what the trimmed class path leaves out (docs/distribution.md)
      assertThat(names)
          .noneMatch(
              n ->
                  n.startsWith("sqlite-jdbc") || n.startsWith("plantuml") || n.startsWith("jena-"));
    }
    Path zip =
        Path.of(System.getProperty("taskcheck.distribution").replaceAll("\\.tar\\.gz$", ".zip"));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertThat(z.getEntry(home.getFileName() + "/bin/taskcheck")).isNotNull();
      assertThat(z.getEntry(home.getFileName() + "/taskcheck.jar")).isNotNull();
    }
  }

  @Test
  void versionValidateDiffAndRulesRunFromOutsideTheRepository(@TempDir Path work) throws Exception {
    Run version = run(work, "--version");
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("taskcheck ");
    System.out.printf("bin/taskcheck --version: %d ms%n", version.millis());

    Path bad = work.resolve("bad.json");
    Files.writeString(
        bad,
        """
        {
          "resourceType": "Task",
          "id": "bad",
          "status": "done",
          "intent": "order"
        }
        """);
    Run validate = run(work, "validate", "bad.json", "--format", "text");
    assertThat(validate.exit()).as(validate.err()).isEqualTo(1);
    assertThat(validate.out()).contains("bad.json:4:3 error structure-binding Task.status");

    Path before = work.resolve("before.json");
    Path after = work.resolve("after.json");
    Files.writeString(
        before,
        "{\"resourceType\":\"Task\",\"id\":\"t\",\"status\":\"accepted\",\"intent\":\"order\"}");
    Files.writeString(
        after,
        "{\"resourceType\":\"Task\",\"id\":\"t\",\"status\":\"requested\",\"intent\":\"order\"}");
    Run diff = run(work, "diff", "before.json", "after.json");
    assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out()).contains("transition-");

    Run rules = run(work, "rules");
    assertThat(rules.exit()).as(rules.err()).isZero();
    assertThat(rules.out()).contains("progress-2").contains("status-1");
  }

  /**
   * The launcher's class-data sharing (docs/distribution.md#start-up): the first run starts a
   * training run that leaves an archive in the cache folder, and a later run maps the command's
   * classes from it; with {@code TASKCHECK_CDS=off} it does not.
   */
  @Test
  void aLaterRunMapsTheClassesFromTheArchiveTheFirstRunMade(@TempDir Path work) throws Exception {
    Path own = Files.createDirectories(work.resolve("cache"));
    Map<String, String> env = Map.of("TASKCHECK_CACHE", own.toString(), "TASKCHECK_CDS", "on");
    Path task = work.resolve("task.json");
    Files.writeString(
        task, "{\"resourceType\":\"Task\",\"id\":\"t\",\"status\":\"draft\",\"intent\":\"order\"}");
    Run first = run(work, env, "validate", "task.json", "--format", "text");
    assertThat(first.exit()).as(first.err()).isZero();
    Path cds = own.resolve("cds");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    List<String> names = List.of();
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(cds)) {
        names = files.map(f -> f.getFileName().toString()).toList();
      }
      // done when the training folder has gone: the archive is renamed into place before that
      if (names.stream().noneMatch(n -> n.endsWith(".training"))) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(names)
        .as("a finished training leaves only its archive in " + cds)
        .singleElement()
        .satisfies(n -> assertThat(n).endsWith(".jsa"));

    Path log = work.resolve("classes.txt");
    Map<String, String> logged = new HashMap<>(env);
    logged.put("TASKCHECK_OPTS", "-Xlog:class+load=info:file=" + log);
    Run mapped = run(work, logged, "validate", "task.json", "--format", "text");
    assertThat(mapped.exit()).as(mapped.err()).isZero();
    assertThat(mapped.out()).doesNotContain("cds").doesNotContain("shared archive");
    assertThat(Files.readAllLines(log))
        .anyMatch(l -> l.contains("dev.taskcheck.cli.Main source: shared objects file (top)"));

    logged.put("TASKCHECK_CDS", "off");
    Run off = run(work, logged, "validate", "task.json", "--format", "text");
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(Files.readAllLines(log))
        .noneMatch(l -> l.contains("dev.taskcheck.cli.Main source: shared objects file"));
    System.out.printf(
        "bin/taskcheck validate, one Task: %d ms with the archive, %d ms without%n",
        mapped.millis(), off.millis());
  }

  /** A cache folder with a blank in its path gets no archive, and the run is not broken by it. */
  @Test
  void aCacheFolderWithABlankInItsPathIsLeftAlone(@TempDir Path work) throws Exception {
    Path blank = work.resolve("my cache");
    Files.writeString(
        work.resolve("task.json"),
        "{\"resourceType\":\"Task\",\"id\":\"t\",\"status\":\"draft\",\"intent\":\"order\"}");
    Map<String, String> env = Map.of("TASKCHECK_CACHE", blank.toString(), "TASKCHECK_CDS", "on");
    for (int i = 0; i < 2; i++) {
      Run r = run(work, env, "validate", "task.json", "--format", "text");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("1 Task validated");
    }
    assertThat(blank.resolve("cds")).doesNotExist();
  }

  @Test
  void withoutJavaTheLauncherSaysWhatToInstall(@TempDir Path work) throws Exception {
    // a PATH with the tools the script uses and no java
    Path tools = Files.createDirectories(work.resolve("tools"));
    for (String tool : List.of("dirname", "ls", "sed")) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path p = Path.of(dir, tool);
        if (Files.isExecutable(p) && !Files.exists(tools.resolve(tool))) {
          Files.createSymbolicLink(tools.resolve(tool), p);
        }
      }
    }
    ProcessBuilder pb =
        new ProcessBuilder("/bin/sh", home.resolve("bin/taskcheck").toString(), "--version")
            .directory(work.toFile())
            .redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("PATH", tools.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("install Java 17 or later");
  }
}
