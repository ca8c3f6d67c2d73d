package dev.taskcheck.source;

import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParsedDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the resources of a document: the document itself, or, for a Bundle, each entry's resource
 * (nested Bundles included), each located by its FHIRPath from the document root.
 */
public final class ResourceLocator {

  private ResourceLocator() {}

  /** Every resource that is not itself a Bundle, in document order. */
  public static List<LocatedResource> resources(ParsedDocument doc) {
    List<LocatedResource> out = new ArrayList<>();
    collect(doc.root(), doc.resourceType(), true, doc.root().line(), out);
    return out;
  }

  private static void collect(
      Node resource, String path, boolean isRoot, int line, List<LocatedResource> out) {
    if ("Bundle".equals(resource.resourceType())) {
      List<Node> entries = resource.children("entry");
      for (int i = 0; i < entries.size(); i++) {
        Node inner = entries.get(i).child("resource");
        if (inner != null && inner.resourceType() != null) {
          collect(inner, path + ".entry[" + i + "].resource", false, entries.get(i).line(), out);
        }
      }
      return;
    }
    out.add(new LocatedResource(resource, path, isRoot ? null : path, line));
  }
}
