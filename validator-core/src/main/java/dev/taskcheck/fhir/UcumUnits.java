package dev.taskcheck.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fhir.ucum.BaseUnit;
import org.fhir.ucum.Component;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.DefinedUnit;
import org.fhir.ucum.ExpressionParser;
import org.fhir.ucum.Factor;
import org.fhir.ucum.Operator;
import org.fhir.ucum.Symbol;
import org.fhir.ucum.Term;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumModel;
import org.fhir.ucum.definitions.XmlDefinitionsParser;
import org.jspecify.annotations.Nullable;

/**
 * Questions about UCUM unit codes (case-sensitive UCUM, as FHIR Quantity uses): is a code valid, do
 * two codes measure the same kind of quantity, is a code a plain count.
 *
 * <p>Codes are parsed by the UCUM library ({@code org.fhir:ucum}) against the {@code
 * ucum-essence.xml} that library ships, read from the class path. Whether two units are
 * commensurable is decided by their dimension (exponents of the base units), worked out here from
 * the library's parse tree and the unit definitions. The library's own converter is not used: it
 * multiplies out every conversion factor with exact decimals, so a short code such as {@code Ym20}
 * takes a quarter of a second and {@code km999} does not finish. Two readings differ from the
 * library's {@code isComparable}: a special unit (such as {@code Cel}, {@code [degF]}, {@code
 * [pH]}) has the dimension of the unit its function is defined on (the library gives up on these),
 * and an arbitrary unit (such as {@code [iU]}, {@code [arb'U]}) is commensurable with no unit but
 * itself and units defined from it, as UCUM says (the library treats them as the number 1). And a
 * few codes the library's parser lets through against the UCUM grammar are not valid here:
 * unbalanced parentheses ({@code mg)}) and doubled or misplaced operators ({@code mg//L}, {@code
 * (/L)}).
 *
 * <p>Conversions ({@link #convert}) multiply out the same definitions, to 34 significant digits
 * ({@link MathContext#DECIMAL128}): a unit's factor is its prefix times its definition's value
 * times the factor of the unit it is defined in, to its exponent. Special units are not converted:
 * their scales are functions, not factors.
 *
 * <p>Annotations ({@code {...}}) carry no meaning: {@code {session}} is {@code 1}, {@code
 * mg{total}} is {@code mg}. Codes longer than 256 characters are treated as not valid.
 *
 * <p>Instances are safe for concurrent use: the unit model is only read after loading and every
 * question parses with objects of its own. Answers per code are memoised in a bounded map.
 */
public final class UcumUnits {

  /** How two unit codes relate. */
  public enum Relation {
    /** Identical codes. */
    SAME,
    /**
     * Different codes that are the same once annotations are taken out ({@code {session}}, {@code
     * 1}).
     */
    ANNOTATION_ONLY,
    /** Different units of the same dimension, so convertible ({@code mg} and {@code g}). */
    COMMENSURABLE,
    /** Valid units of different dimensions ({@code mg} and {@code mL}). */
    NOT_COMMENSURABLE,
    /** At least one of the codes is not a valid UCUM code. */
    INVALID
  }

  /** Longer codes are not valid here: real codes are a few dozen characters at most. */
  static final int MAX_CODE_LENGTH = 256;

  /** The memo holds at most this many codes. */
  static final int MAX_CACHE_ENTRIES = 10_000;

  /** Longer codes are answered but not memoised, to bound the memory the memo can take. */
  private static final int MAX_CACHED_CODE_LENGTH = 64;

  private static final String ESSENCE = "/ucum-essence.xml";

  private final UcumModel model;

  /** The dimension of every unit the essence defines (base and defined units), by code. */
  private final Map<String, Dimension> dimensions;

  /**
   * The factor of every unit the essence defines that converts linearly, by code: how many of the
   * base units (their product, to their exponents) one of it is. Special units have none.
   */
  private final Map<String, BigDecimal> factors;

  /** The precision conversions are carried out to. */
  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private final ConcurrentMap<String, Reading> readings = new ConcurrentHashMap<>();

