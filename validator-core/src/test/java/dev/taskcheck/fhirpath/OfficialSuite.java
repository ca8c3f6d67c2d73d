package dev.taskcheck.fhirpath;

import dev.taskcheck.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * TEST ONLY: the official FHIRPath test suite ({@code tests-fhir-r4.xml}, {@code tests-fhir-r5.xml}
 * from FHIR/fhir-test-cases, copied into {@code testdata/fhirpath/}) run against this evaluator,
 * with the inputs typed by {@link TypedTree}. Each case is classified: claimed (it uses only what
 * the evaluator claims, so it must pass), a known gap (claimed but listed in {@code known-gaps.tsv}
 * with a reason), or unclaimed (with the reason: an unclaimed function or mode, an input that is
 * not FHIR).
 */
final class OfficialSuite {

  /** Modes of the suite this evaluator does not claim, with why. */
  static final Map<String, String> UNCLAIMED_MODES =
      Map.of(
          "strict", "mode strict (semantic checks against the model at compile time)",
          "lenient/polymorphics",
              "mode lenient/polymorphics (choice elements by their typed names)",
          "cda", "mode cda (the CDA logical model)",
          "tx", "mode tx (%terminologies, a terminology server)",
          "html",
              "mode html (htmlChecks() is the caller's hook; the suite needs the HL7 XHTML checker)");

  /** One test case of the suite. */
  record Case(
      String suite,
      String group,
      String name,
      @Nullable String input,
      String expression,
      @Nullable String invalid,
      List<String[]> outputs,
      boolean predicate,
      boolean unordered,
      @Nullable String mode) {}

  /** What running a case gave. */
  record Outcome(
      Case test, boolean passed, String detail, @Nullable String unclaimed, @Nullable String gap) {
    boolean claimed() {
      return unclaimed == null;
    }
  }

  /** The counts of one suite. */
  record Counts(
      int tests,
      int claimed,
      int passed,
      int gaps,
      int unclaimed,
      int unclaimedPassing,
      Map<String, Integer> unclaimedReasons) {}

  private static final Map<String, List<Outcome>> RUNS = new ConcurrentHashMap<>();

  private final String suite;
  private final Path folder;
  private final CoreDefinitions defs;
  private final FhirPath fhirPath;
  private final Map<String, FhirNode> inputs = new HashMap<>();
  private final Map<String, String> gaps;

  private OfficialSuite(String suite) {
    this.suite = suite;
    this.folder = TestData.path("fhirpath").resolve(suite);
    this.defs = suite.equals("r4") ? CoreDefinitions.r4() : CoreDefinitions.r5();
    this.fhirPath = FhirPath.builder(TypedTree.model(defs)).build();
    this.gaps = knownGaps(suite);
  }

  /** The outcomes of every case of a suite ({@code r4} or {@code r5}), run once per JVM. */
  static List<Outcome> run(String suite) {
    return RUNS.computeIfAbsent(suite, s -> new OfficialSuite(s).runAll());
  }

