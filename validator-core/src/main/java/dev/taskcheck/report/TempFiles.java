package dev.taskcheck.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden temporary files reports are written to ({@code .taskcheck.json.<pid>-<random>.tmp}
 * beside the report, {@code .taskcheck-<pid>-<random>.spill} for spilled parts): deleted by a
 * shutdown hook when the process ends with them still open (SIGTERM, SIGINT, an error that ends the
 * JVM), and, for a process killed outright (SIGKILL, OOM killer), by the next run writing into the
 * same directory: a file whose process is no longer alive, or untouched for a day, is removed. A
 * live run's files are left alone, so concurrent runs into one directory are safe.
 */
final class TempFiles {

  /** Files older than this are stale whatever their process (process ids are reused). */
  static final Duration STALE = Duration.ofHours(24);

  /** Files of earlier versions, without a process id, are stale after this long untouched. */
  static final Duration STALE_UNTAGGED = Duration.ofHours(1);

  private static final long PID = ProcessHandle.current().pid();

  private static final Pattern TAGGED =
      Pattern.compile("[.-](\\d{1,19})-[0-9a-z]+\\.(?:tmp|spill)$");

  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path p : OPEN) {
                    try {
                      Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException ignored) {
                      // the next run removes it
                    }
                  }
                },
                "taskcheck-temp-cleanup"));
  }

  private TempFiles() {}

  /** The part of a temporary file's name that says which process wrote it. */
  static String tag() {
    return Long.toString(PID);
  }

  /** Deleted at exit if still there. */
  static void opened(Path file) {
    OPEN.add(file);
  }

  /** Renamed into place or deleted: nothing left to clean up. */
  static void closed(Path file) {
    OPEN.remove(file);
  }

  /**
   * Removes the stale temporary files of {@code reportName} (and spill files) in {@code directory}
   * left by runs that were killed. Never fails: a file that cannot be removed stays.
   */
  static void sweep(Path directory, String reportName) {
    sweepGlob(directory, "." + reportName.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1") + ".*.tmp");
    sweepGlob(directory, ".taskcheck-*.spill");
  }

  private static void sweepGlob(Path directory, String glob) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
      Instant now = Instant.now();
      for (Path f : files) {
        if (stale(f, now)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // best effort: an unreadable directory fails later, where the report is written
    }
  }

  static boolean stale(Path file, Instant now) throws IOException {
    if (OPEN.contains(file) || !Files.isRegularFile(file)) {
      return false;
    }
    Path name = file.getFileName();
    FileTime modified = Files.getLastModifiedTime(file);
    Duration age = Duration.between(modified.toInstant(), now);
    Matcher m = TAGGED.matcher(name == null ? "" : name.toString());
    if (!m.find()) {
      return age.compareTo(STALE_UNTAGGED) > 0;
    }
    long pid;
    try {
      pid = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return age.compareTo(STALE) > 0;
    }
    if (pid == PID) {
      // this process's own file, not open any more: a leftover of an earlier run in this JVM
      return true;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    boolean alive = process.map(ProcessHandle::isAlive).orElse(false);
    return !alive || age.compareTo(STALE) > 0;
  }
}
