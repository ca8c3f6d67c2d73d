package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The automaton answers as {@link java.util.regex.Matcher#matches()} does, value for value. */
class TextPatternTest {

  /**
   * Every type pattern of the R4, R4B and R5 core definitions, the engine's replacements for two of
   * them, and the engine's own patterns.
   */
  static Stream<String> regexes() {
    return Stream.of(
        "true|false",
        "-?([0]|([1-9][0-9]*))",
        "[0]|[-+]?[1-9][0-9]*",
        "[ \\r\\n\\t\\S]+",
        "^[\\s\\S]+$",
        "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?",
        "-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,17})?([eE][+-]?[0-9]{1,9}})?",
        "-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,17})?([eE](0|[+\\-]?[1-9][0-9]{0,9}))?",
        "\\S*",
        "\\S+",
        "(\\s*([0-9a-zA-Z\\+/=]){4}\\s*)+",
        "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?",
        "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
        "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
        "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?",
        "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?",
        "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?)?)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)?)?)?",
        "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?",
        "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?",
        "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?",
        "[^\\s]+(\\s[^\\s]+)*",
        "[^\\s]+( [^\\s]+)*",
        "urn:oid:[0-2](\\.(0|[1-9][0-9]*))+",
        "[0-2](\\.(0|[1-9][0-9]*))+",
        "[A-Za-z0-9\\-\\.]{1,64}",
        "[A-Za-z0-9\\-.]{1,64}",
        "[0]|([1-9][0-9]*)",
        "[1-9][0-9]*",
        "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[a-zA-Z]\\w*(((\\s+)(\\S)*)*)",
        "[A-Z]{2,3}",
        "[a-z]+/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*",
        "[A-Za-z][A-Za-z0-9+.-]*:",
        "^[^?]+\\?([\\w-]+(=[^&]*)?(&[\\w-]+(=[^&]*)?)*)?$",
        "a.b|\\d\\D\\W{2,}|[^a-c\\d]?x{3}",
        // an accepting state that every character leads back to ends the match early
        "ab[\\s\\S]*",
        "[^x]*x[\\s\\S]*|y+",
        // an automaton of 151 states
        "[0-9a-f:.\\-]{1,150}z?");
  }

  private static final String ALPHABET =
      "0123456789012345-+:.TZzeE \t\n\r\u000B\f\u00A0\u2028aAfFgxyz/=_?&#$!\\<>urn:oid:uuid:";

  @ParameterizedTest
  @MethodSource("regexes")
  void answersAsTheJdkDoes(String regex) {
    TextPattern compiled = TextPattern.compile(regex);
    assertThat(compiled.isAutomaton()).as(regex).isTrue();
    Pattern jdk = Pattern.compile(regex);
    Random random = new Random(regex.hashCode());
    List<String> samples = new ArrayList<>(samples(random));
    // values near matching ones: mutate strings the JDK accepts
    List<String> accepted = new ArrayList<>();
    for (String s : samples) {
      if (jdk.matcher(s).matches()) {
        accepted.add(s);
      }
    }
    accepted.addAll(List.of("2024-01-15T10:30:00.123+14:00", "urn:uuid:" + "0".repeat(8), "1.2.3"));
    for (int k = 0; k < 20_000; k++) {
      String base = accepted.get(random.nextInt(accepted.size()));
      samples.add(mutate(base, random));
    }
    int matched = 0;
    for (String s : samples) {
      boolean expected = jdk.matcher(s).matches();
      matched += expected ? 1 : 0;
      assertThat(compiled.matches(s)).as("%s on '%s'", regex, s).isEqualTo(expected);
    }
    assertThat(matched).as("the samples include values that match " + regex).isPositive();
  }

  private static List<String> samples(Random random) {
    List<String> out = new ArrayList<>();
    out.add("");
    for (int k = 0; k < 20_000; k++) {
      int length = random.nextInt(12);
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < length; c++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      out.add(b.toString());
    }
    for (String valid :
        List.of(
            "true",
            "-12",
            "0",
            "3.14e-5",
            "2024",
            "2024-02",
            "2024-02-29",
            "2024-02-29T23:59:60Z",
            "2024-02-29T23:59:59.123456789-05:00",
            "12:30:00",
            "12:30:00.5",
            "urn:oid:1.2.840.10008",
            "urn:uuid:a5afddf4-e880-459b-876e-e4591b0acc11",
            "a5afddf4-e880-459b-876e-e4591b0acc11",
            "abc-DEF.12",
            "a b c",
            "QUJD",
            "QUI=",
            "text/plain",
            "http:",
            "Patient?name=x&y",
            "b x\ty",
            "US",
            "axb12!!xxx")) {
      out.add(valid);
    }
    return out;
  }

  private static String mutate(String base, Random random) {
    StringBuilder b = new StringBuilder(base);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int op = random.nextInt(4);
      int at = b.length() == 0 ? 0 : random.nextInt(b.length());
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (op) {
        case 0 -> b.insert(at, c);
        case 1 -> {
          if (b.length() > 0) {
            b.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (b.length() > 0) {
            b.setCharAt(at, c);
          }
        }
        default -> b.append(random.nextBoolean() ? "\uD83D\uDE00" : "\uD83D");
      }
    }
    return b.toString();
  }

  /**
   * {@link TextPattern#within} over every pair of the patterns above: where it says yes, no sample
   * one accepts the other refuses; where it says no, for the pairs of the date types, a sample
   * shows why (so that the test fails if the answer is wrongly always yes or always no).
   */
  @Test
  void withinHoldsWhereNoSampleRefutesIt() {
    List<String> all = regexes().toList();
    List<String> samples = new ArrayList<>(samples(new Random(7)));
    Random random = new Random(11);
    for (int k = 0; k < 20_000; k++) {
      samples.add(mutate(samples.get(20_001 + random.nextInt(samples.size() - 20_001)), random));
    }
    int yes = 0;
    for (String inner : all) {
      TextPattern a = TextPattern.compile(inner);
      for (String outer : all) {
        TextPattern b = TextPattern.compile(outer);
        if (TextPattern.within(a, b)) {
          yes++;
          for (String s : samples) {
            if (a.matches(s)) {
              assertThat(b.matches(s)).as("%s within %s, on '%s'", inner, outer, s).isTrue();
            }
          }
        }
      }
      assertThat(TextPattern.within(a, a)).as(inner).isTrue();
    }
    assertThat(yes).isGreaterThan(all.size());
    // R4's dateTime (a zone after a time) within the engine's own (a zone optional); not back
    String r4DateTime = all.get(15);
    String own = all.get(17);
    assertThat(TextPattern.within(TextPattern.compile(r4DateTime), TextPattern.compile(own)))
        .isTrue();
    assertThat(TextPattern.within(TextPattern.compile(own), TextPattern.compile(r4DateTime)))
        .isFalse();
    assertThat(TextPattern.compile(own).matches("2024-01-15T10:30:00")).isTrue();
    assertThat(TextPattern.compile(r4DateTime).matches("2024-01-15T10:30:00")).isFalse();
    // R5's dateTime takes a zone after a month, which the engine's own refuses
    String r5DateTime = all.get(16);
    assertThat(TextPattern.within(TextPattern.compile(r5DateTime), TextPattern.compile(own)))
        .isFalse();
    assertThat(TextPattern.compile(r5DateTime).matches("2024-01Z")).isTrue();
    assertThat(TextPattern.compile(own).matches("2024-01Z")).isFalse();
    // a pattern the JDK runs is never said to be within anything
    assertThat(TextPattern.within(TextPattern.compile("a*?"), TextPattern.compile("[\\s\\S]*")))
        .isFalse();
  }

  @Test
  void leavesOtherConstructsToTheJdk() {
    for (String regex :
        List.of(
            "(?<!\\\\)</?[A-Za-z]", "a*?", "a++", "(a)\\1", "\\p{L}+", "(?i)abc", "[a-z&&[^e]]")) {
      TextPattern p = TextPattern.compile(regex);
      assertThat(p.isAutomaton()).as(regex).isFalse();
      assertThat(p.matches("abc")).isEqualTo(Pattern.compile(regex).matcher("abc").matches());
    }
  }

  @Test
  void supplementaryCharactersCountAsOne() {
    TextPattern p = TextPattern.compile("\\S{1,2}");
    assertThat(p.matches("\uD83D\uDE00\uD83D\uDE00")).isTrue();
    assertThat(p.matches("\uD83D\uDE00\uD83D\uDE00a")).isFalse();
  }

  @Test
  void aLazyPatternAnswersAsTheCompiledOne() {
    TextPattern lazy = TextPattern.lazy("[A-Za-z0-9\\-.]{1,64}");
    assertThat(lazy.matches("abc-1.2")).isTrue();
    assertThat(lazy.matches("a b")).isFalse();
    assertThat(lazy.isAutomaton()).isTrue();
    assertThat(TextPattern.lazy("a*?").isAutomaton()).isFalse();
  }
}
