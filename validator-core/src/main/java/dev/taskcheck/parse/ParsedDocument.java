package dev.taskcheck.parse;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A document that parsed: its format, its tree, and its text (what an engine that re-parses
 * receives).
 *
 * @param firstLine the line of the source on which {@code text} starts (1 for a file; the line
 *     number for an NDJSON line); positions in the tree already include it
 * @param xml for an XML document, what its parser saw besides the tree; null for JSON
 */
public record ParsedDocument(
    Format format, Node root, String text, int firstLine, @Nullable XmlFacts xml)
    implements ParseOutcome {

  /** A document without XML facts (JSON). */
  public ParsedDocument(Format format, Node root, String text, int firstLine) {
    this(format, root, text, firstLine, null);
  }

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
