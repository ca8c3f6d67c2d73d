package dev.taskcheck.junit;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicNode;
import org.opentest4j.AssertionFailedError;

/**
 * A configured TaskCheck for tests: the assertions ({@link #assertThatTask}, {@link
 * #assertThatTransition}) and the payload-folder tests ({@link #payloadTests}) of one
 * configuration. Thread-safe: build one per test run (the {@link TaskCheckTest} extension does) and
 * share it between tests running in parallel.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TaskChecker {

  private final Supplier<TaskCheck.Builder> configuration;
  private final TaskCheck taskCheck;

  /** The same configuration with one profile required, built on first use of each profile. */
  private final Map<String, TaskCheck> withProfile = new ConcurrentHashMap<>();

  private TaskChecker(Supplier<TaskCheck.Builder> configuration) {
    this.configuration = configuration;
    this.taskCheck = configuration.get().build();
  }

  /** TaskCheck's defaults: the {@code auto} engine, the recommended rule set, one thread a call. */
  public static TaskChecker defaults() {
    return configuredBy(() -> TaskCheck.builder().threads(1));
  }

  /**
   * A checker whose TaskCheck {@code configuration} builds (rule set, IG packages, rule files,
   * {@code now}, ...). The supplier is called again, with a profile added, for {@link
   * TaskAssert#isValidAgainst}.
   *
   * @throws IllegalArgumentException when the configuration does not build (an unreadable rule file
   *     or IG package), naming the problem
   */
  public static TaskChecker configuredBy(Supplier<TaskCheck.Builder> configuration) {
    return new TaskChecker(Objects.requireNonNull(configuration));
  }

  /** The TaskCheck the assertions use. */
  public TaskCheck taskCheck() {
    return taskCheck;
  }

  /** Assertions on a Task (or a Bundle, or NDJSON of Tasks) given as FHIR JSON or XML text. */
  public TaskAssert assertThatTask(String payload) {
    Objects.requireNonNull(payload, "payload");
    return new TaskAssert(this, "(text)", tc -> tc.validateText(payload, "(text)"));
  }

  /** Assertions on the Tasks of a file (JSON, XML, NDJSON, a Bundle). */
  public TaskAssert assertThatTask(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new AssertionFailedError("No payload file at " + file.toAbsolutePath());
    }
    return new TaskAssert(this, file.toString(), tc -> validate(tc, file));
  }

  /**
   * Assertions on the transition from one version of a Task to the next (FHIR JSON or XML), as
   * {@link TaskCheck#checkTransition} checks it.
   */
  public TransitionAssert assertThatTransition(String before, String after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    try {
      return new TransitionAssert(taskCheck.checkTransition(before, after));
    } catch (IllegalArgumentException e) {
      throw new AssertionFailedError("The transition cannot be checked: " + e.getMessage(), e);
    }
  }

  /**
   * One dynamic test per payload file under {@code folder} and per resource in it (an NDJSON line,
   * a Bundle entry), for a {@code @TestFactory}. A file {@code x.json} with a sidecar {@code
   * x.expected.json} (or {@code .yaml}) must show the findings the sidecar lists; a file without
   * one must have no error. See docs/junit.md.
   */
  public Stream<DynamicNode> payloadTests(Path folder) {
    return PayloadTests.of(this, folder);
  }

  static List<Result> validate(TaskCheck tc, Path file) {
    return tc.validate(ValidationRequest.of(file.toString())).results();
  }

  /** The configuration with {@code profile} required, built once per profile. */
  TaskCheck requiring(String profile) {
    return withProfile.computeIfAbsent(
        profile,
        p -> {
          try {
            return configuration.get().profile(p).build();
          } catch (IllegalArgumentException e) {
            throw new AssertionFailedError("Cannot check against " + p + ": " + e.getMessage(), e);
          }
        });
  }
}
