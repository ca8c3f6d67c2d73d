package dev.taskcheck.engine.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a narrative's XHTML must follow, as the reference engine checks them (HL7's {@code
 * XhtmlValidator}, core 6.7.9; docs/engines/reference-behaviour.md §13), and the two invariants of
 * {@code Narrative.div} as HL7 evaluates them ({@code htmlChecks()} for txt-1, {@code
 * htmlChecks2()} for txt-2). The lists of elements and attributes are HL7's. The element and
 * attribute rules look below the root only; the root is checked for its name and namespace, and by
 * txt-1.
 */
final class XhtmlRules {

  static final String XHTML = "http://www.w3.org/1999/xhtml";

  /** The elements a narrative may use. */
  private static final Set<String> ELEMENTS =
      Set.of(
          "p",
          "br",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "a",
          "span",
          "b",
          "em",
          "i",
          "strong",
          "small",
          "big",
          "tt",
          "dfn",
          "q",
          "var",
          "abbr",
          "acronym",
          "cite",
          "blockquote",
          "hr",
          "address",
          "bdo",
          "kbd",
          "sub",
          "sup",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "pre",
          "table",
          "caption",
          "colgroup",
          "col",
          "thead",
          "tr",
          "tfoot",
          "tbody",
          "th",
          "td",
          "code",
          "samp",
          "img",
          "map",
          "area");

