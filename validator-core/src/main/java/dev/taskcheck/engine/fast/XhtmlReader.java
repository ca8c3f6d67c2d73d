package dev.taskcheck.engine.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a narrative's XHTML the way the reference engine reads the {@code div} of a JSON resource
 * (HL7's {@code XhtmlParser} in XML mode, core 6.7.9), so that the same texts are refused and the
 * same trees come out. That parser is not an XML parser; what it accepts and refuses, in short:
 *
 * <ul>
 *   <li>before the root element: whitespace, a byte order mark, comments, a processing instruction,
 *       a {@code <!DOCTYPE ...>}; then the text must go on with {@code <}, else it is refused
 *       ({@code "just text"});
 *   <li>only the root element is read: whatever follows its end tag is ignored, and elements left
 *       open at the end of the text are accepted as closed; an end tag must repeat the element's
 *       name exactly (its prefix aside, nothing else before the {@code >}), else the text is
 *       refused;
 *   <li>the root's name is read in lower case; names are letters, digits and {@code _-:.}; {@code
 *       <} in text must start an element, an end tag, a comment, {@code <![...]]>} or {@code
 *       <?...>};
 *   <li>attributes may have no value ({@code <td nowrap>}) or an unquoted one, and a {@code >} ends
 *       a quoted value;
 *   <li>character references: <code>&amp;#n;</code> and <code>&amp;#xh;</code> as Java reads the
 *       number (a value that is no code point is refused, <code>&amp;#X41;</code> and other
 *       unreadable forms stand for nothing); named ones from {@link XhtmlEntities}, where any name
 *       but {@code amp lt gt quot apos} is also reported as an entity XML does not know; an unknown
 *       name is refused; the reference ends at the first {@code ; & ' " > <} (which it consumes,
 *       whatever it is);
 *   <li>{@code <script>} takes everything up to {@code </script>} as its text.
 * </ul>
 *
 * Texts the reference engine does not get through (it loops without end, or reads entities a
 * DOCTYPE declares) throw {@link NotCovered}. Not thread-safe: one reader per text.
 */
final class XhtmlReader {

  /** The text is not XHTML the reference engine can read; the message says where it stops. */
  static final class Malformed extends Exception {

    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private static final char END = '\uFFFF';
  private static final String UNDEFINED_NAMESPACE = "http://error/undefined-namespace";

  /**
   * The namespaces in scope at an element, as HL7's parser tracks them. Never changed once made.
   */
  private record Scope(
      @Nullable String defaultNamespace,
      @Nullable String originalPrefix,
      Map<String, String> prefixes) {

    static final Scope EMPTY = new Scope(null, null, Map.of());
  }

  private final String text;
  private final int length;
  private int pos;
  private final List<String> entities = new ArrayList<>(0);

  private XhtmlReader(String text) {
    this.text = text;
    this.length = text.length();
  }

  /**
   * The outcome of a read: the root element, and the entities outside XML's five met on the way.
   */
  record Result(XhtmlNode root, List<String> entities) {}

  /**
   * Reads a narrative.
   *
   * @throws Malformed when the reference engine refuses the text ("Error parsing XHTML")
   * @throws NotCovered when the reference engine cannot read the text at all
   */
  static Result read(String text) throws Malformed {
    if (text.indexOf(END) >= 0) {
      throw new NotCovered(
          "the narrative holds U+FFFF, which HL7's XHTML parser takes for the end of the text");
    }
    XhtmlReader r = new XhtmlReader(text);
    XhtmlNode root = r.document();
    return new Result(root, r.entities);
  }

  private char peek() {
    return pos < length ? text.charAt(pos) : END;
  }

  private char next() {
    return pos < length ? text.charAt(pos++) : END;
  }

  private static Malformed malformed(String what) {
    return new Malformed(what);
  }

  private XhtmlNode document() throws Malformed {
    prologue();
    if (peek() != '<') {
      throw malformed(
          peek() == END
              ? "the narrative is empty"
              : "the narrative does not start with an element");
    }
    pos++;
    String rawName = name().toLowerCase(Locale.ROOT);
    XhtmlNode root = XhtmlNode.root(localName(rawName));
    Scope scope = startTag(root, rawName, null);
    if (!selfClosed(root)) {
      content(root, scope);
    }
    return root;
  }

