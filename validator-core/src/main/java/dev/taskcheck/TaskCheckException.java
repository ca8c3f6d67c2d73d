package dev.taskcheck;

import org.apiguardian.api.API;

/** A setup problem that stops a run before it starts (bad configuration, unusable output). */
@API(status = API.Status.STABLE, since = "0.1.0")
public class TaskCheckException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskCheckException(String message) {
    super(message);
  }

  public TaskCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
