package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random JSON documents (and single-character corruptions of them) read by the fast path and by
 * Jackson: the fast path gives up or builds the same tree; where Jackson fails, it gives up.
 */
class FastJsonReaderPropertiesTest {

  private static final List<String> NAMES =
      List.of(
          "resourceType",
          "resourceType",
          "id",
          "a",
          "b",
          "status",
          "contained",
          "contained",
          "extension",
          "_value",
          "\u00e9t\u00e9",
          "\uD83D\uDE00",
          "x y",
          "");

  private static final List<String> SPACE =
      List.of("", "", "", " ", "\n", "\r\n", "\r", "\t", "  \n  ", "\r\n\t", "\n\r");

  private static final String CORRUPTIONS =
      "{}[]\":,\\ \n\r\t0123456789eE.+-tfnulx/#'\u0000\u0001\u00a0\uFEFF\u00e9\uD83D";

  /** Writes a random document; {@code regular} ones are all the fast path should read. */
  static final class Generator {
    private final Random r;
    private final boolean regular;
    private final StringBuilder b = new StringBuilder();

    Generator(Random r, boolean regular) {
      this.r = r;
      this.regular = regular;
    }

    String document() {
      space();
      b.append('{');
      space();
      b.append("\"resourceType\"");
      space();
      b.append(':');
      space();
      b.append(r.nextInt(8) == 0 ? "\"T\\u0061sk\"" : "\"Task\"");
      members(1, true);
      b.append('}');
      space();
      return b.toString();
    }

    private void space() {
      if (r.nextInt(3) == 0) {
        b.append(SPACE.get(r.nextInt(SPACE.size())));
      }
    }

    private String name() {
      int k = r.nextInt(10);
      if (k == 0) {
        return "k" + r.nextInt(24);
      }
      if (k == 1 && !regular) {
        return "a\\u0062";
      }
      return NAMES.get(r.nextInt(NAMES.size()));
    }

    /** The members of an object after its '{' (after a first one when {@code more}), and '}'. */
    private void members(int depth, boolean more) {
      int count = r.nextInt(10) == 0 ? 10 + r.nextInt(30) : r.nextInt(6);
      boolean first = !more;
      for (int i = 0; i < count; i++) {
        String name = name();
        if (regular && name.equals("resourceType")) {
          continue; // resourceType once and a string: the root's, or an object's first
        }
        if (!first) {
          b.append(',');
          space();
        }
        first = false;
        b.append('"').append(name).append('"');
        space();
        b.append(':');
        space();
        if (name.equals("resourceType")) {
          value(depth, false);
        } else if (r.nextInt(3) == 0) {
          array(depth + 1);
        } else {
          value(depth, false);
        }
        space();
      }
    }