  private static String localName(String rawName) {
    return rawName.substring(rawName.indexOf(':') + 1);
  }

  /** The rest of a start tag after its name: the attributes, and the namespaces they declare. */
  private Scope startTag(XhtmlNode element, String rawName, @Nullable Scope parent)
      throws Malformed {
    attributes(element);
    int colon = rawName.indexOf(':');
    return namespaces(colon < 0 ? null : rawName.substring(0, colon), element, parent);
  }

  /** After the attributes: true for {@code />}, false for {@code >} (or the end of the text). */
  private boolean selfClosed(XhtmlNode element) throws Malformed {
    if (next() != '/') {
      return false;
    }
    if (peek() != '>') {
      throw malformed("'/' not followed by '>' in the tag of <" + element.name() + ">");
    }
    pos++;
    return true;
  }

  /** Whitespace, comments, a DOCTYPE and processing instructions before the root element. */
  private void prologue() throws Malformed {
    while (true) {
      while (Character.isWhitespace(peek()) || peek() == '\uFEFF') {
        pos++;
      }
      if (peek() != '<') {
        return;
      }
      pos++;
      if (peek() == '!') {
        pos++;
        if (peek() == '-') {
          pos++;
          if (peek() != '-') {
            throw malformed("'<!-' that does not start a comment");
          }
          pos++;
          if (peek() == ' ') {
            pos++;
          }
          comment(false);
        } else {
          int end = text.indexOf('>', pos);
          if (end < 0) {
            throw malformed("a declaration before the root element is not closed");
          }
          pos = end + 1;
        }
      } else if (peek() == '?') {
        if (tagRest().length() < 2) {
          throw malformed("an empty processing instruction");
        }
      } else {
        pos--;
        return;
      }
    }
  }

