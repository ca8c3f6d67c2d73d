package dev.taskcheck.fhirpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TestData;
import dev.taskcheck.fhirpath.CoreDefinitions.Constraint;
import dev.taskcheck.fhirpath.CoreDefinitions.Definition;
import dev.taskcheck.fhirpath.CoreDefinitions.Element;
import dev.taskcheck.parse.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The invariants the fast engine will evaluate: every constraint of Task and of every type Task
 * reaches (its elements' types, recursively, and their bases) in the core definitions of R4 and R5,
 * and TaskCheck's own profile invariants. Each compiles and uses only functions the evaluator
 * claims; on the real Tasks of the test corpus, each evaluates on every element it applies to
 * without an error, and the valid spec examples satisfy every error-level invariant.
 */
class InvariantsTest {

  private static CoreDefinitions defs(String release) {
    return release.equals("r5") ? CoreDefinitions.r5() : CoreDefinitions.r4();
  }

  /** Task and the types it reaches, with their bases. */
  static Set<String> reached(CoreDefinitions defs) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("Task"));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      Definition d = defs.definition(name);
      if (d == null || !seen.add(name)) {
        continue;
      }
      if (d.baseName() != null) {
        todo.add(d.baseName());
      }
      for (Element e : d.elements().values()) {
        todo.addAll(e.types());
      }
    }
    return seen;
  }

  /**
   * The distinct (key, expression) constraints of the reached definitions, by key and expression.
   */
  static Map<String, Constraint> invariants(CoreDefinitions defs) {
    Map<String, Constraint> out = new LinkedHashMap<>();
    for (String name : reached(defs)) {
      Definition d = defs.definition(name);
      if (d == null) {
        continue;
      }
      for (Element e : d.elements().values()) {
        for (Constraint c : e.constraints()) {
          out.putIfAbsent(c.key() + " " + c.expression(), c);
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"r4", "r5"})
  void everyCoreInvariantOfTaskAndItsTypesCompilesWithClaimedFunctionsOnly(
      String release, TestReporter report) throws IOException {
    CoreDefinitions defs = defs(release);
    FhirPath fhirPath = FhirPath.builder(TypedTree.model(defs)).build();
    Map<String, Constraint> invariants = invariants(defs);
    assertThat(reached(defs))
        .contains(
            "Task",
            "DomainResource",
            "Resource",
            "Element",
            "BackboneElement",
            "Reference",
            "CodeableConcept",
            "Period",
            "Extension",
            "Narrative",
            "Quantity",
            "Ratio",
            "string",
            "code");
    Set<String> keys = new TreeSet<>();
    Set<String> used = new TreeSet<>();
    for (Constraint c : invariants.values()) {
      keys.add(c.key());
      Expression e = fhirPath.compile(c.expression());
      used.addAll(e.usage());
      for (String u : e.usage()) {
        if (u.endsWith("()")) {
          assertThat(FhirPath.functions())
              .as("%s %s uses %s", c.key(), c.expression(), u)
              .contains(u.substring(0, u.length() - 2));
        } else if (!u.startsWith("%")) {
          assertThat(FhirPath.OPERATORS)
              .as("%s %s uses %s", c.key(), c.expression(), u)
              .contains(u);
        }
      }
    }
    assertThat(keys)
        .contains(
            "ele-1", "ext-1", "dom-2", "dom-3", "dom-4", "dom-5", "dom-6", "ref-1", "rat-1",
            "per-1", "qty-3", "txt-1", "txt-2");
    if (release.equals("r5")) {
      assertThat(keys).contains("tsk-1");
    }
    report.publishEntry(
        release + " invariants", invariants.size() + " (" + String.join(", ", keys) + ")");
    StringBuilder listing = new StringBuilder("key\tseverity\tpath\texpression\n");
    invariants
        .values()
        .forEach(
            c ->
                listing
                    .append(String.join("\t", c.key(), c.severity(), c.path(), c.expression()))
                    .append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target", "fhirpath-task-invariants-" + release + ".tsv"), listing.toString());
    report.publishEntry(release + " functions and operators used", String.join(" ", used));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"r4", "r4b", "r5"})
  void everyTaskCheckProfileInvariantCompilesWithClaimedFunctionsOnly(String release)
      throws IOException {
    Path folder = TestData.root().getParent().resolve("profiles/src/main/fhir").resolve(release);
    FhirPath fhirPath =
        FhirPath.builder(TypedTree.model(defs(release.equals("r5") ? "r5" : "r4"))).build();
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().startsWith("StructureDefinition-"))
              .toList()) {
        Node sd = CoreDefinitions.parse(Files.readAllBytes(f), f.toString());
        for (Node part :
            List.of("differential", "snapshot").stream()
                .map(sd::child)
                .filter(java.util.Objects::nonNull)
                .toList()) {
          for (Node e : part.children("element")) {
            for (Node c : e.children("constraint")) {
              String expression = c.childValue("expression");
              if (expression == null) {
                continue;
              }
              keys.add(c.childValue("key"));
              Expression compiled = fhirPath.compile(expression);
              for (String u : compiled.usage()) {
                if (u.endsWith("()")) {
                  assertThat(FhirPath.functions())
                      .as("%s uses %s", c.childValue("key"), u)
                      .contains(u.substring(0, u.length() - 2));
                }
              }
            }
          }
        }
      }
    }
    assertThat(keys).contains("status-1", "failure-2", "progress-1", "progress-11");
  }

  /**
   * Every invariant of the element definitions evaluates, on every element of every Task document
   * of the test corpus (typed with its release's definitions), without an evaluation error; on the
   * spec's examples, which are valid, every error-level invariant holds.
   */
  @Test
  void invariantsEvaluateOnTheCorpusAndHoldOnTheSpecExamples(TestReporter report)
      throws IOException {
    int evaluations = 0;
    List<String> failures = new ArrayList<>();
    Map<Path, String> files = new LinkedHashMap<>();
    Path corpus = TestData.path("corpus");
    List<String> index = Files.readAllLines(corpus.resolve("INDEX.tsv"));
    for (String line : index.subList(1, index.size())) {
      String[] cols = line.split("\t", -1);
      String version = cols[4];
      if ((cols[0].endsWith(".json") || cols[0].endsWith(".xml")) && !version.startsWith("R6")) {
        files.put(corpus.resolve(cols[0]), version.startsWith("R5") ? "r5" : "r4");
      }
    }
    // a stand-in for the caller's XHTML checker: the spec examples' narratives are valid
    Environment env =
        Environment.builder()
            .htmlChecks(
                div ->
                    (div.primitiveValue() == null || div.primitiveValue().isBlank())
                        ? null
                        : Boolean.TRUE)
            .build();
    Map<String, Map<String, Expression>> compiled = new LinkedHashMap<>();
    for (Map.Entry<Path, String> entry : files.entrySet()) {
      Path f = entry.getKey();
      String release = entry.getValue();
      CoreDefinitions defs = defs(release);
      FhirPath fhirPath = FhirPath.builder(TypedTree.model(defs)).build();
      Map<String, Expression> cache = compiled.computeIfAbsent(release, k -> new LinkedHashMap<>());
      Node root;
      try {
        root = CoreDefinitions.parse(Files.readAllBytes(f), f.toString());
      } catch (IllegalStateException e) {
        continue; // the corpus holds a few documents that do not parse; the parser tests cover them
      }
      FhirNode typed = TypedTree.of(root, defs);
      boolean specExample = f.toString().contains("spec-r4") || f.toString().contains("spec-r5");
      Deque<FhirNode[]> todo = new ArrayDeque<>();
      todo.push(new FhirNode[] {typed, typed});
      while (!todo.isEmpty()) {
        FhirNode[] item = todo.pop();
        TypedTree.Typed node = (TypedTree.Typed) item[0];
        FhirNode resource = node.isResource() ? node : item[1];
        Definition d = defs.definition(node.definition());
        Element element = d == null ? null : d.elements().get(node.path());
        if (element != null) {
          for (Constraint c : element.constraints()) {
            Expression e = cache.computeIfAbsent(c.expression(), fhirPath::compile);
            evaluations++;
            try {
              Truth t = e.test(node, resource, typed, env);
              if (specExample && c.severity().equals("error") && t != Truth.TRUE) {
                failures.add(f.getFileName() + " " + node.path() + " " + c.key() + " gave " + t);
              }
            } catch (FhirPathException ex) {
              failures.add(
                  f.getFileName() + " " + node.path() + " " + c.key() + " " + ex.getMessage());
            }
          }
        }
        for (FhirNode child : node.children()) {
          todo.push(new FhirNode[] {child, resource});
        }
      }
    }
    report.publishEntry("invariant evaluations on the corpus", Integer.toString(evaluations));
    assertThat(evaluations).isGreaterThan(10_000);
    assertThat(failures).isEmpty();
  }
}