  private UcumUnits(UcumModel model, Map<String, String> functionUnits, Set<String> arbitrary) {
    this.model = model;
    Definitions definitions = new Definitions(model, functionUnits, arbitrary);
    this.dimensions = definitions.all();
    this.factors = Map.copyOf(definitions.factors);
  }

  /** The process-wide instance (the essence file is parsed once, lazily, thread-safely). */
  public static UcumUnits shared() {
    return Holder.INSTANCE;
  }

  private static final AtomicBoolean WARMING = new AtomicBoolean();

  /**
   * Starts reading the definitions on a background daemon thread, once, so that a short run that
   * needs them (a Quantity's unit, a progress rule) finds them ready or nearly so: reading them
   * takes a few hundred milliseconds, which a run would otherwise add to its first result. {@link
   * #shared()} waits for the same reading, never a second one.
   */
  public static void warmUp() {
    if (WARMING.compareAndSet(false, true)) {
      Thread t = new Thread(UcumUnits::shared, "taskcheck-ucum-warm-up");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Lazy, once-only loading by the class-initialisation lock. */
  private static final class Holder {
    static final UcumUnits INSTANCE = load();
  }

  private static UcumUnits load() {
    byte[] essence;
    try (InputStream in = XmlDefinitionsParser.class.getResourceAsStream(ESSENCE)) {
      if (in == null) {
        throw new IllegalStateException(
            ESSENCE + " is missing from the class path (it ships in org.fhir:ucum)");
      }
      essence = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      // the parser itself, not UcumEssenceService: that goes through a process-wide settable
      // provider
      UcumModel model = new XmlDefinitionsParser().parse(new ByteArrayInputStream(essence));
      Map<String, String> functionUnits = new HashMap<>();
      Set<String> arbitrary = new HashSet<>();
      readFunctionsAndArbitraryUnits(essence, functionUnits, arbitrary);
      return new UcumUnits(model, functionUnits, arbitrary);
    } catch (UcumException | XMLStreamException e) {
      throw new IllegalStateException("cannot read " + ESSENCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * What the library's model leaves out: the unit each special unit's function is defined on, and
   * which units are arbitrary.
   */
  private static void readFunctionsAndArbitraryUnits(
      byte[] essence, Map<String, String> functionUnits, Set<String> arbitrary)
      throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(essence));
    try {
      String unit = null;
      while (reader.hasNext()) {
        if (reader.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = reader.getLocalName();
        if (name.equals("unit")) {
          unit = reader.getAttributeValue(null, "Code");
          if (unit != null && "yes".equals(reader.getAttributeValue(null, "isArbitrary"))) {
            arbitrary.add(unit);
          }
        } else if (name.equals("function") && unit != null) {
          String on = reader.getAttributeValue(null, "Unit");
          if (on != null) {
            functionUnits.put(unit, on);
          }
        }
      }
    } finally {
      reader.close();
    }
  }

  /**
   * How two UCUM codes relate. SAME: identical strings. ANNOTATION_ONLY: they differ only in
   * curly-brace annotations ({@code {session}}, {@code 1}, {@code {visit}}; {@code mg{total}},
   * {@code mg}). COMMENSURABLE: different but convertible ({@code mg}, {@code g}; {@code h}, {@code
   * min}; {@code %}, {@code 1}). NOT_COMMENSURABLE: valid units of different dimension ({@code mg},
   * {@code mL}; {@code {session}}, {@code mg}). INVALID: one of them is not a valid UCUM code.
   * Never throws.
   */
  public Relation compare(@Nullable String a, @Nullable String b) {
    Reading ra = read(a);
    Reading rb = read(b);
    if (ra == null || rb == null || a == null || b == null) {
      return Relation.INVALID;
    }
    if (a.equals(b)) {
      return Relation.SAME;
    }
    if (ra.skeleton().equals(rb.skeleton())) {
      return Relation.ANNOTATION_ONLY;
    }
    return ra.dimension().equals(rb.dimension())
        ? Relation.COMMENSURABLE
        : Relation.NOT_COMMENSURABLE;
  }

  /**
   * {@code value}, given in unit {@code from}, in unit {@code to}, to 34 significant digits: {@code
   * convert(500, "mg", "g")} is 0.500. Null when either code is not valid UCUM, when the units are
   * not commensurable, or when either involves a special unit ({@code Cel}, {@code [degF]}, {@code
   * [pH]}: their scales are not proportional). Codes that differ only in annotation convert with
   * the factor 1. Never throws.
   */
  public @Nullable BigDecimal convert(
      BigDecimal value, @Nullable String from, @Nullable String to) {
    Reading a = read(from);
    Reading b = read(to);
    if (a == null || b == null || !a.dimension().equals(b.dimension())) {
      return null;
    }
    BigDecimal fa = a.factor();
    BigDecimal fb = b.factor();
    if (fa == null || fb == null || fb.signum() == 0) {
      return null;
    }
    try {
      return value.multiply(fa, PRECISION).divide(fb, PRECISION);
    } catch (ArithmeticException e) {
      return null; // an exponent out of BigDecimal's range
    }
  }

  /**
   * True for a dimensionless count unit: {@code 1} or a unit made of annotations and the number 1
   * only, such as {@code {session}}, {@code 1{visit}} or {@code {tablets}/{day}}: units whose
   * meaning, after removing annotations, is exactly 1. Not {@code %} or {@code 10*3{cells}}
   * (dimensionless, but not 1); other spellings of 1 ({@code 10*0}, {@code 10/10}) are not
   * recognised. Never throws.
   */
  public boolean isCount(@Nullable String code) {
    Reading r = read(code);
    return r != null && r.count();
  }

  /**
   * True when code is a valid UCUM expression (case-sensitive UCUM; the empty string is not). Never
   * throws.
   */
  public boolean isValid(@Nullable String code) {
    return read(code) != null;
  }

  /** What one valid code means here; null when the code is not valid. */
  private @Nullable Reading read(@Nullable String code) {
    if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
      return null;
    }
    Reading known = readings.get(code);
    if (known != null) {
      return known.valid() ? known : null;
    }
    Reading fresh = interpret(code);
    if (code.length() <= MAX_CACHED_CODE_LENGTH) {
      // only misses get here, and unit vocabularies are small: a lock keeps the bound exact
      synchronized (readings) {
        if (readings.size() < MAX_CACHE_ENTRIES) {
          readings.putIfAbsent(code, fresh);
        }
      }
    }
    return fresh.valid() ? fresh : null;
  }

  /** The number of codes memoised (for tests of the bound). */
  int memoised() {
    return readings.size();
  }

  private Reading interpret(String code) {
    if (!operatorsAndParenthesesWellPlaced(code)) {
      return Reading.INVALID;
    }
    try {
      Term term = new ExpressionParser(model).parse(code);
      return new Reading(
          true,
          skeleton(code),
          dimensionOf(term, dimensions::get),
          isOne(term),
          factorOf(term, factors::get));
    } catch (UcumException | RuntimeException e) {
      // the library reports bad codes as UcumException, and a few as NumberFormatException and the
      // like
      return Reading.INVALID;
    }
  }

  /**
   * What the UCUM grammar requires and the library's parser lets through: parentheses that balance
   * (it accepts {@code mg)}), and no operator right after another or after {@code (} (it accepts
   * {@code mg//L}, {@code mg./L}, {@code (/L)}); only the whole code may begin with {@code /}.
   * Square brackets and annotations are skipped: a {@code .} inside brackets belongs to the unit
   * ({@code B[10.nV]}).
   */
  private static boolean operatorsAndParenthesesWellPlaced(String code) {
    int depth = 0;
    char previous = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '{' || c == '[') {
        int close = code.indexOf(c == '{' ? '}' : ']', i + 1);
        if (close < 0) {
          return true; // unterminated: the parser reports it
        }
        i = close;
        previous = code.charAt(close);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return false;
      } else if ((c == '/' || c == '.')
          && (previous == '/' || previous == '.' || previous == '(')) {
        return false;
      }
      previous = c;
    }
    return depth == 0;
  }

  /**
   * The code with its annotations taken out: an annotation standing as a term of its own becomes
   * {@code 1} ({@code {a}/{b}} is {@code 1/1}), one that follows a unit or number goes ({@code
   * mg{x}} is {@code mg}). Only called for valid codes, where every <code>&#123;</code> opens an
   * annotation.
   */
  static String skeleton(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int close = code.indexOf('}', i + 1);
      if (close < 0) {
        out.append(code, i, code.length());
        break;
      }
      char before = i == 0 ? '/' : code.charAt(i - 1);
      if (before == '/' || before == '.' || before == '(') {
        out.append('1');
      }
      i = close + 1;
    }
    return out.toString();
  }

