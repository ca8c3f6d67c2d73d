package dev.taskcheck.engine;

import dev.taskcheck.model.Issue;

/**
 * Where stages put their findings. An issue's expression, from the document root, says which
 * resource it belongs to ({@code Bundle.entry[2].resource.status} belongs to the Task in entry 2).
 */
@FunctionalInterface
public interface IssueSink {

  void add(Issue issue);

  /**
   * Says which structure engine checked the document: {@code fast} or {@code reference} ({@link
   * dev.taskcheck.model.Result#ENGINE_FAST}, {@link dev.taskcheck.model.Result#ENGINE_REFERENCE}).
   * A structure stage calls it once per document, for the engine that actually ran; a stage that
   * checked no structure (the fast engine did not cover the document under {@code --engine fast},
   * the rule stage) does not call it, and the document's results then name no engine. When it is
   * called more than once, the last call wins. The sink belongs to one document on one thread; this
   * default records nothing.
   */
  default void checkedBy(String engine) {}
}
