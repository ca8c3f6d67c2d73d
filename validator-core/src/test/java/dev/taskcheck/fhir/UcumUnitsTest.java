package dev.taskcheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.taskcheck.fhir.UcumUnits.Relation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhir.ucum.DefinedUnit;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumModel;
import org.fhir.ucum.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UCUM codes: validity, how two codes relate, counts; against the UCUM library's own answers too.
 */
class UcumUnitsTest {

  private static final UcumUnits UCUM = UcumUnits.shared();

  @ParameterizedTest(name = "{0} {1} in {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      500  | mg          | g       | 0.5
      2    | g           | mg      | 2000
      1000 | mg          | g       | 1
      90   | min         | h       | 1.5
      1    | [lb_av]     | g       | 453.59237
      50   | %           | 1       | 0.5
      3    | {session}   | {visit} | 3
      2    | mg{total}   | ug      | 2000
      1    | km2         | m2      | 1000000
      1    | mg/mL       | g/L     | 1
      """)
  void convertsCommensurableUnits(String value, String from, String to, String expected) {
    assertThat(UCUM.convert(new BigDecimal(value), from, to)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest(name = "{0} to {1}: no conversion")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      mg      | mL
      Cel     | K
      [degF]  | Cel
      [iU]    | mg
      mg      | notAUnit
      """)
  void convertsNothingElse(String from, String to) {
    assertThat(UCUM.convert(BigDecimal.ONE, from, to)).isNull();
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      mg                | g              | COMMENSURABLE
      mg                | mL             | NOT_COMMENSURABLE
      mg                | mg             | SAME
      {session}         | {session}      | SAME
      {session}         | 1              | ANNOTATION_ONLY
      {session}         | {visit}        | ANNOTATION_ONLY
      1{session}        | {visit}        | ANNOTATION_ONLY
      {session}         | mg             | NOT_COMMENSURABLE
      mg{total}         | mg             | ANNOTATION_ONLY
      mg{total}         | mg{dose}       | ANNOTATION_ONLY
      mg{total}         | g              | COMMENSURABLE
      10*3{cells}       | 10*3           | ANNOTATION_ONLY
      10*3{cells}/uL    | 10*9/L         | COMMENSURABLE
      {tablets}/d       | 1/d            | ANNOTATION_ONLY
      {tablets}/d       | /d             | COMMENSURABLE
      {a}/{b}           | 1/1            | ANNOTATION_ONLY
      {a}/{b}           | 1              | COMMENSURABLE
      %                 | 1              | COMMENSURABLE
      %                 | {session}      | COMMENSURABLE
      h                 | min            | COMMENSURABLE
      h                 | s              | COMMENSURABLE
      wk                | d              | COMMENSURABLE
      mo                | a              | COMMENSURABLE
      h                 | m              | NOT_COMMENSURABLE
      /min              | 1/min          | COMMENSURABLE
      /min              | Hz             | COMMENSURABLE
      s-1               | Hz             | COMMENSURABLE
      mL                | L              | COMMENSURABLE
      mL                | cm3            | COMMENSURABLE
      L                 | l              | COMMENSURABLE
      m.s-2             | m/s2           | COMMENSURABLE
      N                 | kg.m/s2        | COMMENSURABLE
      N                 | kg.m/s         | NOT_COMMENSURABLE
      kg/m2             | g/cm2          | COMMENSURABLE
      mm[Hg]            | kPa            | COMMENSURABLE
      g/dL              | mg/mL          | COMMENSURABLE
      mmol/L            | mg/dL          | NOT_COMMENSURABLE
      [in_i]            | cm             | COMMENSURABLE
      [lb_av]           | kg             | COMMENSURABLE
      10.uN.s/(cm5.m2)  | Pa.s/m5        | COMMENSURABLE
      10.uN.s/(cm5.m2)  | Pa.s/m3        | NOT_COMMENSURABLE
      Cel               | K              | COMMENSURABLE
      [degF]            | Cel            | COMMENSURABLE
      Cel               | g              | NOT_COMMENSURABLE
      [pH]              | mol/L          | COMMENSURABLE
      %[slope]          | deg            | COMMENSURABLE
      B[V]              | V              | COMMENSURABLE
      [iU]              | 1              | NOT_COMMENSURABLE
      [iU]              | {session}      | NOT_COMMENSURABLE
      [IU]              | [iU]           | COMMENSURABLE
      [iU]/mL           | [IU]/L         | COMMENSURABLE
      [iU]/mL           | [iU]           | NOT_COMMENSURABLE
      "[arb'U]"         | [iU]           | NOT_COMMENSURABLE
      mg                | xyz            | INVALID
      xyz               | mg             | INVALID
      xyz               | xyz            | INVALID
      {session          | {session       | INVALID
      mg                | " mg"          | INVALID
      mg                | ""             | INVALID
      ""                | ""             | INVALID
      """)
  void comparesCodes(String a, String b, Relation expected) {
    assertThat(UCUM.compare(a, b)).isEqualTo(expected);
    assertThat(UCUM.compare(b, a)).as("symmetric").isEqualTo(expected);
  }

  @Test
  void nullIsInvalid() {
    assertThat(UCUM.compare(null, "mg")).isEqualTo(Relation.INVALID);
    assertThat(UCUM.compare("mg", null)).isEqualTo(Relation.INVALID);
    assertThat(UCUM.compare(null, null)).isEqualTo(Relation.INVALID);
    assertThat(UCUM.isValid(null)).isFalse();
    assertThat(UCUM.isCount(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1", "{session}", "{visit}", "1{visit}", "{tablets}/{day}", "/{day}", "({a})"})
  void countsAreOneAndAnnotations(String code) {
    assertThat(UCUM.isCount(code)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "%",
        "mg",
        "10*3{cells}",
        "10*3",
        "/min",
        "{session}/d",
        "[iU]",
        "[arb'U]",
        "2",
        "xyz",
        "{session",
        "mg{total}"
      })
  void otherUnitsAreNotCounts(String code) {
    assertThat(UCUM.isCount(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "mg",
        "mL",
        "{session}",
        "%",
        "10*3/uL",
        "10^3",
        "mm[Hg]",
        "kg/m2",
        "/min",
        "s-1",
        "m+2",
        "10.uN.s/(cm5.m2)",
        "[iU]/L",
        "[arb'U]",
        "Cel",
        "[degF]",
        "mg{total}",
        "{a}/{b}",
        "{a}{b}",
        "ug/(24.h)",
        "/L",
        "(mg)",
        "mg.(L)",
        "mg/(L.h)",
        "B[10.nV]",
        "mg{a./b}/L",
        "Ym20",
        "km999",
        "m2147483647"
      })
  void validCodes(String code) {
    assertThat(UCUM.isValid(code)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "xyz",
        " mg",
        "mg ",
        "m g",
        "MGG",
        "mg/",
        "/",
        "(mg",
        "mg)",
        "()",
        "mg}",
        "{session",
        "{\u00e4}",
        "\u00b5g",
        "\u03bcg",
        "[",
        "]",
        "[in_i",
        "m[",
        "mg..L",
        "{a}mg",
        "99999999999",
        "m99999999999",
        "m+",
        "mg\u0000",
        "mg\n",
        "\ud800",
        "10**3",
        "m^",
        // the UCUM grammar forbids these, the library's parser accepts them
        "mg)",
        "(mg))",
        "mg//L",
        "mg./L",
        "(/L)",
        "//L",
        "mg/(/L)",
        "mg/(.L)"
      })
  void invalidCodes(String code) {
    assertThat(UCUM.isValid(code)).isFalse();
    assertThat(UCUM.compare(code, "mg")).isEqualTo(Relation.INVALID);
    assertThat(UCUM.isCount(code)).isFalse();
  }

  @Test
  void neverThrowsAndNeverHangsOnHostileInput() {
    List<String> hostile =
        List.of(
            "m".repeat(1_000_000),
            "(".repeat(100_000),
            "(".repeat(100) + "m" + ")".repeat(100),
            "m.".repeat(100_000) + "m",
            "{" + "a".repeat(1_000_000) + "}",
            "{".repeat(10_000),
            "[".repeat(10_000),
            "km999",
            "Ym2147483647",
            "Ym2147483647.Ym2147483647.Ym2147483647/Ym-2147483648",
            "10*2147483647",
            ("km99." + "Ym99.").repeat(20) + "mg");
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (String code : hostile) {
            assertThatCode(
                    () -> {
                      UCUM.isValid(code);
                      UCUM.isCount(code);
                      UCUM.compare(code, "m");
                      UCUM.compare("m", code);
                    })
                .doesNotThrowAnyException();
          }
        });
    assertThat(UCUM.isValid("m".repeat(1_000_000))).isFalse();
    assertThat(UCUM.compare("km999", "m999")).isEqualTo(Relation.COMMENSURABLE);
    assertThat(UCUM.compare("Ym2147483647", "m")).isEqualTo(Relation.NOT_COMMENSURABLE);
    assertThat(UCUM.compare("Ym2147483647/Ym2147483646", "m")).isEqualTo(Relation.COMMENSURABLE);
  }

  @Test
  void codesUpToTheLengthLimitAreRead() {
    String longest = "m.".repeat((UcumUnits.MAX_CODE_LENGTH - 1) / 2) + "m";
    assertThat(longest).hasSizeLessThanOrEqualTo(UcumUnits.MAX_CODE_LENGTH);
    assertThat(UCUM.isValid(longest)).isTrue();
    assertThat(UCUM.isValid(longest + ".m")).isFalse();
    String nested = "(".repeat(100) + "m" + ")".repeat(100);
    assertThat(UCUM.compare(nested, "cm")).isEqualTo(Relation.COMMENSURABLE);
  }

  @Test
  void theMemoStaysBounded() {
    for (int i = 0; i < UcumUnits.MAX_CACHE_ENTRIES + 2_000; i++) {
      UCUM.isValid("{n" + i + "}");
    }
    assertThat(UCUM.memoised()).isLessThanOrEqualTo(UcumUnits.MAX_CACHE_ENTRIES);
    assertThat(UCUM.isValid("{n" + (UcumUnits.MAX_CACHE_ENTRIES + 1_000) + "}")).isTrue();
    assertThat(UCUM.compare("mg", "g")).isEqualTo(Relation.COMMENSURABLE);
  }

  @Test
  void agreesWithTheLibraryOnEveryOrdinaryUnitOfTheEssence() throws Exception {
    byte[] essence = essence();
    UcumEssenceService library = new UcumEssenceService(new ByteArrayInputStream(essence));
    UcumModel model = library.getModel();
    Set<String> arbitrary = arbitraryUnits(new String(essence, StandardCharsets.US_ASCII));
    assertThat(arbitrary).contains("[iU]", "[IU]", "[arb'U]");

    Map<String, String> canonical = new HashMap<>();
    List<Unit> units = new ArrayList<>(model.getBaseUnits());
    units.addAll(model.getDefinedUnits());
    for (Unit unit : units) {
      String code = unit.getCode();
      assertThat(UCUM.isValid(code)).as(code).isTrue();
      boolean special = unit instanceof DefinedUnit d && d.isSpecial();
      if (!special && !arbitrary.contains(code)) {
        canonical.put(code, library.getCanonicalUnits(code));
      }
    }
    assertThat(canonical).hasSizeGreaterThan(200);
    Set<Relation> convertible =
        EnumSet.of(Relation.SAME, Relation.ANNOTATION_ONLY, Relation.COMMENSURABLE);
    for (Map.Entry<String, String> a : canonical.entrySet()) {
      for (Map.Entry<String, String> b : canonical.entrySet()) {
        boolean expected = a.getValue().equals(b.getValue());
        assertThat(convertible.contains(UCUM.compare(a.getKey(), b.getKey())))
            .as("%s (%s) vs %s (%s)", a.getKey(), a.getValue(), b.getKey(), b.getValue())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void arbitraryUnitsAreCommensurableOnlyWithThemselves() throws IOException {
    Set<String> arbitrary = arbitraryUnits(new String(essence(), StandardCharsets.US_ASCII));
    for (String code : arbitrary) {
      assertThat(UCUM.compare(code, "1")).as(code).isEqualTo(Relation.NOT_COMMENSURABLE);
      assertThat(UCUM.compare(code, "mg")).as(code).isEqualTo(Relation.NOT_COMMENSURABLE);
      assertThat(UCUM.compare(code + "/mL", code + "/L"))
          .as(code)
          .isEqualTo(Relation.COMMENSURABLE);
      assertThat(UCUM.isCount(code)).as(code).isFalse();
    }
  }

  @Test
  void specialUnitsTheLibraryCannotConvertStillHaveADimension() {
    // the library has no handler for these (its registry spells [hp_X] where the essence has
    // [hp'_X])
    assertThat(UCUM.compare("[hp'_X]", "1")).isEqualTo(Relation.COMMENSURABLE);
    assertThat(UCUM.compare("B[10.nV]", "V")).isEqualTo(Relation.COMMENSURABLE);
    assertThat(UCUM.compare("B[SPL]", "Pa")).isEqualTo(Relation.COMMENSURABLE);
    assertThat(UCUM.compare("bit_s", "1")).isEqualTo(Relation.COMMENSURABLE);
    assertThat(UCUM.compare("[p'diop]", "rad")).isEqualTo(Relation.COMMENSURABLE);
  }

  @Test
  void answersTheSameFromManyThreads() throws Exception {
    record Case(String a, String b, Relation relation, boolean countA) {}
    List<Case> cases =
        List.of(
            new Case("mg", "g", Relation.COMMENSURABLE, false),
            new Case("mg", "mL", Relation.NOT_COMMENSURABLE, false),
            new Case("{session}", "1", Relation.ANNOTATION_ONLY, true),
            new Case("{session}", "{visit}", Relation.ANNOTATION_ONLY, true),
            new Case("{session}", "mg", Relation.NOT_COMMENSURABLE, true),
            new Case("%", "1", Relation.COMMENSURABLE, false),
            new Case("h", "min", Relation.COMMENSURABLE, false),
            new Case("Cel", "K", Relation.COMMENSURABLE, false),
            new Case("xyz", "g", Relation.INVALID, false));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        Callable<Integer> work =
            () -> {
              start.await();
              int checked = 0;
              for (int i = 0; i < 2_000; i++) {
                Case c = cases.get((i + seed) % cases.size());
                // fresh codes too, so that threads also race to read and memoise
                String fresh = "{t" + seed + "i" + i + "}";
                assertThat(UCUM.compare(c.a(), c.b())).isEqualTo(c.relation());
                assertThat(UCUM.isCount(c.a())).isEqualTo(c.countA());
                assertThat(UCUM.compare(fresh, c.a()))
                    .isEqualTo(
                        c.a().equals("xyz")
                            ? Relation.INVALID
                            : c.countA()
                                ? Relation.ANNOTATION_ONLY
                                : c.a().equals("%")
                                    ? Relation.COMMENSURABLE
                                    : Relation.NOT_COMMENSURABLE);
                checked++;
              }
              return checked;
            };
        results.add(pool.submit(work));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(2_000);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(UCUM.memoised()).isLessThanOrEqualTo(UcumUnits.MAX_CACHE_ENTRIES + threads);
  }

  @Test
  void theSkeletonDropsAnnotationsAsTheParserDoes() {
    assertThat(UcumUnits.skeleton("{session}")).isEqualTo("1");
    assertThat(UcumUnits.skeleton("mg{total}")).isEqualTo("mg");
    assertThat(UcumUnits.skeleton("{a}/{b}")).isEqualTo("1/1");
    assertThat(UcumUnits.skeleton("{a}{b}")).isEqualTo("1");
    assertThat(UcumUnits.skeleton("10*3{cells}/uL")).isEqualTo("10*3/uL");
    assertThat(UcumUnits.skeleton("({x}).mg{y}")).isEqualTo("(1).mg");
  }

  private static byte[] essence() throws IOException {
    try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
      assertThat(in).as("ucum-essence.xml on the class path").isNotNull();
      return in.readAllBytes();
    }
  }

  /**
   * The codes of units the essence marks arbitrary, read with a pattern rather than an XML parser.
   */
  private static Set<String> arbitraryUnits(String essence) {
    Set<String> codes = new HashSet<>();
    Matcher m =
        Pattern.compile("<unit\\b[^>]*?\\bCode=\"([^\"]*)\"[^>]*?\\bisArbitrary=\"yes\"")
            .matcher(essence);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }
}