  /** True when the term is made only of the number 1 (annotations parse as 1). */
  private static boolean isOne(@Nullable Term term) {
    for (Term t = term; t != null; t = t.getTerm()) {
      Component c = t.getComp();
      boolean one =
          c == null
              || (c instanceof Factor f && f.getValue() == 1)
              || (c instanceof Term inner && isOne(inner))
              || (c instanceof Symbol s && s.getUnit() == null);
      if (!one) {
        return false;
      }
    }
    return true;
  }

  /**
   * The dimension of a parsed term. A term is a chain {@code comp op comp op ...} read left to
   * right, so an operator applies to the component right after it; prefixes and numbers have no
   * dimension.
   */
  private static Dimension dimensionOf(Term term, Function<String, @Nullable Dimension> units) {
    Dimension result = Dimension.NONE;
    boolean divide = false;
    for (Term t = term; t != null; t = t.getTerm()) {
      Component c = t.getComp();
      Dimension d = Dimension.NONE;
      long exponent = 1;
      if (c instanceof Term inner) {
        d = dimensionOf(inner, units);
      } else if (c instanceof Symbol s && s.getUnit() != null) {
        d = units.apply(s.getUnit().getCode());
        if (d == null) {
          throw new IllegalStateException("no dimension for unit " + s.getUnit().getCode());
        }
        exponent = s.getExponent();
      }
      result = result.plus(d, divide ? -exponent : exponent);
      divide = t.getOp() == Operator.DIVISION;
    }
    return result;
  }

