package dev.taskcheck.parse;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the XML parser saw that the {@link Node} tree does not keep, for an engine that checks the
 * tree as FHIR's JSON form would hold it (the fast engine): the first thing in the document that
 * only the XML form can get wrong, the narrative {@code div}s as XHTML text, and which nodes were
 * attributes rather than elements.
 *
 * @param irregularity the first XML-only irregularity found (an attribute FHIR XML does not have,
 *     an element outside the FHIR namespace, text or CDATA directly inside a FHIR element, a
 *     processing instruction inside the resource, an {@code id} attribute on a resource element, a
 *     declared encoding other than UTF-8, a CDATA section, an XHTML namespace declared outside the
 *     narrative's {@code div}), or null when there is none
 * @param xhtml each XHTML element of the document (a narrative's {@code div}), by node identity:
 *     its markup written out again (namespace declarations, attributes, text, comments)
 * @param attributes the nodes that stand for an {@code id} or {@code url} attribute, by identity
 */
public record XmlFacts(
    @Nullable String irregularity, Map<Node, String> xhtml, Set<Node> attributes) {

  public XmlFacts {
    // the parser's identity map and set, not copied: a copy would compare nodes by equality
    xhtml = Collections.unmodifiableMap(xhtml);
    attributes = Collections.unmodifiableSet(attributes);
  }

  /** Whether this node stands for an attribute of its element. */
  public boolean isAttribute(Node node) {
    return attributes.contains(node);
  }

  /** The XHTML markup of an XHTML element, or null when the node is none. */
  public @Nullable String xhtml(Node node) {
    return xhtml.get(node);
  }
}