  private String name() {
    int start = pos;
    while (pos < length && isNameChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.';
  }

  /** Everything up to the next {@code >}, which is consumed. */
  private String tagRest() throws Malformed {
    int end = text.indexOf('>', pos);
    if (end < 0) {
      throw malformed("a tag is not closed before the end of the narrative");
    }
    String s = text.substring(pos, end);
    pos = end + 1;
    return s;
  }

  private void skipWhitespace() {
    while (Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private void attributes(XhtmlNode element) throws Malformed {
    skipWhitespace();
    while (peek() != '>' && peek() != '/' && peek() != END) {
      String attributeName = name();
      if (attributeName.isEmpty()) {
        throw malformed("unreadable attribute on <" + element.name() + ">");
      }
      skipWhitespace();
      char c = peek();
      if (isNameChar(c) || c == '>' || c == '/') {
        element.setAttribute(attributeName, null);
      } else if (c != '=') {
        throw malformed(
            "unreadable value of the attribute '"
                + attributeName
                + "' on <"
                + element.name()
                + ">");
      } else {
        pos++;
        skipWhitespace();
        char quote = peek();
        if (quote == '"' || quote == '\'') {
          pos++;
          element.setAttribute(attributeName, attributeValue(quote));
        } else {
          element.setAttribute(attributeName, attributeValue(END));
        }
      }
      skipWhitespace();
    }
  }

  /** A value ends at its quote, at {@code >}, at the end, or (unquoted) at {@code /}. */
  private String attributeValue(char quote) throws Malformed {
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = peek();
      if (c == END || c == '>' || c == quote || (quote == END && c == '/')) {
        break;
      }
      if (c == '&') {
        reference(b);
      } else {
        b.append(c);
        pos++;
      }
    }
    if (peek() == quote && quote != END) {
      pos++;
    }
    return b.toString();
  }

  /**
   * Replaces the element's namespace declarations by the {@code xmlns} it ends up with, as HL7's
   * parser normalises them, and returns the scope of its children.
   */
  private Scope namespaces(@Nullable String prefix, XhtmlNode element, @Nullable Scope parent) {
    Scope scope = parent == null ? Scope.EMPTY : parent;
    String declaredDefault = null;
    boolean hasDefault = false;
    Map<String, String> declared = null;
    for (int i = element.attributeCount() - 1; i >= 0; i--) {
      String attributeName = element.attributeName(i);
      if (attributeName.equals("xmlns") || attributeName.startsWith("xmlns:")) {
        String value = element.attributeValue(i);
        if (value == null) {
          throw new NotCovered(
              "a namespace declaration without value, on which HL7's XHTML parser fails");
        }
        if (attributeName.length() == 5) {
          hasDefault = true;
          declaredDefault = value;
        } else {
          if (declared == null) {
            declared = new HashMap<>(scope.prefixes());
          }
          declared.put(attributeName.substring(6), value);
        }
        element.removeAttribute(attributeName);
      }
    }
    if (hasDefault || declared != null) {
      scope =
          new Scope(
              hasDefault ? declaredDefault : scope.defaultNamespace(),
              scope.originalPrefix(),
              declared != null ? declared : scope.prefixes());
    }
    if (prefix != null) {
      String namespace =
          prefix.equals(scope.originalPrefix())
              ? scope.defaultNamespace()
              : scope.prefixes().getOrDefault(prefix, UNDEFINED_NAMESPACE);
      if (namespace != null && !namespace.equals(scope.defaultNamespace())) {
        element.setAttribute("xmlns", namespace);
        Map<String, String> prefixes = new HashMap<>(scope.prefixes());
        prefixes.remove(prefix);
        scope = new Scope(namespace, prefix, prefixes);
      }
    }
    String own = scope.defaultNamespace();
    if (own != null && (parent == null || !own.equals(parent.defaultNamespace()))) {
      element.setAttribute("xmlns", own);
    }
    return scope;
  }

  /** The content of an element, up to its end tag or the end of the text. */
  private void content(XhtmlNode element, Scope scope) throws Malformed {
    StringBuilder b = null;
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == '<') {
        flushText(element, b);
        pos++;
        char d = peek();
        if (d == '!') {
          pos++;
          if (peek() == '[') {
            element.addContent(XhtmlNode.Kind.CDATA, cdata());
          } else {
            pos--;
            element.addContent(XhtmlNode.Kind.COMMENT, comment(true));
          }
        } else if (d == '?') {
          element.addContent(XhtmlNode.Kind.COMMENT, tagRest());
        } else if (d == '/') {
          pos++;
          String local = localName(tagRest());
          if (local.equals(element.name())) {
            return;
          }
          throw malformed("found </" + local + "> where </" + element.name() + "> was expected");
        } else if (Character.isLetterOrDigit(d)) {
          element(element, scope);
        } else {
          throw malformed("'<' followed by '" + d + "' in <" + element.name() + ">");
        }
      } else if (c == '&') {
        if (b == null) {
          b = new StringBuilder();
        }
        reference(b);
      } else {
        int stop = markup(pos + 1);
        if (b == null && (stop == length || text.charAt(stop) == '<')) {
          // text with no reference in it, the usual case: one copy, not a builder's two
          element.addContent(XhtmlNode.Kind.TEXT, text.substring(pos, stop));
          pos = stop;
          continue;
        }
        if (b == null) {
          b = new StringBuilder(stop - pos);
        }
        b.append(text, pos, stop);
        pos = stop;
      }
    }
    flushText(element, b);
  }

  /** Where the next '&' is at or after {@link #pos}, or {@link #length}; kept between calls. */
  private int nextReference = -1;

  /**
   * The first '<' or '&' at or after {@code from}, or {@link #length}: found with {@link
   * String#indexOf}, which reads many characters a step, where a loop over the characters read one.
   */
  private int markup(int from) {
    int lt = text.indexOf('<', from);
    if (nextReference < from) {
      int amp = text.indexOf('&', from);
      nextReference = amp < 0 ? length : amp;
    }
    return Math.min(lt < 0 ? length : lt, nextReference);
  }

  private static void flushText(XhtmlNode element, @Nullable StringBuilder b) {
    if (b != null && b.length() > 0) {
      element.addContent(XhtmlNode.Kind.TEXT, b.toString());
      b.setLength(0);
    }
  }

  private void element(XhtmlNode parent, Scope scope) throws Malformed {
    String rawName = name();
    XhtmlNode element = parent.addElement(localName(rawName));
    Scope inner = startTag(element, rawName, scope);
    if (selfClosed(element)) {
      return;
    }
    if (element.name().equals("script")) {
      script(element);
    } else {
      content(element, inner);
    }
  }

