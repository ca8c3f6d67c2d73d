package dev.taskcheck;

/** A setup problem that stops a run before it starts (bad configuration, unusable output). */
public class TaskCheckException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskCheckException(String message) {
    super(message);
  }

  public TaskCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
