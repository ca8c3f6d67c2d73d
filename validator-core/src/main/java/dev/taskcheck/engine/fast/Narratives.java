package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The narrative checks of one resource (docs/engines/reference-behaviour.md §13), for a JSON
 * document, where the div is a string holding XHTML: how the reference engine reads it ({@link
 * XhtmlReader}), the XHTML rules ({@link XhtmlRules}), links and images ({@link NarrativeLinks}),
 * the resource's language against the div's, and whether the invariants txt-1 and txt-2 hold as HL7
 * evaluates them. Thread-safe, stateless.
 */
final class Narratives {

  /**
   * The outcome for one div.
   *
   * @param txt1 whether txt-1 holds (the walker reports the invariant)
   * @param txt2 whether txt-2 holds
   * @param localReferences the fragments the div's {@code #x} links and images name (without {@code
   *     #}); they count as references for the contained-orphan check
   */
  record Outcome(boolean txt1, boolean txt2, Set<String> localReferences) {}

  /**
   * Where the reference engine looks for the targets of {@code #x} links and images in one of its
   * passes over the div: in {@code resource} (any object in it whose {@code id} is x; ids and
   * {@code <a name>} anchors in every narrative in it), and, for a link that nothing there matches,
   * in each of {@code bundles} as a whole.
   *
   * @param resource the resource HL7 validates the div in (its {@code rootResource})
   * @param bundles the Bundles {@code resource} is inside, innermost first (not {@code resource}
   *     itself)
   */
  record LinkScope(Node resource, List<Node> bundles) {

    LinkScope {
      bundles = List.copyOf(bundles);
    }
  }

  private static final Outcome UNREADABLE = new Outcome(false, false, Set.of());

  /**
   * Checks the XHTML of a narrative div and reports the XHTML findings at {@code divExpression}
   * ({@code Task.text.div}) and the language findings at {@code resourceExpression} ({@code Task},
   * {@code Task.contained[0]}).
   *
   * @param div the div's text as written in the JSON (never null; an absent div is the walker's
   *     business)
   * @param resourceLanguage the value of the resource's {@code language} (null when absent or
   *     without value)
   * @param linkScopes where {@code #x} links and images are looked for, one per pass of the
   *     reference engine over the div (they may differ, and each pass reports what it finds): the
   *     resource whose {@code rootResource} HL7 validates the div in, with the Bundles it is
   *     inside. The document's Task and its contained resources: one scope, the document's Task. A
   *     Task entry E of a Bundle B: (E, [B]), and, when the TaskCheck profile pass runs, (B, []) as
   *     well. A resource contained in E: (E, [B]) without the profile pass; with it only (B, []),
   *     since the profile pass meets it first and the base pass reuses that outcome
   * @throws NotCovered where the reference engine fails on the div instead of reporting
   */
  Outcome check(
      String div,
      Loc divExpression,
      Loc resourceExpression,
      @Nullable String resourceLanguage,
      List<LinkScope> linkScopes,
      Findings out) {
    if (resourceLanguage == null && plain(div)) {
      return PLAIN;
    }
    return read(div, divExpression, resourceExpression, resourceLanguage, linkScopes, out);
  }

  /** What {@link #check} gives for a {@link #plain} div. */
  static final Outcome PLAIN = new Outcome(true, true, Set.of());

  private static final String PLAIN_START = "<div xmlns=\"" + XhtmlRules.XHTML + "\">";

  /**
   * Whether a div has the plainest form, one scan of its text: the div with the XHTML namespace and
   * no other attribute, one paragraph or more, each of them text with something other than spaces
   * and without markup, references or control characters, then the div's end and nothing after it.
   * The reader reads it to a div of paragraphs of text, in which the rules find nothing, txt-1 and
   * txt-2 hold and there is no link ({@link #PLAIN}; {@code NarrativesPlainTest} checks so against
   * {@link #read}): most generated narratives have this form, and reading one cost more than the
   * rest of its resource's datatypes.
   */
  static boolean plain(String div) {
    if (!div.startsWith(PLAIN_START)) {
      return false;
    }
    int n = div.length();
    int i = PLAIN_START.length();
    boolean any = false;
    while (div.startsWith("<p>", i)) {
      i += 3;
      boolean content = false;
      for (; i < n; i++) {
        char c = div.charAt(i);
        if (c == '<') {
          break;
        }
        if (c < ' ' || c == '>' || c == '&' || (c > '~' && c < '\u00A0') || c > '\uD7FF') {
          return false;
        }
        content |= c != ' ';
      }
      if (!content || !div.startsWith("</p>", i)) {
        return false;
      }
      i += 4;
      any = true;
    }
    return any && i + 6 == n && div.startsWith("</div>", i);
  }

