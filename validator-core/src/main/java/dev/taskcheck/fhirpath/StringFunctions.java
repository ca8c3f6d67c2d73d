package dev.taskcheck.fhirpath;

import static dev.taskcheck.fhirpath.Functions.fn;
import static dev.taskcheck.fhirpath.Functions.stringArg;
import static dev.taskcheck.fhirpath.Functions.stringInput;

import dev.taskcheck.fhirpath.Functions.Def;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The string functions. Regular expressions are Java's, with FHIRPath's anchoring: {@code
 * matches()} finds the pattern anywhere, {@code matchesFull()} and FHIR's usual {@code ^...$} match
 * the whole string; '.' matches line ends too (single-line mode). A pattern given as a literal is
 * compiled once, with the expression; a computed one is compiled on use (the last one is kept by
 * its call).
 */
final class StringFunctions {

  private StringFunctions() {}

  static void register(Map<String, Def> m) {
    fn(
        m,
        "indexOf",
        1,
        1,
        (f, in, a) -> {
          String s = stringInput(f, in, "indexOf");
          String t = s == null ? null : stringArg(f, a[0], "indexOf");
          return s == null || t == null ? Coll.EMPTY : Coll.of(Integer.valueOf(s.indexOf(t)));
        });
    fn(
        m,
        "lastIndexOf",
        1,
        1,
        (f, in, a) -> {
          String s = stringInput(f, in, "lastIndexOf");
          String t = s == null ? null : stringArg(f, a[0], "lastIndexOf");
          return s == null || t == null ? Coll.EMPTY : Coll.of(Integer.valueOf(s.lastIndexOf(t)));
        });
    fn(
        m,
        "substring",
        1,
        2,
        (f, in, a) -> {
          String s = stringInput(f, in, "substring");
          if (s == null) {
            return Coll.EMPTY;
          }
          Integer start = Functions.integerArg(f, a[0], "substring");
          if (start == null || start < 0 || start >= s.length()) {
            return Coll.EMPTY;
          }
          Integer length = a.length > 1 ? Functions.integerArg(f, a[1], "substring") : null;
          int end =
              length == null
                  ? s.length()
                  : (int) Math.min(s.length(), (long) start + Math.max(0, length));
          return Coll.of(s.substring(start, end));
        });
    test(m, "startsWith", String::startsWith);
    test(m, "endsWith", String::endsWith);
    test(m, "contains", String::contains);
    fn(
        m,
        "upper",
        0,
        0,
        (f, in, a) -> map(stringInput(f, in, "upper"), s -> s.toUpperCase(Locale.ROOT)));
    fn(
        m,
        "lower",
        0,
        0,
        (f, in, a) -> map(stringInput(f, in, "lower"), s -> s.toLowerCase(Locale.ROOT)));
    fn(m, "trim", 0, 0, (f, in, a) -> map(stringInput(f, in, "trim"), String::strip));
    fn(
        m,
        "length",
        0,
        0,
        (f, in, a) -> {
          String s = stringInput(f, in, "length");
          return s == null ? Coll.EMPTY : Coll.of(Integer.valueOf(s.length()));
        });
    fn(
        m,
        "toChars",
        0,
        0,
        (f, in, a) -> {
          String s = stringInput(f, in, "toChars");
          if (s == null) {
            return Coll.EMPTY;
          }
          Coll.Builder out = new Coll.Builder(s.length());
          s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
          return out.build();
        });
    fn(
        m,
        "replace",
        2,
        2,
        (f, in, a) -> {
          String s = stringInput(f, in, "replace");
          String pattern = s == null ? null : stringArg(f, a[0], "replace");
          String by = pattern == null ? null : stringArg(f, a[1], "replace");
          return s == null || pattern == null || by == null
              ? Coll.EMPTY
              : Coll.of(s.replace(pattern, by));
        });
    fn(
        m,
        "split",
        1,
        1,
        (f, in, a) -> {
          String s = stringInput(f, in, "split");
          String sep = s == null ? null : stringArg(f, a[0], "split");
          if (s == null || sep == null) {
            return Coll.EMPTY;
          }
          Coll.Builder out = new Coll.Builder();
          if (sep.isEmpty()) {
            return Coll.of(s);
          }
          int from = 0;
          int at;
          while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
          }
          out.add(s.substring(from));
          return out.build();
        });
    fn(
        m,
        "join",
        0,
        1,
        (f, in, a) -> {
          String sep = a.length > 0 ? stringArg(f, a[0], "join") : "";
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < in.size(); i++) {
            Object v = Values.system(in.get(i), f.run.model);
            if (!(v instanceof String s)) {
              throw FhirPathException.execution(
                  "join() applies to Strings, not " + Values.describe(v));
            }
            if (i > 0 && sep != null) {
              b.append(sep);
            }
            b.append(s);
          }
          return Coll.of(b.toString());
        });
    fn(m, "encode", 1, 1, (f, in, a) -> code(f, in, a, true));
    fn(m, "decode", 1, 1, (f, in, a) -> code(f, in, a, false));
    fn(m, "escape", 1, 1, (f, in, a) -> escape(f, in, a, true));
    fn(m, "unescape", 1, 1, (f, in, a) -> escape(f, in, a, false));
    m.put("matches", new Def("matches", 1, 2, (in, a) -> new Regex(in, a, Regex.Mode.FIND)));
    m.put(
        "matchesFull", new Def("matchesFull", 1, 2, (in, a) -> new Regex(in, a, Regex.Mode.FULL)));
    m.put(
        "replaceMatches",
        new Def("replaceMatches", 2, 3, (in, a) -> new Regex(in, a, Regex.Mode.REPLACE)));
  }

  private interface StringTest {
    boolean test(String s, String t);
  }

  private static void test(Map<String, Def> m, String name, StringTest t) {
    fn(
        m,
        name,
        1,
        1,
        (f, in, a) -> {
          String s = stringInput(f, in, name);
          String arg = s == null ? null : stringArg(f, a[0], name);
          return s == null || arg == null ? Coll.EMPTY : Coll.of(t.test(s, arg));
        });
  }

  private static Coll map(@Nullable String s, java.util.function.UnaryOperator<String> op) {
    return s == null ? Coll.EMPTY : Coll.of(op.apply(s));
  }

  private static Coll code(Frame f, Coll in, Expr[] a, boolean encode) {
    String fn = encode ? "encode" : "decode";
    String s = stringInput(f, in, fn);
    String format = s == null ? null : stringArg(f, a[0], fn);
    if (s == null || format == null) {
      return Coll.EMPTY;
    }
    try {
      return switch (format) {
        case "base64" ->
            Coll.of(
                encode
                    ? Base64.getEncoder().encodeToString(bytes(s))
                    : text(Base64.getDecoder().decode(s)));
        case "urlbase64" ->
            Coll.of(
                encode
                    ? Base64.getUrlEncoder().encodeToString(bytes(s))
                    : text(Base64.getUrlDecoder().decode(s)));
        case "hex" ->
            Coll.of(encode ? HexFormat.of().formatHex(bytes(s)) : text(HexFormat.of().parseHex(s)));
        default -> throw FhirPathException.execution(fn + "(): unknown format '" + format + "'");
      };
    } catch (IllegalArgumentException e) {
      return Coll.EMPTY;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static Coll escape(Frame f, Coll in, Expr[] a, boolean escape) {
    String fn = escape ? "escape" : "unescape";
    String s = stringInput(f, in, fn);
    String target = s == null ? null : stringArg(f, a[0], fn);
    if (s == null || target == null) {
      return Coll.EMPTY;
    }
    return switch (target) {
      case "html" -> Coll.of(escape ? escapeHtml(s) : unescapeHtml(s));
      case "json" -> Coll.of(escape ? escapeJson(s) : unescapeJson(s));
      default -> throw FhirPathException.execution(fn + "(): unknown target '" + target + "'");
    };
  }

  private static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String unescapeHtml(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private static String escapeJson(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\f' -> b.append("\\f");
        case '\b' -> b.append("\\b");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String unescapeJson(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'f' -> b.append('\f');
        case 'b' -> b.append('\b');
        case 'u' -> {
          if (i + 4 < s.length()) {
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            b.append('u');
          }
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }

  /** matches(), matchesFull(), replaceMatches(). */
  static final class Regex extends Functions.Unary {
    enum Mode {
      FIND,
      FULL,
      REPLACE
    }

    private final Expr[] args;
    private final Mode mode;

    /** The pattern compiled with the expression when it is a literal (and so are the flags). */
    private final @Nullable Pattern literal;

    /**
     * The last computed pattern, with its flags and mode in the key (replaced as a whole, so
     * thread-safe).
     */
    private volatile @Nullable Compiled last;

    private record Compiled(String key, Pattern pattern) {}

    Regex(@Nullable Expr input, Expr[] args, Mode mode) {
      super(input);
      this.args = args;
      this.mode = mode;
      int flagsAt = mode == Mode.REPLACE ? 2 : 1;
      String regex = literalString(args[0]);
      String flags = args.length > flagsAt ? literalString(args[flagsAt]) : "";
      this.literal = regex == null || flags == null ? null : compile(regex, flags);
    }

    private static @Nullable String literalString(Expr e) {
      return e instanceof Nodes.Literal l
              && l.value().size() == 1
              && l.value().get(0) instanceof String s
          ? s
          : null;
    }

    @Override
    Coll eval(Frame f) {
      String name =
          mode == Mode.FIND ? "matches" : mode == Mode.FULL ? "matchesFull" : "replaceMatches";
      String s = stringInput(f, in(f), name);
      if (s == null) {
        return Coll.EMPTY;
      }
      Pattern p = literal;
      if (p == null) {
        String regex = stringArg(f, args[0], name);
        int flagsAt = mode == Mode.REPLACE ? 2 : 1;
        String flags = args.length > flagsAt ? stringArg(f, args[flagsAt], name) : "";
        if (regex == null || flags == null) {
          return Coll.EMPTY;
        }
        String key = flags + '\u0000' + regex;
        Compiled c = last;
        if (c == null || !c.key().equals(key)) {
          c = new Compiled(key, compile(regex, flags));
          last = c;
        }
        p = c.pattern();
      }
      return switch (mode) {
        case FIND -> Coll.of(p.matcher(s).find());
        case FULL -> Coll.of(p.matcher(s).matches());
        case REPLACE -> {
          String by = stringArg(f, args[1], name);
          if (by == null) {
            yield Coll.EMPTY;
          }
          yield p.pattern().isEmpty() ? Coll.of(s) : Coll.of(p.matcher(s).replaceAll(by));
        }
      };
    }

    private static Pattern compile(String regex, String flags) {
      int f = Pattern.DOTALL;
      for (int i = 0; i < flags.length(); i++) {
        char c = flags.charAt(i);
        switch (c) {
          case 'i' -> f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
          case 'm' -> f |= Pattern.MULTILINE;
          case 's' -> f |= Pattern.DOTALL;
          case 'x' -> f |= Pattern.COMMENTS;
          default ->
              throw FhirPathException.execution("unknown regular expression flag '" + c + "'");
        }
      }
      try {
        return Pattern.compile(regex, f);
      } catch (PatternSyntaxException e) {
        throw FhirPathException.execution(
            "invalid regular expression '" + regex + "': " + e.getDescription());
      }
    }
  }
}
