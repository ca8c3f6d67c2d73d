package dev.taskcheck.cli;

/** What the process is talking to. */
final class Terminal {

  private Terminal() {}

  /** True when standard output is an interactive terminal that wants colours. */
  static boolean colorsOnStdout() {
    if (System.console() == null || System.getenv("NO_COLOR") != null) {
      return false;
    }
    String term = System.getenv("TERM");
    return term != null && !term.equals("dumb");
  }

  /** True when the process runs at an interactive terminal (progress may redraw one line). */
  static boolean interactive() {
    return System.console() != null;
  }
}
