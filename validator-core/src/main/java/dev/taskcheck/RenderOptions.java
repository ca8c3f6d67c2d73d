package dev.taskcheck;

/**
 * How a report is rendered.
 *
 * @param color ANSI colours in the text format (only when writing to a terminal)
 * @param summary whether the text format ends with its summary lines
 */
public record RenderOptions(boolean color, boolean summary) {

  public static RenderOptions defaults() {
    return new RenderOptions(false, true);
  }
}
