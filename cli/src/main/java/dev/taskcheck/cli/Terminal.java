package dev.taskcheck.cli;

/** What the process is talking to. */
final class Terminal {

  private Terminal() {}

  /** True when standard output is an interactive terminal that wants colours. */
  // Java 17 has no Console.isTerminal(); a null console is how it says there is no terminal
  @SuppressWarnings("SystemConsoleNull")
  static boolean colorsOnStdout() {
    if (System.console() == null || System.getenv("NO_COLOR") != null) {
      return false;
    }
    String term = System.getenv("TERM");
    return term != null && !term.equals("dumb");
  }

  /** True when the process runs at an interactive terminal (progress may redraw one line). */
  @SuppressWarnings("SystemConsoleNull") // as in colorsOnStdout()
  static boolean interactive() {
    return System.console() != null;
  }
}
