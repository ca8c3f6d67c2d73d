package dev.taskcheck.parse;

import java.util.Objects;

/**
 * A document that parsed: its format, its tree, and its text (what an engine that re-parses
 * receives).
 *
 * @param firstLine the line of the source on which {@code text} starts (1 for a file; the line
 *     number for an NDJSON line); positions in the tree already include it
 */
public record ParsedDocument(Format format, Node root, String text, int firstLine)
    implements ParseOutcome {

  public ParsedDocument {
    Objects.requireNonNull(format);
    Objects.requireNonNull(root);
    Objects.requireNonNull(text);
    if (root.resourceType() == null) {
      throw new IllegalArgumentException("the root of a parsed document is a resource");
    }
  }

  /** The resource type of the document ({@code Task}, {@code Bundle}, ...). */
  public String resourceType() {
    return Objects.requireNonNull(root.resourceType());
  }
}
