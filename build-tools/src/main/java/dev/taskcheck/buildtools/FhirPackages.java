package dev.taskcheck.buildtools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The build step of {@code profiles}: for each FHIR release named, reads the package sources from
 * {@code <source>/<release>/}, writes the package with generated snapshots to {@code
 * <output>/<release>/package/} and the package file {@code <tgz-dir>/<package name>-<version>.tgz}.
 * Any problem in the sources (a snapshot generation error, an invalid FHIRPath expression, a file
 * out of place) is printed with its file and element, and the exit status is 1. A release whose
 * sources, version, time stamp and tool are those of its last successful build (recorded in {@code
 * <output>/<release>/.fingerprint}) is not built again, unless {@code --force} is given.
 *
 * <pre>
 * java -cp ... dev.taskcheck.buildtools.FhirPackages --version 0.1.0 --timestamp 2026-01-01T00:00:00Z \
 *     --source src/main/fhir --output target/fhir-packages --tgz-dir target stu3 r4 r4b r5
 * </pre>
 */
public final class FhirPackages {

  private FhirPackages() {}

  /** The parsed command line. */
  record Options(
      String version,
      Instant timestamp,
      Path source,
      Path output,
      Path tgzDir,
      List<Release> releases,
      boolean force) {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("[taskcheck-build-tools] " + e.getMessage());
      err.println(
          "usage: FhirPackages --version V --timestamp ISO-INSTANT --source DIR --output DIR --tgz-dir DIR"
              + " [--force] RELEASE...");
      return 2;
    }
    // the releases are independent: build them side by side (R5 first, its core definitions take
    // longest to load)
    List<Release> order = new ArrayList<>(options.releases());
    order.sort(Comparator.comparing(Release::ordinal).reversed());
    int threads = Math.max(1, Math.min(order.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fhir-packages");
              t.setDaemon(true);
              return t;
            });
    Map<Release, Future<String>> results = new EnumMap<>(Release.class);
    try {
      for (Release release : order) {
        results.put(release, pool.submit(() -> buildOne(release, options, out)));
      }
      List<String> problems = new ArrayList<>();
      for (Map.Entry<Release, Future<String>> e : results.entrySet()) {
        try {
          out.println(e.getValue().get());
        } catch (ExecutionException ex) {
          if (ex.getCause() instanceof BuildFailure failure) {
            problems.addAll(failure.problems());
          } else {
            err.println(
                "[taskcheck-build-tools] ERROR " + e.getKey().code() + ": the build tool failed");
            Objects.requireNonNullElse(ex.getCause(), ex).printStackTrace(err);
            return 3;
          }
        }
      }
      if (!problems.isEmpty()) {
        err.println("[taskcheck-build-tools] ERROR the FHIR package sources have problems:");
        for (String p : problems) {
          err.println("[taskcheck-build-tools] ERROR   " + p);
        }
        return 1;
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("[taskcheck-build-tools] ERROR interrupted");
      return 3;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String buildOne(Release release, Options options, PrintStream out)
      throws IOException {
    long start = System.nanoTime();
    Path source = options.source().resolve(release.code());
    if (!Files.isDirectory(source)) {
      throw new BuildFailure(
          source + ": the package sources for " + release.code() + " are missing");
    }
    Path folder = options.output().resolve(release.code());
    Path packageDir = folder.resolve("package");
    Path stamp = folder.resolve(".fingerprint");
    String name = PackageJson.read(source.resolve("package.json"), release).name();
    Path tgz = options.tgzDir().resolve(name + "-" + options.version() + ".tgz");
    String fingerprint =
        Fingerprint.of(release, options.version(), options.timestamp().toString(), source);
    if (!options.force()
        && fingerprint.equals(Fingerprint.read(stamp))
        && Files.isRegularFile(tgz)
        && Files.isRegularFile(packageDir.resolve("package.json"))
        && Files.isRegularFile(packageDir.resolve(".index.json"))) {
      return String.format(
          "[taskcheck-build-tools] %s: up to date (same sources, version and tool) -> %s",
          release.code(), tgz.getFileName());
    }
    Files.deleteIfExists(stamp);
    PackageBuilder.Built built =
        new PackageBuilder(release, options.version(), out).build(source, packageDir);
    TgzWriter.write(tgz, built.folder(), built.files(), options.timestamp());
    // written last: an interrupted or failed build leaves no fingerprint, so the next one starts
    // over
    Files.writeString(stamp, fingerprint + "\n", StandardCharsets.UTF_8);
    int resources = built.files().size() - 2;
    return String.format(
        "[taskcheck-build-tools] %s: %d resource%s with snapshots -> %s (%d ms)",
        release.code(),
        resources,
        resources == 1 ? "" : "s",
        tgz.getFileName(),
        (System.nanoTime() - start) / 1_000_000);
  }

  static Options parse(String[] args) {
    @Nullable String version = null;
    @Nullable Instant timestamp = null;
    @Nullable Path source = null;
    @Nullable Path output = null;
    @Nullable Path tgzDir = null;
    List<Release> releases = new ArrayList<>();
    boolean force = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--force")) {
        force = true;
      } else if (a.startsWith("--")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--version" -> version = v;
          case "--timestamp" -> timestamp = timestamp(v);
          case "--source" -> source = Path.of(v);
          case "--output" -> output = Path.of(v);
          case "--tgz-dir" -> tgzDir = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      } else {
        try {
          releases.add(Release.parse(a));
        } catch (BuildFailure e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }
    }
    if (version == null
        || version.isBlank()
        || timestamp == null
        || source == null
        || output == null
        || tgzDir == null
        || releases.isEmpty()) {
      throw new IllegalArgumentException("missing arguments");
    }
    return new Options(version, timestamp, source, output, tgzDir, List.copyOf(releases), force);
  }

  /**
   * Maven's {@code project.build.outputTimestamp}: an ISO-8601 instant or seconds since the epoch.
   */
  private static Instant timestamp(String v) {
    try {
      return v.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochSecond(Long.parseLong(v))
          : Instant.parse(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "--timestamp: not an ISO-8601 instant nor epoch seconds: " + v, e);
    }
  }
}
