package dev.taskcheck.source;

import dev.taskcheck.parse.Node;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resource found in a document.
 *
 * @param node the resource's node (its children are the resource's elements)
 * @param path the FHIRPath of the resource from the document root: {@code Task} for a
 *     whole-document resource, {@code Bundle.entry[2].resource} inside a Bundle
 * @param location the same path when the resource is inside another one, null when it is the
 *     document
 * @param line where the resource starts: its Bundle entry's line inside a Bundle, else the
 *     resource's own
 */
public record LocatedResource(Node node, String path, @Nullable String location, int line) {

  public LocatedResource {
    Objects.requireNonNull(node);
    Objects.requireNonNull(path);
    Objects.requireNonNull(node.resourceType());
  }

  public String resourceType() {
    return Objects.requireNonNull(node.resourceType());
  }

  /** {@code Task/abc}, or {@code Task} when it has no id. */
  public String label() {
    String id = node.childValue("id");
    return id == null || id.isBlank() ? resourceType() : resourceType() + "/" + id;
  }

  /** {@code meta.versionId}, or null. */
  public @Nullable String versionId() {
    Node meta = node.child("meta");
    return meta == null ? null : meta.childValue("versionId");
  }
}
