package dev.taskcheck.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * A small streaming XML writer for the report formats: UTF-8, one element per line indented by two
 * spaces, elements holding either child elements or text (no mixed content). Text and attribute
 * values are escaped, and characters XML 1.0 cannot carry (most C0 controls, unpaired surrogates,
 * U+FFFE, U+FFFF) are left out, so any message text yields a well-formed document. Line ends and
 * tabs survive a round trip: in attribute values they are written as character references, and so
 * is a carriage return in text.
 *
 * <p>The writer buffers: {@link #flush()} before reading what it wrote from the underlying stream.
 * It never closes that stream.
 */
final class XmlWriter {

  private final Writer out;
  private final int baseDepth;
  private final Deque<String> open = new ArrayDeque<>();

  /** A start tag is written up to its attributes: {@code <name a="1"}. */
  private boolean tagOpen;

  /** The innermost open element got text, so its end tag goes on the same line. */
  private boolean textWritten;

  /**
   * @param out where the XML goes
   * @param baseDepth the indentation depth of the first element written (for a fragment copied into
   *     a document later)
   */
  XmlWriter(OutputStream out, int baseDepth) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
    this.baseDepth = baseDepth;
  }

  /** Writes the XML declaration; call first, if at all. */
  XmlWriter declaration() throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return this;
  }

  /** Starts an element; attributes may follow until the next content. */
  XmlWriter start(String name) throws IOException {
    if (textWritten) {
      throw new IllegalStateException("element " + open.peek() + " already has text");
    }
    closeStartTag();
    indent(open.size());
    out.write('<');
    out.write(name);
    open.push(name);
    tagOpen = true;
    return this;
  }

  /** Adds an attribute to the element just started; a null value writes nothing. */
  XmlWriter attribute(String name, @Nullable String value) throws IOException {
    if (!tagOpen) {
      throw new IllegalStateException("no start tag to add " + name + " to");
    }
    if (value != null) {
      out.write(' ');
      out.write(name);
      out.write("=\"");
      escape(value, true);
      out.write('"');
    }
    return this;
  }

  XmlWriter attribute(String name, long value) throws IOException {
    return attribute(name, Long.toString(value));
  }

  XmlWriter attribute(String name, @Nullable Number value) throws IOException {
    return attribute(name, value == null ? null : value.toString());
  }

  /** Writes text into the element just started, which then takes no child elements. */
  XmlWriter text(String text) throws IOException {
    if (open.isEmpty()) {
      throw new IllegalStateException("text outside an element");
    }
    if (tagOpen) {
      out.write('>');
      tagOpen = false;
    } else if (!textWritten) {
      throw new IllegalStateException("element " + open.peek() + " already has child elements");
    }
    escape(text, false);
    textWritten = true;
    return this;
  }

  /** An element holding {@code text}; nothing when {@code text} is null. */
  XmlWriter textElement(String name, @Nullable String text) throws IOException {
    if (text != null) {
      start(name).text(text).end();
    }
    return this;
  }

  /** Ends the innermost open element ({@code <name/>} when it has no content). */
  XmlWriter end() throws IOException {
    String name = open.pop();
    if (tagOpen) {
      out.write("/>\n");
    } else {
      if (!textWritten) {
        indent(open.size());
      }
      out.write("</");
      out.write(name);
      out.write(">\n");
    }
    tagOpen = false;
    textWritten = false;
    return this;
  }

  /**
   * Ends the start tag of the innermost element and flushes, so that child elements written
   * elsewhere (a fragment at the matching {@code baseDepth}) can be copied into the stream next.
   */
  void openForCopy() throws IOException {
    closeStartTag();
    out.flush();
  }

  void flush() throws IOException {
    out.flush();
  }

  private void closeStartTag() throws IOException {
    if (tagOpen) {
      out.write(">\n");
      tagOpen = false;
    }
  }

  private void indent(int depth) throws IOException {
    for (int i = 0; i < baseDepth + depth; i++) {
      out.write("  ");
    }
  }

  private void escape(String s, boolean inAttribute) throws IOException {
    escape(out, s, inAttribute);
  }

  /**
   * Writes {@code s} escaped for XML 1.0 element content or a double-quoted attribute, dropping the
   * characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return,
   * unpaired surrogates, U+FFFE and U+FFFF). In attributes tab, line feed and carriage return are
   * written as character references so that attribute-value normalisation keeps them; in content
   * carriage return is.
   */
  static void escape(Writer w, String s, boolean attribute) throws IOException {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '<' -> w.write("&lt;");
        case '>' -> w.write("&gt;");
        case '&' -> w.write("&amp;");
        case '"' -> w.write(attribute ? "&quot;" : "\"");
        case '\r' -> w.write("&#13;");
        case '\n' -> w.write(attribute ? "&#10;" : "\n");
        case '\t' -> w.write(attribute ? "&#9;" : "\t");
        default -> {
          if (isXmlChar(cp)) {
            if (Character.isSupplementaryCodePoint(cp)) {
              w.write(Character.highSurrogate(cp));
              w.write(Character.lowSurrogate(cp));
            } else {
              w.write(cp);
            }
          }
        }
      }
    }
  }

  /** The XML 1.0 {@code Char} production. */
  static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
