package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.XmlFacts;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An XML document read as FHIR's JSON form would hold it, so that the walker checks it as it checks
 * JSON: repeating elements become array items, primitives JSON strings, numbers or booleans (their
 * {@code id} and extensions a {@code _name} partner), the narrative {@code div} its XHTML text.
 * Every node keeps the position of its XML start tag.
 *
 * <p>What only XML can get wrong, and what the reference engine reports in XML words of its own
 * (docs/engines/reference-behaviour.md §6), is not reshaped: the document is not covered. That is
 * an irregularity the parser saw ({@link XmlFacts#irregularity}), an element the definitions do not
 * know or out of their order, a 0..1 element repeated, an element with neither value nor content,
 * an empty value, a value attribute on a complex element, an attribute where FHIR has an element or
 * the other way round, a number or boolean not written as JSON would write it (or a decimal with an
 * exponent), two types of one choice, and a narrative that is not XHTML.
 *
 * <p>The narrative's XHTML rules then run on the markup the parser wrote out again; their findings
 * are located at the {@code div}, as the reference engine locates them in XML.
 */
final class XmlShape {

  /**
   * A decimal as JSON writes it (RFC 8259), without an exponent: how the reference engine reads an
   * exponent in XML was not probed.
   */
  private static final Pattern JSON_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private final Types types;
  private final XmlFacts facts;

  private XmlShape(Types types, XmlFacts facts) {
    this.types = types;
    this.facts = facts;
  }

  /** The document's root resource in its JSON form. */
  static Node reshape(Node root, XmlFacts facts, Types types) {
    if (facts.irregularity() != null) {
      throw new NotCovered("an XML document with " + facts.irregularity());
    }
    return new XmlShape(types, facts).resource(root, root.name(), false);
  }

  private Node resource(Node xml, String name, boolean inArray) {
    String type = xml.resourceType();
    TypeDef def = type == null ? null : types.type(type);
    if (def == null || def.kind() != TypeDef.Kind.RESOURCE) {
      throw new NotCovered("an XML resource of a type the plan does not define");
    }
    List<Node> children = complexChildren(xml, def.root().children(), def);
    return Node.jsonShaped(
        name, null, type, xml.line(), xml.column(), children, Node.Kind.OBJECT, inArray);
  }

  /** The children of a complex XML element, in JSON form. */
  private List<Node> complexChildren(Node xml, List<ElementDef> childDefs, TypeDef owner) {
    ChildIndex index = types.index(childDefs);
    List<Node> out = new ArrayList<>(xml.children().size() + 2);
    List<Node> children = xml.children();
    int lastPosition = -1;
    int i = 0;
    while (i < children.size()) {
      Node first = children.get(i);
      String name = first.name();
      int end = i + 1;
      while (end < children.size() && children.get(end).name().equals(name)) {
        end++;
      }
      ChildIndex.Lookup found = index.find(name);
      if (found == null) {
        throw new NotCovered("an XML element or attribute the definitions do not know");
      }
      ElementDef def = found.def();
      boolean attribute = facts.isAttribute(first);
      // attributes come first in the tree; their order is not the definitions'
      if (!attribute) {
        if (found.position() < lastPosition) {
          throw new NotCovered("an XML element out of the definitions' order");
        }
        if (found.position() == lastPosition) {
          throw new NotCovered(
              "two types of one choice, or a repeat apart from the others, in XML");
        }
        lastPosition = found.position();
      }
      if (attribute != def.representation().contains("xmlAttr")) {
        throw new NotCovered("an XML attribute where FHIR has an element, or the other way round");
      }
      int count = end - i;
      if (count > 1 && def.max() <= 1) {
        throw new NotCovered("a repeated XML element whose maximum is 1");
      }
      String type = found.type() != null ? found.type() : def.singleType();
      boolean array = def.max() > 1;
      List<Node> group = children.subList(i, end);
      if (attribute) {
        String v = first.value();
        if (v == null || v.isEmpty()) {
          throw new NotCovered("an empty XML attribute");
        }
        out.add(primitiveNode(first, name, v, "string", false));
      } else if (type == null) {
        contentReference(group, def, owner, array, out);
      } else if (types.isPrimitive(type) || Types.isSystemType(type)) {
        primitives(group, name, type, array, out);
      } else if (types.isResource(type)) {
        for (Node c : group) {
          if (c.resourceType() == null) {
            throw new NotCovered("an XML resource container without one resource");
          }
          out.add(resource(c, name, array));
        }
      } else {
        for (Node c : group) {
          out.add(complex(c, name, def, type, owner, array));
        }
      }
      i = end;
    }
    return out;
  }

  private Node complex(
      Node xml, String name, ElementDef def, String type, TypeDef owner, boolean inArray) {
    if (xml.value() != null) {
      throw new NotCovered("a value attribute on a complex XML element");
    }
    if (xml.resourceType() != null) {
      throw new NotCovered("a resource where XML has a complex element");
    }
    if (xml.children().isEmpty()) {
      throw new NotCovered("an empty XML element");
    }
    boolean inline = !def.children().isEmpty();
    TypeDef typeDef = inline ? owner : types.type(type);
    if (typeDef == null) {
      throw new NotCovered("the type " + type + " the plan does not define");
    }
    List<Node> children = complexChildren(xml, types.children(def, type), typeDef);
    return Node.jsonShaped(
        name, null, null, xml.line(), xml.column(), children, Node.Kind.OBJECT, inArray);
  }

  private void contentReference(
      List<Node> group, ElementDef def, TypeDef owner, boolean array, List<Node> out) {
    String ref = def.contentReference();
    ElementDef target = ref == null ? null : types.contentReference(owner, ref);
    if (target == null) {
      throw new NotCovered("an element without a type: " + def.path());
    }
    for (Node c : group) {
      if (c.value() != null || c.resourceType() != null || c.children().isEmpty()) {
        throw new NotCovered("an XML element " + def.path() + " that is not an object");
      }
      List<Node> children = complexChildren(c, target.children(), owner);
      out.add(
          Node.jsonShaped(
              c.name(), null, null, c.line(), c.column(), children, Node.Kind.OBJECT, array));
    }
  }

  /**
   * Primitive elements: their values, then, when any has an id or extensions, their {@code _name}
   * partners (an array of them, aligned, with JSON nulls, for a repeating element).
   */
  private void primitives(
      List<Node> group, String name, String type, boolean array, List<Node> out) {
    List<@Nullable Node> partners = new ArrayList<>(group.size());
    boolean anyPartner = false;
    for (Node c : group) {
      Node partner = partner(c, name, type, array);
      partners.add(partner);
      anyPartner |= partner != null;
      String v = c.value();
      if ("xhtml".equals(type)) {
        String markup = facts.xhtml(c);
        if (markup == null) {
          throw new NotCovered("a narrative that is not XHTML");
        }
        out.add(primitiveNode(c, name, markup, type, array));
      } else if (v != null) {
        if (v.isEmpty()) {
          throw new NotCovered("an empty XML value attribute");
        }
        out.add(primitiveNode(c, name, v, type, array));
      } else if (partner == null) {
        throw new NotCovered("an empty XML element");
      } else if (array) {
        // a value given by its extensions alone: null in the JSON array
        out.add(
            Node.jsonShaped(
                name, null, null, c.line(), c.column(), List.of(), Node.Kind.NULL, true));
      }
      if ("xhtml".equals(type) && partner != null) {
        throw new NotCovered("a narrative with an id or extensions");
      }
    }
    if (!anyPartner) {
      return;
    }
    for (int k = 0; k < group.size(); k++) {
      Node p = partners.get(k);
      if (p != null) {
        out.add(p);
      } else if (array) {
        Node c = group.get(k);
        out.add(
            Node.jsonShaped(
                "_" + name, null, null, c.line(), c.column(), List.of(), Node.Kind.NULL, true));
      }
    }
  }

  /** A primitive element's {@code _name} partner (its id and extensions), or null without any. */
  private @Nullable Node partner(Node xml, String name, String type, boolean array) {
    if (xml.children().isEmpty()) {
      return null;
    }
    if (xml.resourceType() != null) {
      throw new NotCovered("a resource where XML has a primitive element");
    }
    TypeDef typeDef = types.type(type);
    if (typeDef == null || Types.isSystemType(type)) {
      throw new NotCovered("an id or extension on a " + type + " value");
    }
    List<Node> children = complexChildren(xml, typeDef.root().children(), typeDef);
    for (Node c : children) {
      if (!c.name().equals("id") && !c.name().equals("extension")) {
        throw new NotCovered("an XML element inside a primitive other than id and extension");
      }
    }
    return Node.jsonShaped(
        "_" + name, null, null, xml.line(), xml.column(), children, Node.Kind.OBJECT, array);
  }

  /** A primitive value as JSON would write it: a number, a boolean or a string. */
  private static Node primitiveNode(
      Node xml, String name, String value, String type, boolean array) {
    Node.Kind kind =
        switch (type) {
          case "boolean" -> {
            if (!value.equals("true") && !value.equals("false")) {
              throw new NotCovered("an XML boolean JSON would not write");
            }
            yield Node.Kind.BOOLEAN;
          }
          case "integer", "positiveInt", "unsignedInt" -> {
            if (!JSON_INTEGER.matcher(value).matches()) {
              throw new NotCovered("an XML integer JSON would not write");
            }
            yield Node.Kind.NUMBER;
          }
          case "decimal" -> {
            if (!JSON_DECIMAL.matcher(value).matches()) {
              throw new NotCovered("an XML decimal JSON would not write");
            }
            yield Node.Kind.NUMBER;
          }
          default -> Node.Kind.STRING;
        };
    return Node.jsonShaped(name, value, null, xml.line(), xml.column(), List.of(), kind, array);
  }
}
