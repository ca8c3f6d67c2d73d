package dev.taskcheck.testdata.mutation;

/**
 * One value of a seed, placed and typed: a member's value, or one item of a member's array. It
 * knows the site of the object that holds it ({@code parent}, null for the document), the member
 * and the array index ({@code item}, -1 for the member's value itself), the element definition
 * (null for the document, a resource or an unknown element), its type (a primitive {@code code}, a
 * datatype {@code Quantity}, a backbone element's path {@code Task.input}, {@code Element} for the
 * extension holder {@code _x} of a primitive, a resource type for a resource; null for an unknown
 * element), its JSON pointer ({@code /entry/0/resource/status}), its FHIRPath ({@code
 * Bundle.entry[0].resource.status}, {@code Task.input[1].value.ofType(Ratio)}) and the resource it
 * is in (itself for a resource).
 */
final class Site {
  private final Site parent;
  private final JsonText.Member member;
  private final int item;
  private final JsonText.Value value;
  private final FhirTable.Element element;
  private final String type;
  private final String pointer;
  private final String path;
  private final Site resource;

  /** A site; {@code resource} null makes it a resource (its own resource). */
  Site(
      Site parent,
      JsonText.Member member,
      int item,
      JsonText.Value value,
      FhirTable.Element element,
      String type,
      String pointer,
      String path,
      Site resource) {
    this.parent = parent;
    this.member = member;
    this.item = item;
    this.value = value;
    this.element = element;
    this.type = type;
    this.pointer = pointer;
    this.path = path;
    this.resource = resource == null ? this : resource;
  }

  Site parent() {
    return parent;
  }

  JsonText.Member member() {
    return member;
  }

  int item() {
    return item;
  }

  JsonText.Value value() {
    return value;
  }

  FhirTable.Element element() {
    return element;
  }

  String type() {
    return type;
  }

  String pointer() {
    return pointer;
  }

  String path() {
    return path;
  }

  Site resource() {
    return resource;
  }

  /** The object that holds the member, or null for the document. */
  JsonText.Value owner() {
    return parent == null ? null : parent.value();
  }

  /** A member's whole value (not an item of its array). */
  boolean isMember() {
    return member != null && item < 0;
  }

  /** A resource: the document, a Bundle entry's resource, a contained resource. */
  boolean isResource() {
    return resource == this;
  }

  /** An array item. */
  boolean isItem() {
    return item >= 0;
  }

  /** The extension holder {@code _x} of a primitive (or one item of it). */
  boolean isShadow() {
    return member != null && member.name().startsWith("_");
  }

  /** A known element whose value (this site) is a JSON primitive of a FHIR primitive type. */
  boolean isPrimitive() {
    return type != null && FhirTable.isPrimitive(type) && !isShadow();
  }

  /** The element repeats (0..* or 1..*). */
  boolean repeats() {
    return element != null && element.repeats();
  }

  /** The element's name as written in JSON ({@code valueQuantity}), or null for the document. */
  String name() {
    return member == null ? null : member.name();
  }

  /** The resource type of the resource this value is in. */
  String resourceType() {
    return resource.type();
  }

  /** Whether this value is in a Task (top level, Bundle entry, or contained in a Task). */
  boolean inTask() {
    for (Site s = this; s != null; s = s.parent()) {
      if (s.isResource() && "Task".equals(s.type())) {
        return true;
      }
    }
    return false;
  }
}