  /** The attributes any element may have (besides the namespace declarations). */
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "title",
          "style",
          "class",
          "id",
          "lang",
          "xml:lang",
          "dir",
          "accesskey",
          "tabindex",
          "span",
          "width",
          "align",
          "valign",
          "char",
          "charoff",
          "abbr",
          "axis",
          "headers",
          "scope",
          "rowspan",
          "colspan");

  /** The attributes only some elements may have. */
  private static final Map<String, Set<String>> ELEMENT_ATTRIBUTES =
      Map.of(
          "a",
              Set.of(
                  "href", "name", "charset", "type", "hreflang", "rel", "rev", "shape", "coords"),
          "img", Set.of("src", "border", "alt", "longdesc", "height", "width", "usemap", "ismap"),
          "area", Set.of("shape", "coords", "href", "nohref", "alt"),
          "table",
              Set.of("summary", "width", "border", "frame", "rules", "cellspacing", "cellpadding"),
          "div", Set.of("xmlns"),
          "blockquote", Set.of("cite"),
          "q", Set.of("cite"),
          "map", Set.of("name"),
          "pre", Set.of("space"),
          "td", Set.of("nowrap"));

  /** The elements that may not be inside a {@code p}. */
  private static final Set<String> NOT_IN_PARAGRAPH =
      Set.of("div", "blockquote", "table", "ol", "ul", "p");

  /** The blocks that may not be inside paragraphs, headings, pre and inline elements. */
  private static final Set<String> BLOCKS = Set.of("div", "pre", "table", "ul", "ol");

  /** A data URL's media type, as HL7's {@code MimeTypeUtil} checks it. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("^(\\w+|\\*)/([\\w-+]+|\\*)((;\\s*(\\w+)=\\s*(\\S+))?)$");

  private XhtmlRules() {}

  /** Reports every rule the XHTML breaks, at the div, in the reference engine's order. */
  static void check(XhtmlNode root, NarrativeReport report) {
    String ns = root.namespace();
    if (!XHTML.equals(ns)) {
      report.atDiv(
          NarrativeCheck.NAMESPACE,
          "the narrative's div must be in the XHTML namespace "
              + XHTML
              + (ns == null ? ", it declares none" : ", not '" + ns + "'"));
    }
    innerNamespaces(root, report);
    if (!root.name().equals("div")) {
      report.atDiv(
          NarrativeCheck.ROOT_NAME,
          "the narrative's root element must be a div, not <" + root.name() + ">");
    }
    names(root, false, report);
    urls(root, report);
    structure(root, report);
    mixedLanguages(root, report);
    duplicateIds(root, report);
  }

  private static void innerNamespaces(XhtmlNode parent, NarrativeReport report) {
    for (XhtmlNode n : parent.children()) {
      if (n.isElement()) {
        String ns = n.namespace();
        if (ns != null && !ns.equals(XHTML)) {
          report.atDiv(
              NarrativeCheck.NAMESPACE,
              "an element of the narrative is in the namespace '"
                  + ns
                  + "'; only XHTML ("
                  + XHTML
                  + ") is allowed");
        }
        innerNamespaces(n, report);
      }
    }
  }

  private static boolean allowed(String element, String attribute) {
    if (attribute.startsWith("xmlns") || ATTRIBUTES.contains(attribute)) {
      return true;
    }
    Set<String> own = ELEMENT_ATTRIBUTES.get(element);
    return own != null && own.contains(attribute);
  }

  private static boolean isDoctype(XhtmlNode n) {
    return n.kind() == XhtmlNode.Kind.COMMENT && n.content().startsWith("DOCTYPE");
  }

  /** Elements, attributes and blocks inside paragraphs, below the root. */
  private static void names(XhtmlNode parent, boolean inParagraph, NarrativeReport report) {
    for (XhtmlNode n : parent.children()) {
      if (isDoctype(n)) {
        report.atDiv(
            NarrativeCheck.DOCTYPE,
            "the narrative holds a DOCTYPE declaration, which is not allowed");
      }
      if (!n.isElement()) {
        continue;
      }
      String name = n.name();
      if (!ELEMENTS.contains(name)) {
        report.atDiv(
            NarrativeCheck.ELEMENT, "the element <" + name + "> is not allowed in a narrative");
      }
      for (int i = 0; i < n.attributeCount(); i++) {
        String attribute = n.attributeName(i);
        if (allowed(name, attribute)) {
          continue;
        }
        if (attribute.equals("xml:space")) {
          report.atDiv(
              NarrativeCheck.XML_SPACE,
              "the attribute " + attribute + " on <" + name + "> has no effect in a narrative");
        } else {
          report.atDiv(
              NarrativeCheck.ATTRIBUTE,
              "the attribute '" + attribute + "' is not allowed on <" + name + "> in a narrative");
        }
      }
      if (inParagraph && NOT_IN_PARAGRAPH.contains(name)) {
        report.atDiv(
            NarrativeCheck.BLOCK_IN_PARAGRAPH, "<" + name + "> cannot be inside a paragraph (<p>)");
      }
      names(n, inParagraph || name.equals("p"), report);
    }
  }

  private static void urls(XhtmlNode parent, NarrativeReport report) {
    for (XhtmlNode n : parent.children()) {
      if (!n.isElement()) {
        continue;
      }
      String attribute = n.name().equals("a") ? "href" : n.name().equals("img") ? "src" : null;
      String url = attribute == null ? null : n.attribute(attribute);
      String problem = url == null ? null : urlProblem(url);
      if (problem != null) {
        report.atDiv(
            NarrativeCheck.URL,
            "the "
                + attribute
                + " '"
                + url
                + "' of <"
                + n.name()
                + "> is not a valid URL: "
                + problem);
      }
      urls(n, report);
    }
  }

  /**
   * What is wrong with a link or image URL (HL7's {@code UrlUtil.checkValidUrl}), or null if
   * nothing.
   */
  static @Nullable String urlProblem(String url) {
    if (url.isEmpty()) {
      return "it is empty";
    }
    if (url.startsWith("data:")) {
      return dataUrlProblem(url);
    }
    Set<Character> bad = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (!Character.isDigit(c)
          && !Character.isAlphabetic(c)
          && ";?:@&=+$.,/%-_~#[]!'()*|".indexOf(c) < 0) {
        if (bad == null) {
          bad = new TreeSet<>();
        }
        bad.add(c);
      }
    }
    return bad == null ? null : "it contains " + bad;
  }

  private static @Nullable String dataUrlProblem(String url) {
    @SuppressWarnings("StringSplitter") // String.split as the reference engine splits
    String[] parts = url.substring(5).split(",");
    if (parts.length < 2) {
      return "the data URL has no data";
    }
    if (parts.length > 2) {
      return "the data URL has more than one comma";
    }
    if (parts[0].endsWith(";base64") && !isBase64(parts[1])) {
      return "the data of the data URL is not base64";
    }
    String head = parts[0].startsWith(" ") ? trimWhitespace(parts[0]) : parts[0];
    String mediaType = head.endsWith(";base64") ? head.substring(0, head.lastIndexOf(';')) : head;
    if (!mediaType.trim().isEmpty() && !MEDIA_TYPE.matcher(mediaType).matches()) {
      return "the media type '" + mediaType + "' of the data URL is not valid";
    }
    return null;
  }

  /** HL7's lenient test: the letters, digits, '+', '/' and '=' count up to a multiple of 4. */
  private static boolean isBase64(String data) {
    int count = 0;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (!isWhitespace(c) && (Character.isLetterOrDigit(c) || c == '/' || c == '=' || c == '+')) {
        count++;
      }
    }
    return count % 4 == 0;
  }

  /** HL7's whitespace: XML's, NEL, no-break spaces and the Unicode spaces and separators. */
  private static boolean isWhitespace(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\u000C'
        || c == '\r'
        || c == ' '
        || c == '\u0085'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  private static String trimWhitespace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Where an element is, as the reference engine names it in its messages: {@code div/p/b}. */
  private static String path(XhtmlNode n) {
    XhtmlNode parent = n.parent();
    return parent == null ? "div" : path(parent) + "/" + n.name();
  }

  /** The structure rules: what may be in what. */
  private static void structure(XhtmlNode parent, NarrativeReport report) {
    for (XhtmlNode c : parent.children()) {
      if (!c.isElement()) {
        continue;
      }
      switch (c.name()) {
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "span" ->
            noBlocks(c, report);
        case "br", "img", "hr", "area" -> noChildren(c, report);
        case "a",
            "b",
            "em",
            "i",
            "strong",
            "small",
            "big",
            "sub",
            "sup",
            "code",
            "tt",
            "dfn",
            "q",
            "var",
            "abbr",
            "acronym",
            "cite",
            "bdo",
            "kbd",
            "samp" -> {
          noBlocks(c, report);
          noRecursion(c, report);
        }
        case "table" ->
            onlyChildren(c, report, "tbody", "tr", "caption", "thead", "tfoot", "col", "colgroup");
        case "tr" -> {
          inside(c, parent, report, "table", "thead", "tfoot", "tbody");
          onlyChildren(c, report, "td", "th");
        }
        case "tbody", "thead", "tfoot" -> {
          inside(c, parent, report, "table");
          onlyChildren(c, report, "tr");
        }
        case "ul", "ol" -> onlyChildren(c, report, "li");
        case "caption" -> {
          noBlocks(c, report);
          inside(c, parent, report, "table");
        }
        case "colgroup" -> inside(c, parent, report, "table");
        case "col" -> inside(c, parent, report, "colgroup", "table");
        case "th", "td" -> inside(c, parent, report, "tr", "thead", "tfoot");
        case "li" -> inside(c, parent, report, "ul", "ol");
        case "dl" -> onlyChildren(c, report, "dd", "dt");
        case "dd", "dt" -> {
          noBlocks(c, report);
          inside(c, parent, report, "dl");
        }
        case "map" -> onlyChildren(c, report, "area");
        default -> {}
      }
      structure(c, report);
    }
  }

  /**
   * The descendants of {@code x} with one of the names, as paths from {@code x} ({@code p/div}).
   */
  private static List<String> descendants(
      XhtmlNode x, String path, Set<String> names, List<String> found) {
    for (XhtmlNode c : x.children()) {
      if (c.isElement()) {
        String childPath = null;
        if (names.contains(c.name())) {
          childPath = path + "/" + c.name();
          found.add(childPath);
        }
        if (c.hasChildren()) {
          descendants(c, childPath != null ? childPath : path + "/" + c.name(), names, found);
        }
      }
    }
    return found;
  }

  private static void noBlocks(XhtmlNode x, NarrativeReport report) {
    List<String> found = descendants(x, x.name(), BLOCKS, new ArrayList<>(0));
    if (!found.isEmpty()) {
      report.atDiv(
          NarrativeCheck.BLOCK_INSIDE,
          "<"
              + x.name()
              + "> at "
              + path(x)
              + " holds blocks it cannot hold: "
              + String.join(",", found));
    }
  }

  private static void noRecursion(XhtmlNode x, NarrativeReport report) {
    List<String> found = descendants(x, x.name(), Set.of(x.name()), new ArrayList<>(0));
    if (!found.isEmpty()) {
      report.atDiv(
          NarrativeCheck.RECURSION,
          "<"
              + x.name()
              + "> at "
              + path(x)
              + " holds another <"
              + x.name()
              + ">: "
              + String.join(",", found));
    }
  }

  private static void noChildren(XhtmlNode x, NarrativeReport report) {
    if (x.hasChildren()) {
      report.atDiv(
          NarrativeCheck.NO_CHILDREN, "<" + x.name() + "> at " + path(x) + " must be empty");
    }
  }

  private static void inside(
      XhtmlNode x, XhtmlNode parent, NarrativeReport report, String... containers) {
    for (String container : containers) {
      if (container.equals(parent.name())) {
        return;
      }
    }
    report.atDiv(
        NarrativeCheck.OUT_OF_PLACE,
        "<"
            + x.name()
            + "> must be inside "
            + String.join("|", containers)
            + ", not <"
            + parent.name()
            + ">, at "
            + path(x));
  }

  private static void onlyChildren(XhtmlNode x, NarrativeReport report, String... allowed) {
    List<String> wrong = null;
    for (XhtmlNode c : x.children()) {
      String what = null;
      if (c.kind() == XhtmlNode.Kind.TEXT && c.hasContent()) {
        what = "@text";
      } else if (c.isElement() && !List.of(allowed).contains(c.name())) {
        what = c.name();
      }
      if (what != null) {
        if (wrong == null) {
          wrong = new ArrayList<>();
        }
        wrong.add(what);
      }
    }
    if (wrong != null) {
      report.atDiv(
          NarrativeCheck.ILLEGAL_CHILDREN,
          "<" + x.name() + "> at " + path(x) + " cannot hold " + String.join(",", wrong));
    }
  }

  /** Divs with {@code xml:lang} (one per language) next to other content. */
  private static void mixedLanguages(XhtmlNode root, NarrativeReport report) {
    Set<String> languages = null;
    boolean other = false;
    for (XhtmlNode n : root.children()) {
      if (n.isElement("div") && n.hasAttribute("xml:lang")) {
        if (languages == null) {
          languages = new HashSet<>();
        }
        languages.add(n.attribute("xml:lang"));
      } else if (n.hasContent()) {
        other = true;
      }
    }
    if (languages != null && other) {
      languages.remove(null);
      report.atDiv(
          NarrativeCheck.MIXED_LANG,
          "the narrative has divs per language ("
              + String.join(", ", languages)
              + ") and other content besides them");
    }
  }

  /** The same id (or anchor name) twice below the root. */
  private static void duplicateIds(XhtmlNode root, NarrativeReport report) {
    Map<@Nullable String, Integer> repeats = collectIds(root, new HashSet<>(), null);
    if (repeats != null) {
      List<String> summary = new ArrayList<>();
      for (String id : new TreeSet<>(withoutNull(repeats.keySet()))) {
        summary.add(id + " (" + repeats.get(id) + "x)");
      }
      report.atDiv(
          NarrativeCheck.DUPLICATE_IDS,
          "ids used more than once in the narrative: " + String.join(", ", summary));
    }
  }

  private static Set<String> withoutNull(Set<@Nullable String> ids) {
    Set<String> out = new HashSet<>();
    for (String id : ids) {
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  private static @Nullable Map<@Nullable String, Integer> collectIds(
      XhtmlNode parent,
      Set<@Nullable String> seen,
      @Nullable Map<@Nullable String, Integer> repeats) {
    Map<@Nullable String, Integer> out = repeats;
    for (XhtmlNode n : parent.children()) {
      if (!n.isElement()) {
        continue;
      }
      String id = null;
      if (n.hasAttribute("id")) {
        id = n.attribute("id");
        out = count(id, seen, out);
      }
      if (n.name().equals("a") && n.hasAttribute("name")) {
        String anchor = n.attribute("name");
        if (anchor == null) {
          throw new NotCovered("an <a name> without value, on which HL7's XHTML checks fail");
        }
        if (!anchor.equals(id)) {
          out = count(anchor, seen, out);
        }
      }
      out = collectIds(n, seen, out);
    }
    return out;
  }

  private static @Nullable Map<@Nullable String, Integer> count(
      @Nullable String id,
      Set<@Nullable String> seen,
      @Nullable Map<@Nullable String, Integer> repeats) {
    if (seen.add(id)) {
      return repeats;
    }
    Map<@Nullable String, Integer> out = repeats == null ? new HashMap<>() : repeats;
    out.merge(id, 2, (a, b) -> a + 1);
    return out;
  }

  /**
   * txt-1 as HL7 evaluates it: only allowed elements and attributes ({@code xml:space} too), no
   * DOCTYPE.
   */
  static boolean txt1(XhtmlNode n) {
    if (isDoctype(n)) {
      return false;
    }
    if (!n.isElement()) {
      return true;
    }
    if (!ELEMENTS.contains(n.name())) {
      return false;
    }
    for (int i = 0; i < n.attributeCount(); i++) {
      String attribute = n.attributeName(i);
      if (!allowed(n.name(), attribute) && !attribute.equals("xml:space")) {
        return false;
      }
    }
    for (XhtmlNode c : n.children()) {
      if (!txt1(c)) {
        return false;
      }
    }
    return true;
  }

  /** txt-2 as HL7 evaluates it: some text other than whitespace, or an image, anywhere. */
  static boolean txt2(XhtmlNode n) {
    if (n.kind() == XhtmlNode.Kind.TEXT ? !n.content().trim().isEmpty() : n.isElement("img")) {
      return true;
    }
    for (XhtmlNode c : n.children()) {
      if (txt2(c)) {
        return true;
      }
    }
    return false;
  }
}
