package dev.taskcheck.engine;

/**
 * One check over a document's Task resources. Stages only add issues: they never throw for a
 * finding. The structure engines (stages 1 and 2: base-spec structure and profiles) are stages, so
 * a second, faster implementation can replace the reference one, or run beside it on the same
 * input.
 */
public interface Stage {

  /** A short name for reports and diagnostics ({@code reference}). */
  String name();

  /** Adds this stage's findings about {@code unit} to {@code sink}. */
  void check(DocumentUnit unit, IssueSink sink);
}
