package dev.taskcheck.cli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs the real {@code taskcheck.jar} as a separate process ({@code java [jvm options] -jar
 * taskcheck.jar args...}) with the same {@code java} as the test JVM, a timeout, and standard
 * output and standard error captured separately (both read concurrently, so a chatty process never
 * blocks on a full pipe).
 *
 * <p>Launches that validate a Task pay several seconds for the FHIR definitions, so independent
 * launches can be started in the background ({@link Launch#start()}) and joined later; at most
 * {@link #BACKGROUND_LAUNCHES} run in the background at once. A shutdown hook kills any process
 * still alive when the test JVM exits.
 */
final class CliProcessSupport {

  /** For launches that fail fast (usage errors, --help, parse failures only). */
  static final Duration QUICK = Duration.ofSeconds(60);

  /**
   * For launches that load FHIR definitions; generous because several such JVMs may share two
   * cores.
   */
  static final Duration VALIDATING = Duration.ofMinutes(5);

  static final int BACKGROUND_LAUNCHES = 3;

  /**
   * JVM options every launch gets unless {@link Launch#defaultJvmOptions(boolean) turned off}: the
   * client compiler only. It changes how fast the JVM gets, never what the program does, and halves
   * the time (and CPU) to load the FHIR definitions, which dominates almost every launch here.
   */
  static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ExecutorService BACKGROUND =
      Executors.newFixedThreadPool(BACKGROUND_LAUNCHES, daemonThreads("taskcheck-it-launch"));
  private static final ExecutorService STREAMS =
      Executors.newCachedThreadPool(daemonThreads("taskcheck-it-io"));
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Object LAUNCH_LOG_LOCK = new Object();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Process p : LIVE) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                  }
                },
                "taskcheck-it-reaper"));
  }

  private CliProcessSupport() {}

  /** {@code cli/target/taskcheck.jar}, from the system property failsafe sets. */
  static Path jar() {
    Path jar = Path.of(requiredProperty("taskcheck.jar"));
    if (!Files.isRegularFile(jar)) {
      fail("taskcheck.jar not found at " + jar + ": run the ITs with ./mvnw -B -o verify -pl cli");
    }
    return jar.toAbsolutePath();
  }

  /** The repository's {@code testdata} folder, from the system property failsafe sets. */
  static Path testdata() {
    Path dir = Path.of(requiredProperty("taskcheck.testdata"));
    if (!Files.isDirectory(dir)) {
      fail("testdata folder not found at " + dir);
    }
    return dir.toAbsolutePath().normalize();
  }

  /** The folder of rule plug-in jars failsafe prepared (the example plug-in), for --plugin-path. */
  static Path plugins() {
    Path dir = Path.of(requiredProperty("taskcheck.plugins"));
    if (!Files.isDirectory(dir)) {
      fail("plug-in folder not found at " + dir + ": run the ITs with ./mvnw -B -o verify -pl cli");
    }
    return dir.toAbsolutePath().normalize();
  }

  /**
   * The repository root: the working directory of most launches, so that paths read {@code
   * testdata/...}.
   */
  static Path repoRoot() {
    Path root = testdata().getParent();
    if (root == null) {
      throw new IllegalStateException("testdata has no parent: " + testdata());
    }
    return root;
  }

  /**
   * A scratch folder under {@code cli/target}, kept after the run for inspection; emptied first.
   */
  static Path workDirectory(String name) {
    Path target = jar().getParent();
    if (target == null) {
      throw new IllegalStateException("jar has no parent: " + jar());
    }
    Path dir = target.resolve("it-work").resolve(name);
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The {@code java} launcher of the test JVM. */
  static String javaExecutable() {
    Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(fromHome)) {
      return fromHome.toString();
    }
    return ProcessHandle.current()
        .info()
        .command()
        .orElseThrow(() -> new IllegalStateException("no java found"));
  }

  static ObjectMapper json() {
    return JSON;
  }

  /** Parses one whole JSON document (duplicate keys and trailing content are errors). */
  static JsonNode parseJson(String text, String what) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(
          what
              + " is not one well-formed JSON document: "
              + e.getMessage()
              + "\n--- content (first 2000 chars):\n"
              + head(text, 2000),
          e);
    }
  }

  /** {@code taskcheck args...}, run in the repository root unless told otherwise. */
  static Launch taskcheck(String... args) {
    return new Launch(Arrays.asList(args));
  }

  static Launch taskcheck(List<String> args) {
    return new Launch(args);
  }

  /** One launch of the jar, configured fluently, then {@link #run()} or {@link #start()}. */
  static final class Launch {
    private final List<String> args;
    private final List<String> jvmOptions = new ArrayList<>();
    private boolean defaultJvmOptions = true;
    private Path workingDirectory = repoRoot();
    private byte @Nullable [] stdinBytes;
    private @Nullable Path stdinFile;
    private Duration timeout = VALIDATING;
    private final Map<String, Optional<String>> environment = new LinkedHashMap<>();
    private final List<String> wrapper = new ArrayList<>();

    private final String caller = callingTest();

    private Launch(List<String> args) {
      this.args = List.copyOf(args);
    }

    /** JVM options, placed before {@code -jar}. */
    Launch jvm(String... options) {
      jvmOptions.addAll(Arrays.asList(options));
      return this;
    }

    Launch jvm(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    /** Whether {@link #DEFAULT_JVM_OPTIONS} are added (yes by default). */
    Launch defaultJvmOptions(boolean add) {
      this.defaultJvmOptions = add;
      return this;
    }

    Launch in(Path directory) {
      this.workingDirectory = directory;
      return this;
    }

    /** Pipes these bytes into standard input (then closes it). */
    Launch stdin(byte[] bytes) {
      this.stdinBytes = bytes.clone();
      return this;
    }

    /** Redirects standard input from a file, like a shell's {@code < file}. */
    Launch stdinFrom(Path file) {
      this.stdinFile = file;
      return this;
    }

    /** Sets an environment variable of the process. */
    Launch env(String name, String value) {
      environment.put(name, Optional.of(value));
      return this;
    }

    /** Removes an environment variable from the process's environment. */
    Launch unsetEnv(String name) {
      environment.put(name, Optional.empty());
      return this;
    }

    Launch timeout(Duration t) {
      this.timeout = t;
      return this;
    }

    /** Runs java under this command ({@code unshare -rn}), placed before it. */
    Launch under(String... command) {
      wrapper.addAll(Arrays.asList(command));
      return this;
    }

    List<String> command() {
      List<String> c = new ArrayList<>(wrapper);
      c.add(javaExecutable());
      if (defaultJvmOptions) {
        c.addAll(DEFAULT_JVM_OPTIONS);
      }
      c.addAll(jvmOptions);
      c.add("-jar");
      c.add(jar().toString());
      c.addAll(args);
      return c;
    }

    /** Runs the process in this thread and returns when it has exited. */
    CliRun run() {
      return execute(this);
    }

    /** Runs the process in the background (at most {@link #BACKGROUND_LAUNCHES} at once). */
    CompletableFuture<CliRun> start() {
      return CompletableFuture.supplyAsync(() -> execute(this), BACKGROUND);
    }
  }

  /** Waits for a background launch; failures of the launch itself are rethrown as they were. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a taskcheck process", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new AssertionError(cause);
    }
  }

  /**
   * The outcome of one launch.
   *
   * @param command the full command line
   * @param exitCode the process's exit code
   * @param stdout standard output, decoded as UTF-8
   * @param stderr standard error, decoded as UTF-8
   * @param millis wall time of the launch
   */
  record CliRun(List<String> command, int exitCode, String stdout, String stderr, long millis) {

    List<String> stdoutLines() {
      return stdout.lines().toList();
    }

    List<String> stderrLines() {
      return stderr.lines().toList();
    }

    /** Standard output as one JSON document. */
    JsonNode json() {
      return parseJson(stdout, "standard output of " + shortCommand());
    }

    String shortCommand() {
      int jar = command.indexOf("-jar");
      List<String> tail = jar < 0 ? command : command.subList(jar + 2, command.size());
      return "taskcheck " + String.join(" ", tail);
    }

    /** For assertion messages: the command, exit code, and the beginnings of both streams. */
    String describe() {
      return "\n$ "
          + String.join(" ", command)
          + "\nexit code "
          + exitCode
          + " after "
          + millis
          + " ms"
          + "\n--- stdout (first 3000 chars):\n"
          + head(stdout, 3000)
          + "\n--- stderr (first 3000 chars):\n"
          + head(stderr, 3000);
    }
  }

  static String head(String text, int max) {
    return text.length() <= max
        ? text
        : text.substring(0, max) + "\n[... " + (text.length() - max) + " more chars]";
  }

  private static CliRun execute(Launch launch) {
    List<String> command = launch.command();
    ProcessBuilder pb = new ProcessBuilder(command).directory(launch.workingDirectory.toFile());
    // these variables make the java launcher print "Picked up ..." on standard error
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("_JAVA_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    launch.environment.forEach(
        (k, v) -> {
          if (v.isPresent()) {
            pb.environment().put(k, v.get());
          } else {
            pb.environment().remove(k);
          }
        });
    if (launch.stdinFile != null) {
      pb.redirectInput(launch.stdinFile.toFile());
    }
    long start = System.nanoTime();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    LIVE.add(process);
    try {
      CompletableFuture<byte[]> out = readAll(process.getInputStream());
      CompletableFuture<byte[]> err = readAll(process.getErrorStream());
      if (launch.stdinFile == null) {
        byte[] bytes = launch.stdinBytes;
        OutputStream stdin = process.getOutputStream();
        if (bytes == null) {
          closeQuietly(stdin);
        } else {
          STREAMS.execute(
              () -> {
                try (stdin) {
                  stdin.write(bytes);
                } catch (IOException e) {
                  // the process stopped reading (it may have exited early): its exit code tells the
                  // story
                }
              });
        }
      }
      boolean exited = process.waitFor(launch.timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        String partialOut = decode(out, 5);
        String partialErr = decode(err, 5);
        throw new AssertionError(
            "taskcheck did not finish within "
                + launch.timeout.toSeconds()
                + " s (killed)"
                + "\n$ "
                + String.join(" ", command)
                + "\n--- stdout so far:\n"
                + head(partialOut, 3000)
                + "\n--- stderr so far:\n"
                + head(partialErr, 3000));
      }
      String stdout = decode(out, 60);
      String stderr = decode(err, 60);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      logLaunch(millis, launch);
      return new CliRun(command, process.exitValue(), stdout, stderr, millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      LIVE.remove(process);
    }
  }

  /** The IT class and method (the outermost such frame) that configures a launch. */
  private static String callingTest() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> f.getClassName().endsWith("IT"))
                    .reduce((inner, outer) -> outer)
                    .map(
                        f ->
                            f.getClassName().replace("dev.taskcheck.cli.", "")
                                + "."
                                + f.getMethodName())
                    .orElse("?"));
  }

  /**
   * Appends one line per launch to {@code target/it-launches.tsv}: milliseconds, the calling test
   * and the arguments, so that where the ITs spend their time can be read off a build.
   */
  private static void logLaunch(long millis, Launch launch) {
    String line = millis + "\t" + launch.caller + "\t" + String.join(" ", launch.args) + "\n";
    synchronized (LAUNCH_LOG_LOCK) {
      try {
        Files.writeString(
            jar().resolveSibling("it-launches.tsv"),
            line,
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        // the log is a convenience: a launch never fails because of it
      }
    }
  }

  private static CompletableFuture<byte[]> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        STREAMS);
  }

  private static String decode(CompletableFuture<byte[]> bytes, int waitSeconds)
      throws InterruptedException {
    try {
      return new String(bytes.get(waitSeconds, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (ExecutionException e) {
      return "[could not read the stream: " + e.getCause() + "]";
    } catch (TimeoutException e) {
      return "[the stream was not closed within " + waitSeconds + " s]";
    }
  }

  private static void closeQuietly(OutputStream s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do: the process may already have exited
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail(
          "system property "
              + name
              + " is not set: run the ITs through failsafe: ./mvnw -B -o verify -pl cli");
    }
    return value;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
