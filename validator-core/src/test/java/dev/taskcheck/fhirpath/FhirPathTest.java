package dev.taskcheck.fhirpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.fhirpath.FhirPathException.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluator beyond the official suites: the claimed functions the suites do not exercise, the
 * hooks, compile errors with their positions, the input model's merging of JSON primitive
 * extensions, quantities on FHIR Quantity elements, Long, and concurrent evaluation of one compiled
 * expression.
 */
class FhirPathTest {

  private static final String TASK =
      """
      {
        "resourceType": "Task",
        "id": "t1",
        "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">x</div>"},
        "contained": [{"resourceType": "Patient", "id": "p1", "active": true}],
        "extension": [{"url": "http://x/a", "extension": [{"url": "http://x/b", "valueString": "deep"}]}],
        "status": "completed",
        "_status": {"extension": [{"url": "http://x/note", "valueString": "n"}]},
        "intent": "order",
        "for": {"reference": "#p1"},
        "executionPeriod": {"start": "2024-01-10", "end": "2024-01-10T09:00:00Z"},
        "input": [
          {"type": {"text": "dose"}, "valueRange": {"low": {"value": 1, "system": "http://unitsofmeasure.org", "code": "g"},
            "high": {"value": 500, "system": "http://unitsofmeasure.org", "code": "mg"}}},
          {"type": {"text": "count"}, "valueInteger": 3}
        ]
      }
      """;

  private static final String BUNDLE =
      """
      {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
          {"fullUrl": "http://example.org/fhir/Task/t2", "resource": {"resourceType": "Task", "id": "t2",
            "status": "requested", "intent": "order", "focus": {"reference": "Patient/p2"},
            "basedOn": [{"reference": "http://example.org/fhir/Task/t2"}]}},
          {"fullUrl": "urn:uuid:0c9d", "resource": {"resourceType": "Patient", "id": "p2"}}
        ]
      }
      """;

  private static final FhirModel MODEL = TypedTree.model(CoreDefinitions.r4());
  private static final FhirPath FHIRPATH = FhirPath.builder(MODEL).build();

  private static FhirNode parse(String json) {
    return TypedTree.of(
        CoreDefinitions.parse(json.getBytes(StandardCharsets.UTF_8), "inline"),
        CoreDefinitions.r4());
  }

  private static final FhirNode TASK_NODE = parse(TASK);

  private static List<String> eval(String expression, FhirNode root, Environment env) {
    List<String> out = new ArrayList<>();
    for (Object item : FHIRPATH.compile(expression).evaluate(root, root, root, env)) {
      String[] d = OfficialSuite.describe(item);
      out.add(d[0] + " " + d[1]);
    }
    return out;
  }