  /** {@link #check} by reading the div: any div. */
  Outcome read(
      String div,
      Loc divExpression,
      Loc resourceExpression,
      @Nullable String resourceLanguage,
      List<LinkScope> linkScopes,
      Findings out) {
    NarrativeReport report = new NarrativeReport(out, divExpression, resourceExpression);
    XhtmlReader.Result read;
    try {
      read = XhtmlReader.read(div);
    } catch (XhtmlReader.Malformed e) {
      report.atDiv(
          NarrativeCheck.PARSE, "the narrative is not XHTML that can be read: " + e.getMessage());
      return UNREADABLE;
    }
    for (String entity : read.entities()) {
      report.atDiv(
          NarrativeCheck.ENTITY,
          "the entity "
              + entity
              + " is not defined in XML; write the character, "
              + "or a numeric reference, instead");
    }
    XhtmlNode root = read.root();
    XhtmlRules.check(root, report);
    Set<String> references = NarrativeLinks.check(root, div, linkScopes, report);
    if (resourceLanguage != null) {
      language(root, resourceLanguage, report);
    }
    return new Outcome(XhtmlRules.txt1(root), XhtmlRules.txt2(root), references);
  }

  /**
   * The resource's language against the div's {@code lang} and {@code xml:lang} (or its language
   * divs').
   */
  private static void language(XhtmlNode root, String language, NarrativeReport report) {
    String lang = root.attribute("lang");
    String xmlLang = root.attribute("xml:lang");
    if (lang == null && xmlLang == null && onlyLanguageDivs(root)) {
      XhtmlNode first = firstLanguageDiv(root);
      if (first == null) {
        throw new NotCovered(
            "a resource with a language whose narrative has no content: HL7 fails on it");
      }
      lang = first.attribute("lang");
      xmlLang = first.attribute("xml:lang");
    }
    if (lang == null && xmlLang == null) {
      report.atResource(
          NarrativeCheck.LANG_MISSING,
          "the resource's language is "
              + language
              + ", but its narrative does not say which language it is in (no lang or xml:lang on the div)");
      return;
    }
    if (lang == null) {
      report.atResource(
          NarrativeCheck.LANG_ONLY_XML, "the narrative's div has xml:lang but no lang");
    } else if (!lang.equals(language)) {
      report.atResource(
          NarrativeCheck.LANG_DIFFERENT,
          "the resource's language is " + language + ", but its narrative says lang=" + lang);
    }
    if (xmlLang == null) {
      report.atResource(NarrativeCheck.LANG_NO_XML, "the narrative's div has lang but no xml:lang");
    } else if (!xmlLang.equals(language) && !xmlLang.equals(lang)) {
      report.atResource(
          NarrativeCheck.XML_LANG_DIFFERENT,
          "the resource's language is "
              + language
              + ", but its narrative says xml:lang="
              + xmlLang);
    }
  }

  /**
   * Whether the root holds something, and all of it with content is in language divs (with
   * xml:lang).
   */
  private static boolean onlyLanguageDivs(XhtmlNode root) {
    for (XhtmlNode n : root.children()) {
      if (!n.hasAttribute("xml:lang") && n.hasContent()) {
        return false;
      }
    }
    return root.hasChildren();
  }

  private static @Nullable XhtmlNode firstLanguageDiv(XhtmlNode root) {
    for (XhtmlNode n : root.children()) {
      if (n.hasAttribute("xml:lang")) {
        return n;
      }
    }
    return null;
  }
}
