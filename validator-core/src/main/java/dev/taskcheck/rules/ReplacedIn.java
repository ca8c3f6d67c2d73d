package dev.taskcheck.rules;

/**
 * Where the findings of a base invariant that a rule {@linkplain TaskRule#replaces replaces} are
 * dropped, which follows from what the invariant constrains.
 */
public enum ReplacedIn {
  /** On the Task itself: an invariant of the Task resource (date-1 replaces Task's inv-1). */
  TASK,
  /**
   * Anywhere in the Task outside its contained resources: an invariant of a datatype, reported
   * wherever the datatype occurs (date-2 replaces Period's per-1).
   */
  TASK_ELEMENTS;

  /**
   * True when a finding at {@code expression} lies where this scope drops it.
   *
   * @param taskPath the Task's path in its document ({@code Task}, {@code
   *     Bundle.entry[2].resource})
   */
  public boolean covers(String expression, String taskPath) {
    if (this == TASK) {
      return expression.equals(taskPath);
    }
    // read in place: no "taskPath." strings made per call
    int n = taskPath.length();
    if (!expression.startsWith(taskPath)) {
      return false;
    }
    if (expression.length() == n) {
      return true;
    }
    return expression.charAt(n) == '.' && !expression.startsWith(".contained", n);
  }
}