  private static List<String> eval(String expression) {
    return eval(expression, TASK_NODE, Environment.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      textBlock =
          """
      (true | false).anyTrue() ; boolean true
      false.anyTrue() ; boolean false
      {}.anyTrue() ; boolean false
      (true | false).anyFalse() ; boolean true
      true.anyFalse() ; boolean false
      (true | false).allFalse() ; boolean false
      false.allFalse() ; boolean true
      {}.allFalse() ; boolean true
      coalesce({}, 'a', 'b') ; string a
      coalesce('a', (1 | 2).single()) ; string a
      coalesce({}, {}).empty() ; boolean true
      'abcabc'.lastIndexOf('bc') ; integer 4
      'abc'.lastIndexOf('x') ; integer -1
      '12'.toLong() ; long 12
      'x'.convertsToLong() ; boolean false
      5L + 2 ; long 7
      2147483648L > 1 ; boolean true
      (9223372036854775807L + 1).empty() ; boolean true
      '2024-01-10'.toDate() ; date @2024-01-10
      @2024-01-10T10:00:00Z.toDate() ; date @2024-01-10
      'x'.toDate().empty() ; boolean true
      '10:30'.toTime() ; time @T10:30
      '25:30'.convertsToTime() ; boolean false
      Task.status.getValue() ; string completed
      Task.status.getValue() is System.String ; boolean true
      Task.intent.getValue() is FHIR.code ; boolean false
      extension.repeatAll(extension).count() ; integer 1
      extension.repeatAll(extension).value ; string deep
      descendants().where($this is Extension).count() ; integer 3
      Task.status.extension.value ; string n
      Task.status.hasValue() ; boolean true
      text.select(div.exists()) ; boolean true
      %resource.contained.active ; boolean true
      for.resolve().active ; boolean true
      Task.conformsTo('http://hl7.org/fhir/StructureDefinition/DomainResource') ; boolean true
      Task.conformsTo('http://hl7.org/fhir/StructureDefinition/Patient') ; boolean false
      input.value.where(low.exists()).select(low <= high) ; boolean false
      input.value.where(low.exists()).select(low > high) ; boolean true
      input.value.ofType(Range).low.comparable(input.value.ofType(Range).high) ; boolean true
      input.value.ofType(integer) ; integer 3
      (executionPeriod.start <= executionPeriod.end).empty() ; boolean true
      executionPeriod.start.lowBoundary() <= executionPeriod.end ; boolean true
      (1 'km999' = 1 'm').empty() ; boolean true
      """)
  void claimedFunctionsTheSuitesDoNotExercise(String expression, String expected) {
    assertThat(eval(expression)).as(expression).containsExactly(expected);
  }

  @Test
  void timeOfDayAndNowReadTheEnvironmentsClockOncePerContext() {
    Clock clock = Clock.fixed(Instant.parse("2024-03-01T10:15:30.250Z"), ZoneOffset.UTC);
    Environment env = Environment.builder().clock(clock).build();
    assertThat(eval("timeOfDay()", TASK_NODE, env)).containsExactly("time @T10:15:30.250");
    assertThat(eval("today()", TASK_NODE, env)).containsExactly("date @2024-03-01");
    assertThat(eval("now()", TASK_NODE, env)).containsExactly("dateTime @2024-03-01T10:15:30.250Z");
  }

  @Test
  void theHooksAreCalledWithWhatTheyNeed() {
    List<String> traced = new ArrayList<>();
    Environment env =
        Environment.builder()
            .terminology(
                (item, vs) ->
                    vs.equals("http://x/vs")
                        ? Boolean.valueOf("completed".equals(((FhirNode) item).primitiveValue()))
                        : null)
            .htmlChecks(div -> Boolean.FALSE)
            .tracer((name, items) -> traced.add(name + "=" + items.size()))
            .constant("answer", List.of(42))
            .build();
    assertThat(eval("status.memberOf('http://x/vs')", TASK_NODE, env))
        .containsExactly("boolean true");
    assertThat(eval("intent.memberOf('http://x/vs')", TASK_NODE, env))
        .containsExactly("boolean false");
    assertThat(eval("status.memberOf('http://x/other')", TASK_NODE, env)).isEmpty();
    assertThat(eval("text.div.htmlChecks()", TASK_NODE, env)).containsExactly("boolean false");
    assertThat(eval("input.trace('inputs').count()", TASK_NODE, env)).containsExactly("integer 2");
    assertThat(eval("input.trace('types', type.text).count()", TASK_NODE, env))
        .containsExactly("integer 2");
    assertThat(traced).containsExactly("inputs=2", "types=2");
    assertThat(eval("%answer + 1", TASK_NODE, env)).containsExactly("integer 43");
    assertThat(eval("text.div.htmlChecks()", TASK_NODE, Environment.defaults())).isEmpty();
    assertThatThrownBy(() -> eval("%question", TASK_NODE, env))
        .isInstanceOfSatisfying(
            FhirPathException.class, e -> assertThat(e.kind()).isEqualTo(Kind.EXECUTION));
    assertThatThrownBy(() -> eval("conformsTo('http://example.org/unknown')", TASK_NODE, env))
        .isInstanceOfSatisfying(
            FhirPathException.class, e -> assertThat(e.kind()).isEqualTo(Kind.EXECUTION));
  }

  @Test
  void resolveFindsBundleEntriesByFullUrlAndByTypeAndId() {
    FhirNode bundle = parse(BUNDLE);
    FhirNode task = bundle.children("entry").get(0).children("resource").get(0);
    Environment env = Environment.defaults();
    assertThat(FHIRPATH.compile("focus.resolve().id.getValue()").evaluate(task, task, bundle, env))
        .containsExactly("p2");
    assertThat(FHIRPATH.compile("basedOn.resolve().status").evaluate(task, task, bundle, env))
        .hasSize(1);
    assertThat(
            FHIRPATH
                .compile("'urn:uuid:0c9d'.resolve() is Patient")
                .evaluate(task, task, bundle, env))
        .containsExactly(true);
    assertThat(FHIRPATH.compile("'Patient/unknown'.resolve()").evaluate(task, task, bundle, env))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      Task.status =                 | SYNTAX      | 1 | 14
      'abc                          | SYNTAX      | 1 | 1
      Task.status /* open           | SYNTAX      | 1 | 13
      Task..status                  | SYNTAX      | 1 | 6
      @2024-13-01                   | SYNTAX      | 1 | 1
      status and                    | SYNTAX      | 1 | 11
      status.foo()                  | UNSUPPORTED | 1 | 8
      status.substring()            | SEMANTIC    | 1 | 8
      status.ofType(Nothing)        | SEMANTIC    | 1 | 15
      status.matches('[')           | SEMANTIC    | 1 | 8
      $that                         | SYNTAX      | 1 | 1
      """)
  void compileErrorsSayWhatAndWhere(String expression, Kind kind, int line, int column) {
    assertThatThrownBy(() -> FHIRPATH.compile(expression))
        .isInstanceOfSatisfying(
            FhirPathException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(column);
            });
  }

  @Test
  void positionsCountLines() {
    assertThatThrownBy(() -> FHIRPATH.compile("status\n  .where(\n  )"))
        .isInstanceOfSatisfying(
            FhirPathException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(4);
            });
  }

  @Test
  void usageListsFunctionsOperatorsAndConstants() {
    assertThat(FhirPath.usage("hasValue() or (children().count() > id.count())"))
        .containsExactlyInAnyOrder("hasValue()", "children()", "count()", ".", ">", "or");
    assertThat(FhirPath.usage("value.ofType(Quantity).where(code = %ucum)"))
        .containsExactlyInAnyOrder("ofType()", "where()", ".", "=", "%ucum");
    assertThat(FhirPath.OPERATORS).contains(".", "[]", "implies", "!~");
  }

  @Test
  void unitsConvertThroughUcumAndRefuseRunawayCodes() {
    Units ucum = Units.ucum();
    assertThat(ucum.factor("g", "mg")).isEqualByComparingTo(new BigDecimal("1000"));
    assertThat(ucum.factor("[in_i]", "cm")).isEqualByComparingTo(new BigDecimal("2.54"));
    assertThat(ucum.factor("mg", "mL")).isNull();
    assertThat(ucum.factor("[s]", "s")).isNull();
    assertThat(UcumConverter.acceptable("km999")).isFalse();
    assertThat(UcumConverter.acceptable("m5")).isFalse();
    assertThat(UcumConverter.acceptable("Ym4.Ym4.Ym4.Ym4")).isFalse();
    assertThat(UcumConverter.acceptable("kg.m2.s-2")).isTrue();
    assertThat(UcumConverter.acceptable("mg/(24.h)")).isTrue();
    assertThat(UcumConverter.acceptable("10*12/L")).isTrue();
    assertThat(Units.none().factor("g", "mg")).isNull();
    FhirPath plain = FhirPath.builder(MODEL).units(Units.none()).build();
    assertThat(
            plain
                .compile("(1 'g' = 1000 'mg').empty()")
                .evaluate(null, null, null, Environment.defaults()))
        .containsExactly(true);
    assertThat(plain.compile("7 days = 1 'wk'").evaluate(null, null, null, Environment.defaults()))
        .containsExactly(true);
  }

  @Test
  void oneCompiledExpressionEvaluatesConcurrently() throws Exception {
    Expression e =
        FHIRPATH.compile(
            "descendants().where(hasValue() or (children().count() > id.count())).count()"
                + " + input.value.where(low.exists()).select(iif(low <= high, 1, 0)).count()");
    List<Object> expected = e.evaluate(TASK_NODE, TASK_NODE, TASK_NODE, Environment.defaults());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        jobs.add(
            () -> {
              for (int i = 0; i < 500; i++) {
                if (!e.evaluate(TASK_NODE, TASK_NODE, TASK_NODE, Environment.defaults())
                    .equals(expected)) {
                  return false;
                }
              }
              return true;
            });
      }
      for (Future<Boolean> f : pool.invokeAll(jobs)) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void scopedVariablesEndWithTheirChain() {
    assertThat(eval("defineVariable('x', status).select(%x) | %context.id"))
        .containsExactly("code completed", "id t1");
    assertThatThrownBy(() -> eval("defineVariable('x', status).select(%x) | select(%x)"))
        .isInstanceOf(FhirPathException.class);
    assertThatThrownBy(() -> eval("defineVariable('resource', 1)"))
        .isInstanceOf(FhirPathException.class);
  }
}