  /**
   * The factor of a parsed term: how many of the base units one of it is, read left to right as
   * {@link #dimensionOf} reads it (numbers and prefixes count here); null when a unit in it has no
   * factor (a special unit) or the arithmetic leaves BigDecimal's range.
   */
  private static @Nullable BigDecimal factorOf(
      Term term, Function<String, @Nullable BigDecimal> units) {
    BigDecimal result = BigDecimal.ONE;
    boolean divide = false;
    try {
      for (Term t = term; t != null; t = t.getTerm()) {
        Component c = t.getComp();
        @Nullable BigDecimal f = BigDecimal.ONE;
        if (c instanceof Term inner) {
          f = factorOf(inner, units);
        } else if (c instanceof Factor k) {
          f = BigDecimal.valueOf(k.getValue());
        } else if (c instanceof Symbol s && s.getUnit() != null) {
          @Nullable BigDecimal unit = units.apply(s.getUnit().getCode());
          if (unit != null && s.getPrefix() != null) {
            BigDecimal prefix = decimal(s.getPrefix().getValue());
            unit = prefix == null ? null : unit.multiply(prefix, PRECISION);
          }
          f = unit == null ? null : power(unit, s.getExponent());
        }
        if (f == null || (divide && f.signum() == 0)) {
          return null;
        }
        result = divide ? result.divide(f, PRECISION) : result.multiply(f, PRECISION);
        divide = t.getOp() == Operator.DIVISION;
      }
    } catch (ArithmeticException e) {
      return null;
    }
    return result;
  }

  private static BigDecimal power(BigDecimal base, int exponent) {
    if (exponent >= 0) {
      return base.pow(exponent, PRECISION);
    }
    return BigDecimal.ONE.divide(base.pow(-exponent, PRECISION), PRECISION);
  }

