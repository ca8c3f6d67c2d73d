package dev.taskcheck.buildtools;

import java.util.List;

/**
 * A problem in the package sources that must stop the build; the message says which file and
 * element.
 */
final class BuildFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  BuildFailure(String problem) {
    this(List.of(problem));
  }

  BuildFailure(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  BuildFailure(String problem, Throwable cause) {
    super(problem, cause);
    this.problems = List.of(problem);
  }

  List<String> problems() {
    return problems;
  }
}