    private void array(int depth) {
      b.append('[');
      space();
      int count = r.nextInt(4);
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          b.append(',');
          space();
        }
        value(depth, true);
        space();
      }
      b.append(']');
    }

    private void value(int depth, boolean inArray) {
      int k = r.nextInt(depth > 6 ? 7 : 10);
      switch (k) {
        case 0, 1 -> string();
        case 2, 3 -> number();
        case 4 -> b.append("true");
        case 5 -> b.append("false");
        case 6 -> b.append("null");
        case 7 -> {
          if (inArray && !regular && r.nextBoolean()) {
            array(depth + 1);
          } else {
            string();
          }
        }
        default -> {
          b.append('{');
          space();
          if (r.nextInt(4) == 0) {
            b.append("\"resourceType\":");
            space();
            if (regular || r.nextBoolean()) {
              string();
            } else {
              value(depth + 1, false);
            }
            members(depth + 1, true);
          } else {
            members(depth + 1, false);
          }
          b.append('}');
        }
      }
    }

    private void number() {
      if (!regular && r.nextInt(6) == 0) {
        b.append(List.of("01", "1.", "+1", ".5", "-", "1e", "NaN", "1.5.2").get(r.nextInt(8)));
        return;
      }
      if (r.nextBoolean()) {
        b.append('-');
      }
      if (r.nextInt(4) == 0) {
        b.append('0');
      } else {
        b.append(1 + r.nextInt(9));
        int digits = r.nextInt(12);
        for (int i = 0; i < digits; i++) {
          b.append(r.nextInt(10));
        }
      }
      if (r.nextInt(3) == 0) {
        b.append('.');
        int digits = 1 + r.nextInt(5);
        for (int i = 0; i < digits; i++) {
          b.append(r.nextInt(10));
        }
      }
      if (r.nextInt(5) == 0) {
        b.append(r.nextBoolean() ? 'e' : 'E');
        if (r.nextBoolean()) {
          b.append(r.nextBoolean() ? '+' : '-');
        }
        b.append(r.nextInt(400));
      }
    }

    private void string() {
      b.append('"');
      int length = r.nextInt(12);
      for (int i = 0; i < length; i++) {
        int k = r.nextInt(20);
        switch (k) {
          case 0 -> b.append("\\\"");
          case 1 -> b.append("\\\\");
          case 2 -> b.append(List.of("\\/", "\\b", "\\f", "\\n", "\\r", "\\t").get(r.nextInt(6)));
          case 3 -> {
            char c;
            do {
              c = (char) r.nextInt(0x10000);
            } while (regular && Character.isSurrogate(c));
            b.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
          }
          case 4 -> b.append("\u00e9");
          case 5 -> b.append("\u20ac");
          case 6 -> b.append("\uD83D\uDE00");
          case 7 -> b.append(r.nextBoolean() ? "\u00a0" : "\u007f");
          case 8 -> {
            if (!regular) {
              b.append(List.of("\\x", "\\'", "\\u12", "\t", "\n").get(r.nextInt(5)));
            }
          }
          default -> b.append((char) ('a' + r.nextInt(26)));
        }
      }
      b.append('"');
    }
  }

  @Provide
  Arbitrary<Random> randoms() {
    return Arbitraries.randoms();
  }

  private static DocumentLimits limits(Random r) {
    return r.nextInt(3) == 0
        ? new DocumentLimits(2 + r.nextInt(8), 1 + r.nextInt(12), r.nextInt(3), 1 + r.nextInt(80))
        : DocumentLimits.DEFAULTS;
  }

  @Property(tries = 1_000)
  void regularDocumentsTakeTheFastPathAndAgree(@ForAll("randoms") Random r) {
    String text = new Generator(r, true).document();
    int firstLine = 1 + r.nextInt(3) * r.nextInt(100);
    // (contained resources may nest deeper than the default limit in a random document)
    JsonTrees.Outcome o =
        JsonTrees.compare(
            text, firstLine, DocumentLimits.DEFAULTS.withMaxContainedDepth(100), text);
    assertThat(o.fast())
        .as("taken by the fast path: %s (Jackson: %s)", text, o.jackson())
        .isNotNull();
  }

  @Property(tries = 1_000)
  void anyDocumentIsLeftToJacksonOrAgrees(@ForAll("randoms") Random r) {
    String text = new Generator(r, r.nextBoolean()).document();
    JsonTrees.compare(text, 1 + r.nextInt(5), limits(r), text);
  }

  @Property(tries = 2_000)
  void corruptedDocumentsAreLeftToJacksonOrAgree(@ForAll("randoms") Random r) {
    String text = new Generator(r, r.nextInt(4) > 0).document();
    StringBuilder b = new StringBuilder(text);
    int at = r.nextInt(text.length() + 1);
    char c = CORRUPTIONS.charAt(r.nextInt(CORRUPTIONS.length()));
    int op = at == text.length() ? 0 : r.nextInt(3);
    switch (op) {
      case 0 -> b.insert(at, c);
      case 1 -> b.setCharAt(at, c);
      default -> b.deleteCharAt(at);
    }
    String bad = b.toString();
    JsonTrees.Outcome o =
        JsonTrees.compare(bad, 1, r.nextBoolean() ? DocumentLimits.DEFAULTS : limits(r), bad);
    if (!o.jacksonParsed()) {
      assertThat(o.fast()).as("Jackson fails on %s, so the fast path gives up", bad).isNull();
    }
  }
}