  /** The library's decimal as a BigDecimal; null when it has none or it does not read. */
  private static @Nullable BigDecimal decimal(@Nullable Decimal d) {
    if (d == null) {
      return null;
    }
    try {
      return new BigDecimal(d.asDecimal());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * What a valid code means. {@code skeleton}: the code without annotations; {@code count}: it
   * means exactly 1; {@code factor}: how many of the base units one of it is (null for special
   * units, which do not convert by a factor).
   */
  private record Reading(
      boolean valid,
      String skeleton,
      Dimension dimension,
      boolean count,
      @Nullable BigDecimal factor) {
    static final Reading INVALID = new Reading(false, "", Dimension.NONE, false, null);
  }

  /**
   * Exponents of the base units ({@code m}, {@code s}, {@code g}, {@code rad}, {@code K}, {@code
   * C}, {@code cd}) and of arbitrary units, by code; no zero exponents.
   */
  private record Dimension(Map<String, Long> exponents) {
    static final Dimension NONE = new Dimension(Map.of());

    static Dimension of(String axis) {
      return new Dimension(Map.of(axis, 1L));
    }

    /** This times {@code other} to the power {@code power}. */
    Dimension plus(Dimension other, long power) {
      if (other.exponents.isEmpty() || power == 0) {
        return this;
      }
      Map<String, Long> sum = new HashMap<>(exponents);
      other.exponents.forEach(
          (axis, e) -> sum.merge(axis, Math.multiplyExact(e, power), Math::addExact));
      sum.values().removeIf(e -> e == 0);
      return new Dimension(Map.copyOf(sum));
    }
  }

  /** Works out the dimension of every unit of the model, each definition once. */
  private static final class Definitions {
    private final UcumModel model;
    private final Map<String, String> functionUnits;
    private final Set<String> arbitrary;
    private final Map<String, DefinedUnit> byCode = new HashMap<>();
    private final Map<String, Dimension> done = new HashMap<>();

    /** The factor of every unit whose dimension is done and that converts linearly. */
    final Map<String, BigDecimal> factors = new HashMap<>();

    private final Set<String> underway = new HashSet<>();

    Definitions(UcumModel model, Map<String, String> functionUnits, Set<String> arbitrary) {
      this.model = model;
      this.functionUnits = functionUnits;
      this.arbitrary = arbitrary;
    }

    Map<String, Dimension> all() {
      for (BaseUnit base : model.getBaseUnits()) {
        done.put(base.getCode(), Dimension.of(base.getCode()));
        factors.put(base.getCode(), BigDecimal.ONE);
      }
      for (DefinedUnit unit : model.getDefinedUnits()) {
        byCode.put(unit.getCode(), unit);
      }
      for (DefinedUnit unit : model.getDefinedUnits()) {
        dimension(unit);
      }
      return Map.copyOf(done);
    }

    private Dimension dimension(DefinedUnit unit) {
      String code = unit.getCode();
      Dimension known = done.get(code);
      if (known != null) {
        return known;
      }
      if (!underway.add(code)) {
        throw new IllegalStateException("the UCUM essence defines " + code + " in terms of itself");
      }
      // a special unit's value is a function (cel(1 K)); its dimension is that of the unit it is
      // defined on
      String definition = unit.isSpecial() ? functionUnits.get(code) : unit.getValue().getUnit();
      if (definition == null) {
        throw new IllegalStateException("the UCUM essence gives no definition for " + code);
      }
      Dimension d;
      Term term;
      try {
        term = new ExpressionParser(model).parse(definition);
        d = dimensionOf(term, this::resolve);
      } catch (UcumException e) {
        throw new IllegalStateException(
            "cannot read the definition of " + code + ": " + definition, e);
      }
      if (d.exponents().isEmpty() && arbitrary.contains(code)) {
        d = Dimension.of(code); // arbitrary units stand apart from every other unit
      }
      underway.remove(code);
      done.put(code, d);
      if (!unit.isSpecial()) {
        // the units the definition names are done now (dimensionOf resolved them)
        BigDecimal value = decimal(unit.getValue().getValue());
        BigDecimal of = factorOf(term, factors::get);
        if (value != null && of != null) {
          factors.put(code, value.multiply(of, PRECISION));
        }
      }
      return d;
    }

    /** The dimension of a unit by code, worked out on demand while definitions are read. */
    private @Nullable Dimension resolve(String code) {
      Dimension known = done.get(code);
      if (known != null) {
        return known;
      }
      DefinedUnit unit = byCode.get(code);
      return unit == null ? null : dimension(unit);
    }
  }
}