  static Counts counts(List<Outcome> outcomes) {
    int claimed = 0;
    int passed = 0;
    int gaps = 0;
    int unclaimedPassing = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (o.claimed()) {
        claimed++;
        if (o.gap() != null) {
          gaps++;
        } else if (o.passed()) {
          passed++;
        }
      } else {
        reasons.merge(String.valueOf(o.unclaimed()), 1, Integer::sum);
        if (o.passed()) {
          unclaimedPassing++;
        }
      }
    }
    return new Counts(
        outcomes.size(),
        claimed,
        passed,
        gaps,
        outcomes.size() - claimed,
        unclaimedPassing,
        reasons);
  }

  /** known-gaps.tsv: suite, test name, reason. */
  static Map<String, String> knownGaps(String suite) {
    Map<String, String> out = new LinkedHashMap<>();
    String text =
        new String(CoreDefinitions.resource("fhirpath/known-gaps.tsv"), StandardCharsets.UTF_8);
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3 || cols[2].isBlank()) {
        throw new IllegalStateException(
            "known-gaps.tsv: a line is suite<TAB>test<TAB>reason: " + line);
      }
      if (cols[0].equals(suite)) {
        out.put(cols[1], cols[2]);
      }
    }
    return out;
  }

  private List<Outcome> runAll() {
    List<Outcome> out = new ArrayList<>();
    for (Case c : cases()) {
      String unclaimed = unclaimed(c);
      Outcome o = execute(c);
      out.add(
          new Outcome(
              c, o.passed(), o.detail(), unclaimed, unclaimed == null ? gaps.get(c.name()) : null));
    }
    return out;
  }

  /** Why a case is not claimed, or null when it uses only what the evaluator claims. */
  private @Nullable String unclaimed(Case c) {
    if (c.mode() != null && UNCLAIMED_MODES.containsKey(c.mode())) {
      return UNCLAIMED_MODES.get(c.mode());
    }
    if (c.input() != null && !Files.isRegularFile(folder.resolve(c.input()))) {
      return "input " + c.input() + " (not a FHIR resource)";
    }
    Set<String> usage;
    try {
      usage = FhirPath.usage(c.expression());
    } catch (FhirPathException e) {
      return null; // the parser is claimed: a syntax error must be expected
    }
    Set<String> functions = FhirPath.functions();
    List<String> missing = new ArrayList<>();
    for (String u : usage) {
      if (u.endsWith("()") && !functions.contains(u.substring(0, u.length() - 2))) {
        missing.add(u);
      } else if (u.equals("%terminologies")) {
        missing.add(u);
      }
    }
    return missing.isEmpty() ? null : "uses " + String.join(", ", missing);
  }

  private Outcome execute(Case c) {
    Expression e;
    try {
      e = fhirPath.compile(c.expression());
    } catch (FhirPathException ex) {
      if (c.invalid() == null) {
        return outcome(c, false, "compile error: " + ex.getMessage());
      }
      boolean ok = !c.invalid().equals("syntax") || ex.kind() == FhirPathException.Kind.SYNTAX;
      return outcome(c, ok, ex.kind() + ": " + ex.getMessage());
    }
    if ("syntax".equals(c.invalid())) {
      return outcome(c, false, "expected a syntax error, but it compiled");
    }
    FhirNode root;
    try {
      root = c.input() == null ? null : input(c.input());
    } catch (RuntimeException ex) {
      return outcome(c, false, "input: " + ex);
    }
    List<String[]> actual = new ArrayList<>();
    try {
      if (c.predicate()) {
        Truth t = root == null ? Truth.of(-1) : e.test(root, root, root, Environment.defaults());
        if (t != Truth.EMPTY) {
          actual.add(new String[] {"boolean", t == Truth.TRUE ? "true" : "false"});
        }
      } else {
        for (Object item : e.evaluate(root, root, root, Environment.defaults())) {
          actual.add(describe(item));
        }
      }
    } catch (FhirPathException ex) {
      if (c.invalid() != null) {
        return outcome(c, true, ex.kind() + ": " + ex.getMessage());
      }
      return outcome(c, false, "evaluation error: " + ex.getMessage());
    }
    if (c.invalid() != null) {
      return outcome(c, false, "expected an error, but got " + show(actual));
    }
    boolean same =
        c.unordered() ? sameUnordered(c.outputs(), actual) : sameOrdered(c.outputs(), actual);
    return outcome(
        c, same, (same ? "" : "expected " + show(c.outputs()) + " but got ") + show(actual));
  }

  private static Outcome outcome(Case c, boolean passed, String detail) {
    return new Outcome(c, passed, detail, null, null);
  }

  private static boolean sameOrdered(List<String[]> expected, List<String[]> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!matches(expected.get(i), actual.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameUnordered(List<String[]> expected, List<String[]> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    boolean[] used = new boolean[actual.size()];
    outer:
    for (String[] e : expected) {
      for (int i = 0; i < actual.size(); i++) {
        if (!used[i] && matches(e, actual.get(i))) {
          used[i] = true;
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

  /** An expected output (its type may be absent in the R4 suite) against an actual item. */
  private static boolean matches(String[] expected, String[] actual) {
    return (expected[0].isEmpty() || expected[0].equals(actual[0]))
        && expected[1].equals(actual[1]);
  }

  private static String show(List<String[]> items) {
    StringBuilder b = new StringBuilder("[");
    for (String[] i : items) {
      b.append(b.length() > 1 ? ", " : "").append(i[0]).append(' ').append(i[1]);
    }
    return b.append(']').toString();
  }

  /**
   * An item as the suite writes outputs: its type (FHIR type, or lower-case System type) and its
   * text.
   */
  static String[] describe(Object item) {
    if (item instanceof FhirNode n) {
      String v = n.primitiveValue();
      String type = n.typeName();
      if (v == null) {
        return new String[] {type, ""};
      }
      if (type.equals("date") || type.equals("dateTime") || type.equals("instant")) {
        return new String[] {type, "@" + v};
      }
      return new String[] {type, type.equals("time") ? "@T" + v : v};
    }
    if (item instanceof DateTimeValue d) {
      String type =
          switch (d.kind()) {
            case DATE -> "date";
            case DATE_TIME -> "dateTime";
            case TIME -> "time";
          };
      return new String[] {type, d.toLiteral()};
    }
    if (item instanceof QuantityValue q) {
      return new String[] {"Quantity", q.toString()};
    }
    if (item instanceof BigDecimal d) {
      return new String[] {"decimal", d.toPlainString()};
    }
    String type =
        item instanceof Boolean
            ? "boolean"
            : item instanceof Integer
                ? "integer"
                : item instanceof Long
                    ? "long"
                    : item instanceof String ? "string" : item.getClass().getSimpleName();
    return new String[] {type, String.valueOf(item)};
  }

  private FhirNode input(String file) {
    return inputs.computeIfAbsent(
        file,
        f -> {
          try {
            return TypedTree.of(
                CoreDefinitions.parse(Files.readAllBytes(folder.resolve(f)), f), defs);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private List<Case> cases() {
    Document doc = xml(folder.resolve("tests-fhir-" + suite + ".xml"));
    List<Case> out = new ArrayList<>();
    NodeList groups = doc.getElementsByTagName("group");
    for (int g = 0; g < groups.getLength(); g++) {
      Element group = (Element) groups.item(g);
      NodeList tests = group.getElementsByTagName("test");
      for (int t = 0; t < tests.getLength(); t++) {
        out.add(testCase(group.getAttribute("name"), (Element) tests.item(t)));
      }
    }
    return out;
  }

  private Case testCase(String group, Element test) {
    Element expression = (Element) test.getElementsByTagName("expression").item(0);
    List<String[]> outputs = new ArrayList<>();
    NodeList outs = test.getElementsByTagName("output");
    for (int i = 0; i < outs.getLength(); i++) {
      Element o = (Element) outs.item(i);
      outputs.add(new String[] {o.getAttribute("type"), o.getTextContent()});
    }
    String input = test.getAttribute("inputfile");
    String invalid = expression.getAttribute("invalid");
    String mode = test.getAttribute("mode");
    return new Case(
        suite,
        group,
        test.getAttribute("name"),
        input.isEmpty() ? null : input,
        expression.getTextContent(),
        invalid.isEmpty() ? null : invalid,
        outputs,
        "true".equals(test.getAttribute("predicate")),
        "false".equals(test.getAttribute("ordered")),
        mode.isEmpty() ? null : mode);
  }

  private static Document xml(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