  /**
   * A script's text runs to {@code </script>}; without one, the last nine characters are dropped.
   */
  private void script(XhtmlNode element) {
    int end = text.indexOf("</script>", pos);
    String body;
    if (end >= 0) {
      body = text.substring(pos, end);
      pos = end + 9;
    } else {
      body = text.substring(pos);
      body = body.length() >= 9 ? body.substring(0, body.length() - 9) : body;
      pos = length;
    }
    if (!body.isEmpty()) {
      element.addContent(XhtmlNode.Kind.TEXT, body);
    }
  }

  /**
   * After {@code <!}, at {@code [}: the section runs to the first {@code ]]>}, its text from the
   * eighth character.
   */
  private String cdata() throws Malformed {
    int end = text.indexOf("]]>", pos + 1);
    if (end < 0) {
      throw malformed("a <![ section is not closed");
    }
    int start = pos;
    pos = end + 3;
    if (end - start < 7) {
      throw malformed("a <![ section too short to be CDATA");
    }
    return text.substring(start + 7, end);
  }

  /**
   * A comment, after {@code <!} (or after {@code <!--} and a space before the root): HL7's reading,
   * where a comment not opened with {@code --} ends at the first {@code >}, and one opened with
   * {@code --} at {@code -->}.
   */
  private String comment(boolean simple) throws Malformed {
    boolean endsAtBracket = simple;
    if (peek() == '!') {
      pos++;
    }
    StringBuilder b = new StringBuilder();
    if (peek() == '-') {
      pos++;
      endsAtBracket = peek() != '-';
      if (endsAtBracket) {
        b.append('-');
      } else {
        pos++;
      }
    }
    while (true) {
      char c = peek();
      if (c == '-') {
        pos++;
        if (peek() == '-') {
          pos++;
          if (peek() == '>') {
            break;
          }
          pos--;
        }
        b.append('-');
      } else if (endsAtBracket && c == '>') {
        break;
      } else if (c == '[' && b.length() >= 8 && "DOCTYPE ".contentEquals(b.subSequence(0, 8))) {
        throw new NotCovered("a DOCTYPE with entity declarations in a narrative");
      } else if (c == END) {
        throw malformed("a comment is not closed");
      } else {
        b.append(c);
        pos++;
      }
    }
    pos++;
    return b.toString();
  }

  /**
   * A character or entity reference, at <code>&amp;</code>: appends what it stands for.
   *
   * @throws NotCovered when nothing ends the reference: HL7's parser then reads on for ever
   */
  private void reference(StringBuilder b) throws Malformed {
    pos++;
    int end = pos;
    while (end < length && ";&'\"><\0".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end >= length) {
      throw new NotCovered(
          "an '&' with nothing after it to end the reference: HL7's XHTML parser does not return");
    }
    String ref = text.substring(pos, end);
    pos = end + 1;
    if (ref.isEmpty()) {
      throw malformed("an empty reference '&'");
    }
    if (ref.charAt(0) == '#') {
      Integer decimal = integer(ref.substring(1), 10);
      if (decimal != null) {
        appendCodePoint(b, decimal, ref);
      } else if (ref.length() < 2) {
        throw malformed("an empty character reference '&#'");
      } else if (ref.charAt(1) == 'x') {
        Integer hex = integer(ref.substring(2), 16);
        if (hex != null) {
          appendCodePoint(b, hex, ref);
        }
      }
      return;
    }
    boolean xml =
        ref.equals("quot")
            || ref.equals("amp")
            || ref.equals("apos")
            || ref.equals("lt")
            || ref.equals("gt");
    if (!xml) {
      entities.add("&" + ref + ";");
    }
    String value = XhtmlEntities.value(ref);
    if (value == null) {
      value =
          switch (ref) {
            case "quot" -> "\"";
            case "amp" -> "&";
            case "apos" -> "'";
            case "lt" -> "<";
            case "gt" -> ">";
            default -> throw malformed("unknown entity '&" + ref + ";'");
          };
    }
    b.append(value);
  }

  private static @Nullable Integer integer(String digits, int radix) {
    try {
      return Integer.parseInt(digits, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void appendCodePoint(StringBuilder b, int codePoint, String ref) throws Malformed {
    if (!Character.isValidCodePoint(codePoint)) {
      throw malformed("'&" + ref + ";' is no character");
    }
    b.appendCodePoint(codePoint);
  }
}
