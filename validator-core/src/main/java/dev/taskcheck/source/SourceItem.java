package dev.taskcheck.source;

import org.jspecify.annotations.Nullable;

/** What reading the inputs yields, in input order: documents to parse, or problems to report. */
public sealed interface SourceItem permits RawDocument, SourceProblem, TextDocument {

  /**
   * The input as the user named it (a path as given or found under a directory, {@code -} for
   * stdin).
   */
  String source();

  /** The line of the source on which the document starts; null for a problem, which is none. */
  @Nullable Integer documentLine();
}
