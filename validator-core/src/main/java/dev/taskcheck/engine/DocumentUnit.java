package dev.taskcheck.engine;

import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.source.LocatedResource;
import java.util.List;
import java.util.Objects;

/**
 * A parsed document ready for the stages: the Task resources in it and the release to check them
 * against.
 *
 * @param source the input as the user named it
 * @param document the parsed document (its text is what an engine that re-parses reads)
 * @param release the release chosen for the document, and why
 * @param tasks the Task resources of the document, in document order
 */
public record DocumentUnit(
    String source, ParsedDocument document, ReleaseChoice release, List<LocatedResource> tasks) {

  public DocumentUnit {
    Objects.requireNonNull(source);
    Objects.requireNonNull(document);
    Objects.requireNonNull(release);
    tasks = List.copyOf(tasks);
  }
}
