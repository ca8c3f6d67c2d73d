package dev.taskcheck.engine.fast;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.plan.Binding;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.FixedValue;
import dev.taskcheck.plan.TypeDef;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one primitive value (docs/engines/reference-behaviour.md §9), in the reference
 * engine's order: a blank value, characters, HTML-like text, the type's own rules, the binding,
 * then the type's regular expression — the last only when nothing before it failed. Stateless and
 * thread-safe.
 */
final class Primitives {

  /**
   * The binding check of a value, run in its place in the order; true when it found nothing wrong.
   */
  @FunctionalInterface
  interface BindingCheck {
    boolean check(String value);
  }

  private static final TextPattern DATETIME =
      TextPattern.lazy(
          "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
              + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?"
              + "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?");
  private static final TextPattern DATE =
      TextPattern.lazy(
          "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?");
  private static final TextPattern INSTANT =
      TextPattern.lazy(
          "-?[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
              + "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");
  private static final TextPattern TIME =
      TextPattern.lazy("([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)");
  private static final TextPattern HTML_FRAGMENT =
      TextPattern.lazy("[a-zA-Z]\\w*(((\\s+)(\\S)*)*)");
  private static final TextPattern UUID =
      TextPattern.lazy("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final TextPattern OID = TextPattern.lazy("[0-2](\\.(0|[1-9][0-9]*))+");
  private static final TextPattern ID = TextPattern.lazy("[A-Za-z0-9\\-.]{1,64}");

  /** What {@link #typeRegex} gives for a type whose values no pattern checks (never matched). */
  private static final TextPattern NO_REGEX = TextPattern.lazy("");

  /** The patterns of the types whose check begins with a pattern of this class's own. */
  private static final Map<String, TextPattern> OWN =
      Map.of("dateTime", DATETIME, "date", DATE, "instant", INSTANT, "time", TIME);

  /**
   * A type's pattern, and whether every value it matches the type's own pattern ({@link #OWN})
   * matches too.
   */
  private record TypeRegex(TextPattern pattern, boolean withinOwn) {}

  private static final TypeRegex NONE = new TypeRegex(NO_REGEX, false);

  /** The types exempt from the type-regex check (their own checks cover them). */
  private static final Set<String> REGEX_EXEMPT = Set.of("id", "base64Binary", "markdown");

  /**
   * Whitespace as HL7's utilities count it (Unicode spaces included, unlike {@code
   * Character.isWhitespace}).
   */
  static final String WHITESPACE =
      "\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004"
          + "\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

  private final Types types;
  private final FhirRelease release;
  private final Map<String, TypeRegex> typeRegexes = new ConcurrentHashMap<>();

  Primitives(Types types, FhirRelease release) {
    this.types = types;
    this.release = release;
  }

  /**
   * Checks one primitive element.
   *
   * @param type the element's primitive type ({@code dateTime})
   * @param value the value as written, or null when only an id or extensions are given
   * @param hasChildren whether the primitive has an id or extensions
   * @param def the element's definition (binding, max length)
   * @param core whether the definition applied is a core one ({@code
   *     http://hl7.org/fhir/StructureDefinition/...}): some date checks depend on it
   * @param binding the binding check, or null when the element has no binding
   * @param resourceId whether the element is a resource's id (checked elsewhere)
   */
  void check(
      String type,
      @Nullable String value,
      boolean hasChildren,
      ElementDef def,
      boolean core,
      Loc at,
      @Nullable BindingCheck binding,
      boolean resourceId,
      Findings out) {
    if (value == null || isBlank(value)) {
      if (value == null) {
        if (!hasChildren) {
          out.add(Check.PRIMITIVE_NO_VALUE, at);
        }
      } else if (value.isEmpty()) {
        if (!hasChildren) {
          out.add(Check.PRIMITIVE_EMPTY, at);
        }
      } else if (isAllWhitespace(value) && !hasChildren) {
        out.add(Check.PRIMITIVE_WHITESPACE, at);
      }
      Binding b = def.binding();
      if (b != null && b.strength() == Binding.Strength.REQUIRED) {
        out.add(Check.CODE_MISSING, at);
      }
      return;
    }
    boolean ok = characters(value, at, out);
    TypeRegex regex = typeRegex(type);
    // a value the type's pattern matches, where that pattern accepts nothing the type's own one
    // refuses (R4's dateTime, date and instant), needs no pass of the own one: one pass, not two
    boolean typeMatched = regex.withinOwn() && regex.pattern().matches(value);
    if (!"xhtml".equals(type) && !"markdown".equals(type)) {
      String tag = htmlTag(value);
      if (tag != null) {
        out.add(Check.HTML_IN_STRING, at, tag);
      }
    }
    switch (type) {
      case "boolean" ->
          ok &= rule(value.equals("true") || value.equals("false"), Check.BOOLEAN, at, out, value);
      case "uri", "url", "canonical", "oid", "uuid" -> ok &= uri(type, value, def, at, out);
      case "id" -> {
        if (!resourceId) {
          ok &= rule(ID.matches(value), Check.ID, at, out, value);
        }
      }
      case "string" -> ok &= string(value, def, at, out);
      case "dateTime" -> ok &= dateTime(value, typeMatched, def, core, at, out);
      case "time" -> ok &= rule(typeMatched || TIME.matches(value), Check.TIME, at, out, value);
      case "date" -> ok &= date(value, typeMatched, def, core, at, out);
      case "base64Binary" -> ok &= base64(value, at, out);
      case "integer", "unsignedInt", "positiveInt" -> ok &= integer(type, value, def, at, out);
      case "integer64" -> throw new NotCovered("an integer64 value");
      case "decimal" -> ok &= decimal(value, def, at, out);
      case "instant" -> ok &= instant(value, typeMatched, core, at, out);
      case "code" -> {
        ok &= rule(codeWhitespaceOk(value), Check.CODE_WHITESPACE, at, out, value);
        ok &= maxLength(value, def, at, out);
      }
      default -> {
        // markdown, xhtml: no value checks of their own here
      }
    }
    if (binding != null) {
      ok &= binding.check(value);
    }
    if ("markdown".equals(type)) {
      markdown(value, at, out);
    }
    if (def.pattern() != null || (def.fixed() != null && !fixedAndEqual(def, value))) {
      throw new NotCovered("a fixed or pattern value on " + def.path());
    }
    if (ok && !typeMatched) {
      TextPattern pattern = regex.pattern();
      if (pattern != NO_REGEX && !pattern.matches(value)) {
        out.add(Check.REGEX_TYPE, at, value, type);
      }
    }
  }

  /** The resource id rules: at most 64 characters, letters, digits, '-' and '.' only. */
  static void resourceId(String id, Loc at, Findings out) {
    if (id.length() > 64) {
      out.add(Check.RESOURCE_ID_LENGTH, at, id.length());
    }
    if (!ID.matches(id)) {
      out.add(Check.RESOURCE_ID_CHARS, at, id);
    }
  }

  // one argument, not varargs: the array is made only for a finding, not for every value checked
  private static boolean rule(boolean condition, Check check, Loc at, Findings out, Object arg) {
    if (!condition) {
      out.add(check, at, arg);
    }
    return condition;
  }

  /**
   * Bidirectional controls that are not terminated, and control characters; never fails the value.
   */
  private static boolean characters(String value, Loc at, Findings out) {
    boolean bidi = false;
    TreeSet<String> bad = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 32 && c < Bidi.LOWEST) {
        continue; // most text: neither a control character nor a bidirectional control
      }
      if (Bidi.isBidi(c)) {
        bidi = true;
      }
      if (c < 32 && c != '\r' && c != '\n' && c != '\t') {
        if (bad == null) {
          bad = new TreeSet<>();
        }
        bad.add(Integer.toHexString(c));
      }
    }
    if (bidi && !Bidi.wellFormed(value)) {
      out.add(Check.BIDI, at);
    }
    if (bad != null) {
      out.add(Check.BAD_CHARS, at, String.join(", ", bad));
    }
    return true;
  }

  /** The first tag-like fragment ({@code <b>}, {@code <script src=x>}) in a text, or null. */
  static @Nullable String htmlTag(String text) {
    int i = text.indexOf('<');
    String rest = text;
    while (i > -1) {
      rest = rest.substring(i + 1);
      i = rest.indexOf('<');
      int e = rest.indexOf('>');
      if (e > -1 && e < i) {
        String s = rest.substring(0, e);
        if (HTML_FRAGMENT.matches(s)) {
          return "<" + s + ">";
        }
      }
    }
    return null;
  }

  private static boolean uri(String type, String url, ElementDef def, Loc at, Findings out) {
    boolean ok = rule(!url.startsWith("oid:"), Check.URI_OID, at, out, url);
    ok &= rule(!url.startsWith("uuid:"), Check.URI_UUID, at, out, url);
    ok &= rule(url.equals(trimWs(url).replace(" ", "")), Check.URI_WHITESPACE, at, out, url);
    ok &= maxLength(url, def, at, out);
    if (type.equals("oid")) {
      ok &= rule(url.startsWith("urn:oid:"), Check.OID_START, at, out, url);
    }
    if (type.equals("uuid")) {
      ok &= rule(url.startsWith("urn:uuid:"), Check.UUID_START, at, out, url);
    }
    if (type.equals("canonical")) {
      ok &= rule(url.startsWith("#") || isAbsoluteUrl(url), Check.CANONICAL_ABSOLUTE, at, out, url);
    }
    if (url.startsWith("urn:uuid:")) {
      String s = url;
      int hash = s.indexOf('#');
      if (hash >= 0) {
        s = s.substring(0, hash);
      }
      if (type.equals("canonical") && s.contains("|")) {
        s = s.substring(0, s.lastIndexOf('|'));
      }
      s = s.substring(9);
      ok &= rule(UUID.matches(s), Check.UUID_VALID, at, out, s);
    }
    if (url.startsWith("urn:oid:")) {
      String oid = url.substring(8);
      ok &=
          rule(
              OID.matches(oid) && (oid.lastIndexOf('.') >= 4 || oid.startsWith("1.3")),
              Check.OID_VALID,
              at,
              out,
              oid);
    }
    return ok;
  }

  private static boolean string(String value, ElementDef def, Loc at, Findings out) {
    if (isAllWhitespace(value)) {
      out.add(Check.STRING_WHITESPACE_ALL, at);
    } else if (!trimWs(value).equals(value)) {
      out.add(Check.STRING_WHITESPACE, at);
    }
    if (value.length() > 1_048_576) {
      out.add(Check.STRING_LENGTH, at, value.length());
      return false;
    }
    return maxLength(value, def, at, out);
  }

  private static boolean maxLength(String value, ElementDef def, Loc at, Findings out) {
    int max = def.maxLength();
    if (max == 0 || value.length() <= max) {
      return true;
    }
    out.add(Check.MAX_LENGTH, at, max);
    return false;
  }

  private static boolean dateTime(
      String value, boolean shaped, ElementDef def, boolean core, Loc at, Findings out) {
    boolean ok = rule(shaped || DATETIME.matches(value), Check.DATETIME, at, out, value);
    if (core) {
      ok &= rule(!value.contains("T") || hasTimeZone(value), Check.DATETIME_TZ, at, out, value);
    }
    ok &= maxLength(value, def, at, out);
    if (ok) {
      if (!Dates.valid(value, true)) {
        out.add(Check.DATETIME, at, value);
        return false;
      }
      if (!yearIsValid(value)) {
        out.add(Check.DATETIME_REASONABLE, at, value);
      }
    }
    return ok;
  }

  private static boolean date(
      String value, boolean shaped, ElementDef def, boolean core, Loc at, Findings out) {
    boolean ok = rule(shaped || DATE.matches(value), Check.DATE, at, out, value);
    ok &= maxLength(value, def, at, out);
    if (ok) {
      if (!Dates.valid(value, false)) {
        out.add(Check.DATE, at, value);
        return false;
      }
      if (core && !yearIsValid(value)) {
        out.add(Check.DATETIME_REASONABLE, at, value);
      }
    }
    return ok;
  }

  private static boolean instant(String value, boolean shaped, boolean core, Loc at, Findings out) {
    boolean ok = rule(shaped || INSTANT.matches(value), Check.INSTANT_REGEX, at, out, value);
    if (ok) {
      if (!Dates.valid(value.startsWith("-") ? value.substring(1) : value, true)) {
        out.add(Check.INSTANT, at, value);
        return false;
      }
      if (core && !yearIsValid(value)) {
        out.add(Check.DATETIME_REASONABLE, at, value);
      }
    }
    return ok;
  }

  private boolean base64(String value, Loc at, Findings out) {
    if (!validBase64(value)) {
      out.add(Check.BASE64, at);
      return false;
    }
    if (hasWhitespace(value)) {
      if (release == FhirRelease.R5) {
        out.add(Check.BASE64_WHITESPACE_ERROR, at);
        return false;
      }
      out.add(Check.BASE64_WHITESPACE_WARNING, at);
    }
    return true;
  }

  private static boolean integer(String type, String value, ElementDef def, Loc at, Findings out) {
    if (!isInteger(value)) {
      out.add(Check.INTEGER, at, value);
      return false;
    }
    int v;
    try {
      v = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      // a ten-digit negative number out of range: the reference engine fails on it
      throw new NotCovered("the integer " + value + " is out of range");
    }
    if (def.minValue() != null || def.maxValue() != null) {
      throw new NotCovered("a minimum or maximum value on " + def.path());
    }
    boolean ok = true;
    if (type.equals("unsignedInt")) {
      ok = rule(v >= 0, Check.INTEGER_NEGATIVE, at, out, value);
    }
    if (type.equals("positiveInt")) {
      ok = rule(v > 0, Check.INTEGER_NOT_POSITIVE, at, out, value);
    }
    return ok;
  }

  /**
   * HL7's integer test: an optional '-', then 1 to 10 digits, the positive ones at most 2147483647.
   */
  static boolean isInteger(String s) {
    if (isBlank(s)) {
      return false;
    }
    String digits = s.startsWith("-") ? s.substring(1) : s;
    if (digits.isEmpty()) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return false;
      }
    }
    if (digits.length() > 10) {
      return false;
    }
    // HL7 compares the whole text, sign included, with "2147483647" / "2147483648": so a ten-digit
    // negative
    // number always passes this test
    return digits.length() != 10
        || s.compareTo(s.startsWith("-") ? "2147483648" : "2147483647") <= 0;
  }

  private static boolean decimal(String value, ElementDef def, Loc at, Findings out) {
    int status = decimalStatus(value);
    if (status == SYNTAX) {
      out.add(Check.DECIMAL, at, value);
      return false;
    }
    if (status == RANGE) {
      out.add(Check.DECIMAL_RANGE, at, value);
    }
    if (def.minValue() != null || def.maxValue() != null) {
      throw new NotCovered("a minimum or maximum value on " + def.path());
    }
    return true;
  }

  private static final int OK = 0;
  private static final int SYNTAX = 1;
  private static final int RANGE = 2;

  /** HL7's decimal test, exponents allowed, no leading zeros. */
  static int decimalStatus(String value) {
    if (isBlank(value)) {
      return SYNTAX;
    }
    if ((value.startsWith("0") && !value.equals("0") && !value.startsWith("0."))
        || (value.startsWith("-0") && !value.equals("-0") && !value.startsWith("-0."))
        || (value.startsWith("+0") && !value.equals("+0") && !value.startsWith("+0."))
        || value.endsWith(".")) {
      return SYNTAX;
    }
    boolean period = false;
    boolean exponent = false;
    boolean sign = false;
    boolean digits = false;
    int pre = 0;
    int post = 0;
    int length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.') {
        if (!digits || period || exponent) {
          return SYNTAX;
        }
        period = true;
        pre = length;
        length = 0;
      } else if (c == '-' || c == '+') {
        if (digits || sign) {
          return SYNTAX;
        }
        sign = true;
      } else if (c == 'e' || c == 'E') {
        if (!digits || exponent) {
          return SYNTAX;
        }
        exponent = true;
        sign = false;
        digits = false;
        if (period) {
          post = length;
        } else {
          pre = length;
        }
        length = 0;
      } else if (!Character.isDigit(c)) {
        return SYNTAX;
      } else {
        digits = true;
        length++;
      }
    }
    if (exponent && !digits) {
      return SYNTAX;
    }
    int exponentLength = 0;
    if (exponent) {
      exponentLength = length;
    } else if (period) {
      post = length;
    } else {
      pre = length;
    }
    return exponentLength > 4 || pre + post > 18 ? RANGE : OK;
  }

  private static void markdown(String value, Loc at, Findings out) {
    String tag = Markdown.htmlStart(value);
    if (tag != null) {
      out.add(Check.MARKDOWN_HTML, at, tag);
    }
  }

  /**
   * The pattern values of a type must match ({@link #NONE} for a type without one or exempt from
   * it), and whether it is within the type's own ({@link #OWN}, decided on the two automata when
   * the type is first seen): one map lookup per value.
   */
  private TypeRegex typeRegex(String type) {
    TypeRegex known = typeRegexes.get(type);
    if (known != null) {
      return known;
    }
    TypeDef def = types.type(type);
    String regex = def == null ? null : def.primitivePattern();
    if (regex == null || REGEX_EXEMPT.contains(type)) {
      typeRegexes.put(type, NONE);
      return NONE;
    }
    // the reference engine replaces two published patterns that do not say what they mean
    if (regex.equals("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,17})?([eE][+-]?[0-9]{1,9}})?")) {
      regex = "-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,17})?([eE](0|[+\\-]?[1-9][0-9]{0,9}))?";
    } else if (regex.equals("[ \\r\\n\\t\\S]+")) {
      regex = "^[\\s\\S]+$";
    }
    TextPattern p = TextPattern.compile(regex);
    TextPattern own = OWN.get(type);
    TypeRegex made = new TypeRegex(p, own != null && TextPattern.within(p, own));
    typeRegexes.put(type, made);
    return made;
  }

  private static boolean hasTimeZone(String v) {
    if (v.length() <= 10) {
      return false;
    }
    // after the date part, read in place
    return v.indexOf('-', 10) >= 0 || v.indexOf('+', 10) >= 0 || v.indexOf('Z', 10) >= 0;
  }

  /**
   * A year from 1800 to 80 years after the current one (the reference engine reads the machine's
   * clock).
   */
  private static boolean yearIsValid(String v) {
    try {
      int year = Integer.parseInt(v, 0, Math.min(4, v.length()), 10);
      // a year within 80 of the one last read is within 80 of the current one (years only grow):
      // the clock is read only for a year past that
      return year >= 1800 && (year <= ThisYear.last() + 80 || year <= ThisYear.get() + 80);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The current year (UTC), read from the clock once a year rather than for every date: {@code
   * Year.now} builds a clock and a date each time, which showed in profiles.
   */
  private record ThisYear(int year, long endsAtMillis) {
    private static volatile ThisYear current = read();

    /** The year last read from the clock: the current year or one before it. */
    static int last() {
      return current.year;
    }

    static int get() {
      ThisYear y = current;
      if (System.currentTimeMillis() >= y.endsAtMillis) {
        y = read();
        current = y;
      }
      return y.year;
    }

    private static ThisYear read() {
      int year = Year.now(ZoneOffset.UTC).getValue();
      return new ThisYear(
          year, Year.of(year + 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    }
  }

  private static boolean codeWhitespaceOk(String v) {
    if (!trimWs(v).equals(v)) {
      return false;
    }
    boolean lastWasSpace = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ' ') {
        if (lastWasSpace) {
          return false;
        }
        lastWasSpace = true;
      } else if (isWhitespace(c)) {
        return false;
      } else {
        lastWasSpace = false;
      }
    }
    return true;
  }

  /**
   * HL7's lenient base64 test: the letters, digits, '+', '/' and '=' (whitespace aside) come in
   * groups of four.
   */
  static boolean validBase64(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isWhitespace(c)) {
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '/' || c == '=' || c == '+') {
        count++;
      }
    }
    return count == 0 || count % 4 == 0;
  }

  static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** HL7's absolute-URL test: a scheme, then something without spaces after the colon. */
  static boolean isAbsoluteUrl(String ref) {
    int colon = ref.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String scheme = ref.substring(0, colon);
    String details = ref.substring(colon + 1);
    boolean schemeOk =
        scheme.equals("http")
            || scheme.equals("https")
            || scheme.equals("urn")
            || (isToken(scheme) && scheme.equals(scheme.toLowerCase(java.util.Locale.ROOT)))
            || ref.startsWith("urn:iso:")
            || ref.startsWith("urn:iso-iec:")
            || ref.startsWith("urn:iso-cie:")
            || ref.startsWith("urn:iso-astm:")
            || ref.startsWith("urn:iso-ieee:")
            || ref.startsWith("urn:iec:");
    return schemeOk && !details.isEmpty() && !details.contains(" ");
  }

  /** A letter, then letters, digits and '_' (HL7's token test). */
  private static boolean isToken(String s) {
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  static boolean isWhitespace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    // the rest of WHITESPACE is U+0085 and above
    return c >= '\u0085' && WHITESPACE.indexOf(c) >= 0;
  }

  static boolean isAllWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Blank as Apache Commons counts it: empty, or only {@link Character#isWhitespace} characters.
   */
  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String trimWs(String s) {
    int start = 0;
    while (start < s.length() && isWhitespace(s.charAt(start))) {
      start++;
    }
    if (start == s.length()) {
      return "";
    }
    int end = s.length() - 1;
    while (end >= 0 && isWhitespace(s.charAt(end))) {
      end--;
    }
    return s.substring(start, end + 1);
  }

  /**
   * Severity used by callers that re-grade a check (kept here so the checks' levels live in one
   * place).
   */
  static Severity level(Check c) {
    return c.level();
  }

  /**
   * Whether a fixed primitive value is met exactly (a known extension's {@code url}): nothing to
   * report. A value that differs, which the reference engine reports in words of its own, is not
   * covered.
   */
  private static boolean fixedAndEqual(ElementDef def, String value) {
    FixedValue fixed = def.fixed();
    return fixed != null
        && fixed.value().fields().isEmpty()
        && value.equals(fixed.value().primitive());
  }
}
