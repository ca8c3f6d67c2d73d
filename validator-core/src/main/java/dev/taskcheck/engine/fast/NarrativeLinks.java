package dev.taskcheck.engine.fast;

import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The links and images of a narrative, as the reference engine checks them (HL7's {@code
 * InstanceValidator} {@code checkReferences} and {@code checkImageSources}, core 6.7.9): a link's
 * scheme, and where a {@code #x} link or image leads.
 *
 * <p>A {@code #x} link may lead to any element or resource of the resource being validated whose
 * {@code id} is x (the resource itself, its elements, its contained resources and theirs), and to
 * any element of a narrative in it whose {@code id} attribute is x, or any {@code <a name="x">};
 * when nothing there matches, the same is searched in each Bundle the resource is in, as a whole.
 * More than one match is a warning. A {@code #x} image may lead to the same, but not to an {@code
 * <a name>}, and is not searched for in the Bundle; more than one match is an error. Element ids
 * are read from the parse tree: an {@code id} inside an element the definitions do not know counts
 * here, where the reference engine, which drops unknown elements, does not see it.
 */
final class NarrativeLinks {

  /** A {@code #x} link or image: its element, where HL7 says it is, and x. */
  private record Target(XhtmlNode node, String path, String fragment, boolean image) {}

  private NarrativeLinks() {}

  /**
   * Checks the links and images of the div and returns the fragments its {@code #x} links and
   * images name.
   *
   * @param divText the div as written, to know it again among the narratives of a scope
   * @param scopes where the targets are looked for, one per pass of the reference engine
   */
  static Set<String> check(
      XhtmlNode div, String divText, List<Narratives.LinkScope> scopes, NarrativeReport report) {
    List<Target> targets = new ArrayList<>(0);
    links(div, report, targets);
    images(div, report, targets);
    if (targets.isEmpty()) {
      return Set.of();
    }
    Set<String> fragments = new LinkedHashSet<>();
    for (Target t : targets) {
      fragments.add(t.fragment());
    }
    for (Narratives.LinkScope scope : scopes) {
      for (Target t : targets) {
        resolve(t, scope, div, divText, report);
      }
    }
    return fragments;
  }

  /** Where HL7 says a link is: {@code div/p/a}. */
  private static String linkPath(XhtmlNode n) {
    XhtmlNode parent = n.parent();
    return parent == null ? "div" : linkPath(parent) + "/" + n.name();
  }

  /**
   * Where HL7 says an image is: {@code div} for the root, else the div's expression and the image's
   * name.
   */
  private static String imagePath(XhtmlNode n, NarrativeReport report) {
    return n.parent() == null ? "div" : report.divExpression() + "/" + n.name();
  }

  private static void links(XhtmlNode n, NarrativeReport report, List<Target> targets) {
    String href = n.isElement("a") ? n.attribute("href") : null;
    if (href != null) {
      if (href.isEmpty()) {
        report.atDiv(
            NarrativeCheck.EMPTY_HREF,
            "the link at " + linkPath(n) + " ('" + oneLine(n.allText()) + "') has an empty href");
      } else if (href.startsWith("#") && !href.equals("#")) {
        targets.add(new Target(n, linkPath(n), href.substring(1), false));
      } else if (href.indexOf(':') >= 0 && isAbsolute(href)) {
        scheme(href, linkPath(n), n, report);
      }
    }
    for (XhtmlNode c : n.children()) {
      links(c, report, targets);
    }
  }

  private static void scheme(String href, String path, XhtmlNode link, NarrativeReport report) {
    String scheme = href.substring(0, href.indexOf(':'));
    String where = " at " + path + " ('" + oneLine(link.allText()).trim() + "')";
    if (scheme.equals("javascript") || scheme.equals("vbscript")) {
      report.atDiv(
          NarrativeCheck.ACTIVE_HREF,
          "the link "
              + href
              + where
              + " runs a script ("
              + scheme
              + ":), which a narrative must not do");
    } else if (scheme.equals("urn") || scheme.equals("cid")) {
      report.atDiv(
          NarrativeCheck.LITERAL_HREF,
          "the link "
              + href
              + where
              + " has the scheme "
              + scheme
              + ":, which a browser cannot follow");
    } else if (!scheme.equals("http")
        && !scheme.equals("https")
        && !scheme.equals("tel")
        && !scheme.equals("mailto")
        && !scheme.equals("data")) {
      report.atDiv(
          NarrativeCheck.UNKNOWN_HREF,
          "the link "
              + href
              + " at "
              + path
              + " ('"
              + link.allText().trim()
              + "') has the scheme "
              + scheme
              + ":, which is not one a narrative is expected to use");
    }
  }

  private static void images(XhtmlNode n, NarrativeReport report, List<Target> targets) {
    String src = n.isElement("img") ? n.attribute("src") : null;
    if (src != null && src.startsWith("#")) {
      targets.add(new Target(n, imagePath(n, report), src.substring(1), true));
    }
    for (XhtmlNode c : n.children()) {
      images(c, report, targets);
    }
  }

  private static void resolve(
      Target t, Narratives.LinkScope scope, XhtmlNode div, String divText, NarrativeReport report) {
    String fragment = t.fragment();
    int count = count(scope.resource(), div, divText, fragment, !t.image());
    if (t.image()) {
      if (count == 0) {
        report.atDiv(
            NarrativeCheck.UNRESOLVED_IMG,
            "the image #"
                + fragment
                + " at "
                + t.path()
                + " is not in the resource: nothing there has the id "
                + fragment);
      } else if (count > 1) {
        report.atDiv(
            NarrativeCheck.MULTIPLE_MATCHES,
            Severity.ERROR,
            "the image #"
                + fragment
                + " at "
                + t.path()
                + " may be any of "
                + count
                + " places in the resource");
      }
      return;
    }
    if (count == 0) {
      for (Node bundle : scope.bundles()) {
        count += count(bundle, div, divText, fragment, true);
      }
    }
    if (count == 0) {
      report.atDiv(
          NarrativeCheck.UNRESOLVED_HREF,
          "the link #"
              + fragment
              + " at "
              + t.path()
              + " ('"
              + oneLine(t.node().allText()).trim()
              + "') leads nowhere: nothing in the resource has the id "
              + fragment);
    } else if (count > 1) {
      report.atDiv(
          NarrativeCheck.MULTIPLE_MATCHES,
          "the link #"
              + fragment
              + " at "
              + t.path()
              + " ('"
              + t.node().allText()
              + "') may lead to "
              + count
              + " places in the resource");
    }
  }

  /**
   * HL7's {@code Utilities.isAbsoluteUrl}: a known or lower-case token scheme, then something
   * without a space.
   */
  static boolean isAbsolute(String url) {
    int colon = url.indexOf(':');
    String scheme = url.substring(0, colon);
    String rest = url.substring(colon + 1);
    boolean schemeOk =
        scheme.equals("http")
            || scheme.equals("https")
            || scheme.equals("urn")
            || (isToken(scheme) && scheme.equals(scheme.toLowerCase(Locale.ROOT)))
            || url.startsWith("urn:iso:")
            || url.startsWith("urn:iso-iec:")
            || url.startsWith("urn:iso-cie:")
            || url.startsWith("urn:iso-astm:")
            || url.startsWith("urn:iso-ieee:")
            || url.startsWith("urn:iec:");
    return schemeOk && !rest.isEmpty() && rest.indexOf(' ') < 0;
  }

  private static boolean isToken(String s) {
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '[' && c != ']') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String oneLine(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * The elements under {@code node} whose id is the fragment, and the matches in their narratives.
   */
  private static int count(
      Node node, XhtmlNode div, String divText, String fragment, boolean anchors) {
    int count = fragment.equals(node.childValue("id")) ? 1 : 0;
    if (node.resourceType() != null) {
      Node text = node.child("text");
      Node narrative = text == null ? null : text.child("div");
      String xhtml = narrative == null ? null : narrative.value();
      if (xhtml != null) {
        count += countInDiv(xhtml, div, divText, fragment, anchors);
      }
    }
    for (Node c : node.children()) {
      // a narrative's div has no id (HL7 reads "_div" as an unknown property)
      if (!(c.name().equals("_div") && node.name().equals("text"))) {
        count += count(c, div, divText, fragment, anchors);
      }
    }
    return count;
  }

  private static int countInDiv(
      String xhtml, XhtmlNode div, String divText, String fragment, boolean anchors) {
    XhtmlNode root;
    if (xhtml.equals(divText)) {
      root = div;
    } else {
      try {
        root = XhtmlReader.read(xhtml).root();
      } catch (XhtmlReader.Malformed e) {
        return 0;
      }
    }
    return countInXhtml(root, fragment, anchors);
  }

  private static int countInXhtml(XhtmlNode n, String fragment, boolean anchors) {
    int count = 0;
    if (n.isElement()) {
      if (fragment.equals(n.attribute("id"))) {
        count++;
      }
      if (anchors && n.name().equals("a") && fragment.equals(n.attribute("name"))) {
        count++;
      }
    }
    for (XhtmlNode c : n.children()) {
      count += countInXhtml(c, fragment, anchors);
    }
    return count;
  }
}
