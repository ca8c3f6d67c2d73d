package dev.taskcheck.fhirpath;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link Environment.Resolver}: references that can be resolved inside the document
 * itself. {@code #id} is a contained resource of {@code %rootResource} (or of {@code %resource}),
 * {@code #} the container itself; in a Bundle, an entry whose {@code fullUrl} is the reference, or
 * whose resource has the type and id of a relative ({@code Patient/1}) or absolute ({@code
 * http://x/fhir/Patient/1}) reference.
 */
final class LocalReferences {

  private LocalReferences() {}

  static @Nullable FhirNode resolve(
      String reference, @Nullable FhirNode resource, @Nullable FhirNode root) {
    if (reference.startsWith("#")) {
      String id = reference.substring(1);
      if (id.isEmpty()) {
        return root != null ? root : resource;
      }
      FhirNode found = root == null ? null : contained(root, id);
      return found != null || resource == null ? found : contained(resource, id);
    }
    if (root == null || !root.typeName().equals("Bundle")) {
      return null;
    }
    String ref = stripHistory(reference);
    String[] typeAndId = typeAndId(ref);
    for (FhirNode entry : root.children("entry")) {
      List<? extends FhirNode> resources = entry.children("resource");
      if (resources.isEmpty()) {
        continue;
      }
      FhirNode r = resources.get(0);
      String fullUrl = value(entry, "fullUrl");
      if (ref.equals(fullUrl)) {
        return r;
      }
      if (typeAndId != null
          && r.typeName().equals(typeAndId[0])
          && typeAndId[1].equals(value(r, "id"))) {
        return r;
      }
    }
    return null;
  }

  private static @Nullable FhirNode contained(FhirNode container, String id) {
    for (FhirNode c : container.children("contained")) {
      if (id.equals(value(c, "id"))) {
        return c;
      }
    }
    return null;
  }

  private static @Nullable String value(FhirNode node, String child) {
    List<? extends FhirNode> c = node.children(child);
    return c.isEmpty() ? null : c.get(0).primitiveValue();
  }

  private static String stripHistory(String ref) {
    int h = ref.indexOf("/_history/");
    return h >= 0 ? ref.substring(0, h) : ref;
  }

  /** The last two segments of a reference, when they look like {@code Type/id}; null otherwise. */
  private static String @Nullable [] typeAndId(String ref) {
    int slash = ref.lastIndexOf('/');
    if (slash <= 0 || slash == ref.length() - 1) {
      return null;
    }
    int before = ref.lastIndexOf('/', slash - 1);
    String type = ref.substring(before + 1, slash);
    if (type.isEmpty() || !Character.isUpperCase(type.charAt(0))) {
      return null;
    }
    return new String[] {type, ref.substring(slash + 1)};
  }
}
