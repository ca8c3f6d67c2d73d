package dev.taskcheck.fhir;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** The Task.status codes of STU3, R4, R4B and R5 (1.4.0 lacks cancelled and entered-in-error). */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public enum TaskStatus {
  DRAFT,
  REQUESTED,
  RECEIVED,
  ACCEPTED,
  REJECTED,
  READY,
  CANCELLED,
  IN_PROGRESS,
  ON_HOLD,
  FAILED,
  COMPLETED,
  ENTERED_IN_ERROR;

  private static final Set<TaskStatus> TERMINAL =
      Set.of(COMPLETED, FAILED, CANCELLED, REJECTED, ENTERED_IN_ERROR);

  /** The code as written in a resource ({@code in-progress}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Completed, failed, cancelled, rejected and entered-in-error: no further work happens. */
  public boolean isTerminal() {
    return TERMINAL.contains(this);
  }

  public boolean isIn(TaskStatus... statuses) {
    for (TaskStatus s : statuses) {
      if (s == this) {
        return true;
      }
    }
    return false;
  }

  /** The status with this code, or null when it is not a Task status code. */
  public static @Nullable TaskStatus fromCode(@Nullable String code) {
    if (code == null) {
      return null;
    }
    return BY_CODE.get(code);
  }

  private static final Map<String, TaskStatus> BY_CODE = byCode();

  private static Map<String, TaskStatus> byCode() {
    Map<String, TaskStatus> m = new HashMap<>();
    for (TaskStatus s : values()) {
      m.put(s.code(), s);
    }
    return Map.copyOf(m);
  }

  @Override
  public String toString() {
    return code();
  }
}
