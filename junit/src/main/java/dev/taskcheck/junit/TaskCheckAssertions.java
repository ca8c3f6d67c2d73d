package dev.taskcheck.junit;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Entry points with TaskCheck's default configuration, built once on first use and shared:
 *
 * <pre>{@code
 * import static dev.taskcheck.junit.TaskCheckAssertions.*;
 *
 * assertThatTask(json).isValid();
 * assertThatTask(json).hasIssue("progress-2").at("Task.output[0].value.ofType(Ratio).numerator");
 * assertThatTransition(before, after).isAllowed();
 * }</pre>
 *
 * For another configuration (a rule set, IG packages, rule files, a fixed {@code now}) use a {@link
 * TaskChecker}, or let {@link TaskCheckTest} inject one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TaskCheckAssertions {

  private TaskCheckAssertions() {}

  /** Built on first use (the fast engine's plan loads in well under a second). */
  private static final class Default {
    static final TaskChecker CHECKER = TaskChecker.defaults();
  }

  /** The default checker. */
  public static TaskChecker defaultChecker() {
    return Default.CHECKER;
  }

  /** See {@link TaskChecker#assertThatTask(String)}. */
  public static TaskAssert assertThatTask(String payload) {
    return Default.CHECKER.assertThatTask(payload);
  }

  /** See {@link TaskChecker#assertThatTask(Path)}. */
  public static TaskAssert assertThatTask(Path file) {
    return Default.CHECKER.assertThatTask(file);
  }

  /** See {@link TaskChecker#assertThatTransition}. */
  public static TransitionAssert assertThatTransition(String before, String after) {
    return Default.CHECKER.assertThatTransition(before, after);
  }
}
