package dev.taskcheck.source;

/** What reading the inputs yields, in input order: documents to parse, or problems to report. */
public sealed interface SourceItem permits RawDocument, SourceProblem, TextDocument {

  /**
   * The input as the user named it (a path as given or found under a directory, {@code -} for
   * stdin).
   */
  String source();
}
