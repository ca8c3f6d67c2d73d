package dev.taskcheck.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.testdata.TaskGenerator.Defect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskGeneratorTest {

  private static final Pattern FHIR_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Set<String> STATUSES = Set.of(TaskGenerator.STATUSES);
  private static final Set<String> INTENTS =
      Set.of(
          "unknown",
          "proposal",
          "plan",
          "order",
          "original-order",
          "reflex-order",
          "filler-order",
          "instance-order",
          "option");

  @TempDir Path tmp;

  // ---- determinism ---------------------------------------------------------------------------

  @Test
  void sameSeedSameTasksInAnyOrder() {
    TaskGenerator a = new TaskGenerator(42);
    TaskGenerator b = new TaskGenerator(42);
    List<String> forward = new ArrayList<>();
    for (int n = 1; n <= 200; n++) {
      forward.add(a.validTask(n));
    }
    for (int n = 200; n >= 1; n--) {
      assertThat(b.validTask(n)).isEqualTo(forward.get(n - 1));
    }
    assertThat(new TaskGenerator(42).defectiveTask(17, Defect.BAD_STATUS))
        .isEqualTo(a.defectiveTask(17, Defect.BAD_STATUS));
  }

  @Test
  void differentSeedsDifferentTasks() {
    TaskGenerator a = new TaskGenerator(1);
    TaskGenerator b = new TaskGenerator(2);
    int same = 0;
    for (int n = 1; n <= 100; n++) {
      if (a.validTask(n).equals(b.validTask(n))) {
        same++;
      }
    }
    assertThat(same).isZero();
  }

  @Test
  void pinnedOutputForSeed42() {
    // Changing the generator changes every benchmark baseline: do it on purpose, then update.
    String first = new TaskGenerator(42).validTask(1);
    assertThat(first).startsWith("{\"resourceType\":\"Task\",\"id\":\"gen-000001\"");
    assertThat(first)
        .contains("\"status\":\"in-progress\"", "\"authoredOn\":\"2024-03-15T11:30:25-05:00\"");
  }

  @Test
  void ndjsonFileIsByteIdenticalAcrossRuns() throws IOException {
    Path one = tmp.resolve("one.ndjson");
    Path two = tmp.resolve("two.ndjson");
    new TaskGenerator(99).writeNdjson(one, 500, 0.3);
    new TaskGenerator(99).writeNdjson(two, 500, 0.3);
    assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
  }

  // ---- NDJSON, files, Bundle -----------------------------------------------------------------

  @Test
  void ndjsonHasTheRequestedCountOfSingleLineTaskObjects() throws IOException {
    Path file = tmp.resolve("deep/er/tasks.ndjson");
    TaskGenerator g = new TaskGenerator(7);
    g.writeNdjson(file, 2000, 0.25);
    String content = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(content).endsWith("\n");
    String[] lines = content.split("\n", -1);
    assertThat(lines).hasSize(2001);
    assertThat(lines[2000]).isEmpty();
    for (int i = 0; i < 2000; i++) {
      String line = lines[i];
      assertStructurallySingleLineObject(line);
      assertThat(line).startsWith("{\"resourceType\":\"Task\",");
      Map<String, Object> task = MiniJson.object(line);
      assertThat(task.get("resourceType")).isEqualTo("Task");
      assertThat(task.get("id")).isEqualTo(String.format("gen-%06d", i + 1));
      final int n = i + 1;
      assertThat(line)
          .isEqualTo(
              g.plannedDefect(n, 0.25)
                  .map(d -> g.defectiveTask(n, d))
                  .orElseGet(() -> g.validTask(n)));
    }
  }

  @Test
  void defectRateIsHonouredAndPlanIsMonotonic() {
    TaskGenerator g = new TaskGenerator(3);
    int defective = 0;
    EnumSet<Defect> seen = EnumSet.noneOf(Defect.class);
    for (int n = 1; n <= 5000; n++) {
      assertThat(g.plannedDefect(n, 0.0)).isEmpty();
      assertThat(g.plannedDefect(n, 1.0)).isPresent();
      if (g.plannedDefect(n, 0.1).isPresent()) {
        defective++;
        seen.add(g.plannedDefect(n, 0.1).orElseThrow());
        assertThat(g.plannedDefect(n, 0.5)).isEqualTo(g.plannedDefect(n, 0.1));
      }
    }
    assertThat(defective).isBetween(400, 600);
    assertThat(seen).containsExactlyInAnyOrder(Defect.values());
  }

  @Test
  void writeFilesWritesOnePrettyFilePerTask() throws IOException {
    Path dir = tmp.resolve("files");
    TaskGenerator g = new TaskGenerator(5);
    g.writeFiles(dir, 12, 0.5);
    List<String> names = TestData.files(dir);
    assertThat(names).hasSize(12).first().isEqualTo("task-000001.json");
    assertThat(names).last().isEqualTo("task-000012.json");
    for (int n = 1; n <= 12; n++) {
      String pretty = Files.readString(dir.resolve(TaskGenerator.fileName(n)));
      assertThat(pretty).startsWith("{\n  \"resourceType\": \"Task\",\n").endsWith("}\n");
      String compact =
          g.plannedDefect(n, 0.5).isPresent()
              ? g.defectiveTask(n, g.plannedDefect(n, 0.5).orElseThrow())
              : g.validTask(n);
      assertThat(MiniJson.parse(pretty)).isEqualTo(MiniJson.parse(compact));
    }
  }

  @Test
  void bundleHoldsEveryTaskAsACollectionEntry() throws IOException {
    Path file = tmp.resolve("bundle.json");
    new TaskGenerator(8).writeBundle(file, 300, 0.2);
    Map<String, Object> bundle = MiniJson.object(Files.readString(file));
    assertThat(bundle.get("resourceType")).isEqualTo("Bundle");
    assertThat(bundle.get("type")).isEqualTo("collection");
    List<?> entries = (List<?>) bundle.get("entry");
    assertThat(entries).hasSize(300);
    for (int i = 0; i < entries.size(); i++) {
      Map<?, ?> entry = (Map<?, ?>) entries.get(i);
      Map<?, ?> resource = (Map<?, ?>) entry.get("resource");
      assertThat(resource.get("resourceType")).isEqualTo("Task");
      assertThat(entry.get("fullUrl"))
          .isEqualTo("https://fhir.example.org/r4/Task/" + resource.get("id"));
    }
    Path empty = tmp.resolve("empty-bundle.json");
    new TaskGenerator(8).writeBundle(empty, 0, 0.2);
    assertThat((List<?>) MiniJson.object(Files.readString(empty)).get("entry")).isEmpty();
  }

  @Test
  void streamsLargeCountsWithoutHoldingThem() throws IOException {
    Path file = tmp.resolve("big.ndjson");
    new TaskGenerator(11).writeNdjson(file, 50_000, 0.1);
    try (Stream<String> lines = Files.lines(file)) {
      assertThat(lines.count()).isEqualTo(50_000);
    }
  }

  @Test
  void rejectsBadArguments() {
    TaskGenerator g = new TaskGenerator(1);
    assertThatThrownBy(() -> g.writeNdjson(tmp.resolve("x"), -1, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> g.writeNdjson(tmp.resolve("x"), 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> g.plannedDefect(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> g.validTask(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- what a valid Task promises ------------------------------------------------------------

  @Test
  void validTasksAreConsistentAndVaried() {
    TaskGenerator g = new TaskGenerator(2024);
    Set<String> statuses = new TreeSet<>();
    Set<String> valueTypes = new TreeSet<>();
    boolean sessionRatio = false;
    for (int n = 1; n <= 3000; n++) {
      Map<String, Object> t = MiniJson.object(g.validTask(n));
      String status = (String) t.get("status");
      statuses.add(status);
      assertThat(STATUSES).contains(status);
      assertThat(INTENTS).contains((String) t.get("intent"));
      Map<?, ?> text = (Map<?, ?>) t.get("text");
      assertThat(text.get("status")).isEqualTo("generated");
      assertThat((String) text.get("div"))
          .startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">")
          .endsWith("</div>");
      assertThat((String) t.get("description")).isNotBlank();

      OffsetDateTime authored = dateTime(t.get("authoredOn"));
      OffsetDateTime modified = dateTime(t.get("lastModified"));
      assertThat(modified).isAfterOrEqualTo(authored);
      assertThat(modified.getYear()).isBetween(2024, 2025);

      Map<?, ?> exec = (Map<?, ?>) t.get("executionPeriod");
      boolean needsStart = Set.of("in-progress", "on-hold", "completed", "failed").contains(status);
      boolean terminal =
          Set.of("completed", "failed", "cancelled", "rejected", "entered-in-error")
              .contains(status);
      if (needsStart) {
        assertThat(exec).as("status-2 for %s", status).isNotNull();
      }
      if (exec != null) {
        OffsetDateTime start = dateTime(exec.get("start"));
        assertThat(start).isAfterOrEqualTo(authored);
        assertThat(modified).isAfterOrEqualTo(start);
        if (exec.get("end") != null) {
          assertThat(terminal).as("status-4").isTrue();
          assertThat(dateTime(exec.get("end"))).isAfterOrEqualTo(start);
          assertThat(modified).isAfterOrEqualTo(dateTime(exec.get("end")));
        }
      }
      if (status.equals("completed")) {
        assertThat(exec.get("end")).as("status-3").isNotNull();
        assertThat((List<?>) t.get("output")).as("status-9").isNotEmpty();
      }
      if (status.equals("rejected")) {
        assertThat(exec).as("status-5").isNull();
      }
      if (Set.of(
              "received",
              "accepted",
              "rejected",
              "ready",
              "in-progress",
              "on-hold",
              "completed",
              "failed")
          .contains(status)) {
        assertThat(t).as("status-1 for %s", status).containsKey("owner");
      }
      boolean hasReason = t.containsKey("statusReason");
      assertThat(hasReason)
          .as("failure-2/3/5 for %s", status)
          .isEqualTo(Set.of("failed", "rejected", "cancelled", "on-hold").contains(status));

      Map<?, ?> restriction = (Map<?, ?>) t.get("restriction");
      BigDecimal repetitions = (BigDecimal) restriction.get("repetitions");
      assertThat(repetitions).isGreaterThanOrEqualTo(BigDecimal.ONE);
      Map<?, ?> window = (Map<?, ?>) restriction.get("period");
      assertThat(dateTime(window.get("end"))).isAfter(dateTime(window.get("start")));
      if (exec != null && exec.get("end") != null) {
        assertThat(dateTime(window.get("end")))
            .as("date-5")
            .isAfterOrEqualTo(dateTime(exec.get("end")));
      }

      for (Object in : (List<?>) t.get("input")) {
        valueTypes.add(valueKey((Map<?, ?>) in));
      }
      if (t.get("output") != null) {
        for (Object o : (List<?>) t.get("output")) {
          Map<?, ?> output = (Map<?, ?>) o;
          valueTypes.add(valueKey(output));
          if (output.get("valueRatio") instanceof Map<?, ?> ratio) {
            Map<?, ?> num = (Map<?, ?>) ratio.get("numerator");
            Map<?, ?> den = (Map<?, ?>) ratio.get("denominator");
            assertThat(den.get("value")).as("progress-9").isEqualTo(repetitions);
            BigDecimal done = (BigDecimal) num.get("value");
            assertThat(done).isBetween(BigDecimal.ZERO, repetitions);
            assertThat(num.get("system")).isEqualTo("http://unitsofmeasure.org");
            assertThat(num.get("code")).isEqualTo(den.get("code"));
            if (status.equals("completed")) {
              assertThat(done).as("progress-7").isEqualTo(repetitions);
            }
            if (status.equals("in-progress")) {
              assertThat(done).as("progress-8").isLessThan(repetitions);
            }
            sessionRatio |= "{session}".equals(num.get("code"));
            Map<?, ?> type = (Map<?, ?>) output.get("type");
            assertThat((List<?>) type.get("coding")).as("progress-6").hasSize(1);
          }
        }
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder(TaskGenerator.STATUSES);
    assertThat(valueTypes)
        .contains(
            "valueString",
            "valueBoolean",
            "valueQuantity",
            "valueReference",
            "valueCodeableConcept",
            "valueDateTime",
            "valueCanonical",
            "valueRatio");
    assertThat(sessionRatio).isTrue();
  }

  // ---- defects -------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Defect.class)
  void eachDefectChangesOnlyItsElement(Defect defect) {
    TaskGenerator g = new TaskGenerator(77);
    Pattern intended =
        switch (defect) {
          case BAD_STATUS, MISSING_STATUS -> Pattern.compile("status");
          case MISSING_INTENT -> Pattern.compile("intent");
          case UNKNOWN_ELEMENT -> Pattern.compile("lastModified|lastUpdated");
          case WRONG_JSON_TYPE -> Pattern.compile("for");
          case BAD_DATETIME -> Pattern.compile("authoredOn");
          case LAST_MODIFIED_BEFORE_AUTHORED -> Pattern.compile("lastModified");
          case PERIOD_END_BEFORE_START -> Pattern.compile("restriction\\.period\\.end");
          case RATIO_WITHOUT_DENOMINATOR ->
              Pattern.compile("output(\\[0]\\.valueRatio\\.denominator)?");
          case NEGATIVE_POSITIVE_INT -> Pattern.compile("restriction\\.repetitions");
          case EMPTY_STRING -> Pattern.compile("description");
          case INPUT_WITHOUT_VALUE -> Pattern.compile("input\\[0]\\.value[A-Z][A-Za-z]+");
        };
    for (int n = 1; n <= 120; n++) {
      String validText = g.validTask(n);
      String defectiveText = g.defectiveTask(n, defect);
      assertStructurallySingleLineObject(defectiveText);
      Map<String, Object> valid = MiniJson.object(validText);
      Map<String, Object> bad = MiniJson.object(defectiveText);
      Set<String> changed = new TreeSet<>();
      diff("", valid, bad, changed);
      assertThat(changed)
          .as("task %d", n)
          .isNotEmpty()
          .allMatch(p -> intended.matcher(p).matches());
      assertDefect(defect, valid, bad);
    }
  }

  private static void assertDefect(
      Defect defect, Map<String, Object> valid, Map<String, Object> bad) {
    switch (defect) {
      case BAD_STATUS -> assertThat(STATUSES).doesNotContain((String) bad.get("status"));
      case MISSING_STATUS -> assertThat(bad).doesNotContainKey("status");
      case MISSING_INTENT -> assertThat(bad).doesNotContainKey("intent");
      case UNKNOWN_ELEMENT -> {
        assertThat(bad)
            .doesNotContainKey("lastModified")
            .containsEntry("lastUpdated", valid.get("lastModified"));
        assertThat(new ArrayList<>(bad.keySet()).indexOf("lastUpdated"))
            .isEqualTo(new ArrayList<>(valid.keySet()).indexOf("lastModified"));
      }
      case WRONG_JSON_TYPE ->
          assertThat(bad.get("for"))
              .isInstanceOf(String.class)
              .isEqualTo(((Map<?, ?>) valid.get("for")).get("reference"));
      case BAD_DATETIME ->
          assertThat((String) bad.get("authoredOn"))
              .doesNotMatch(FHIR_DATE_TIME)
              .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
      case LAST_MODIFIED_BEFORE_AUTHORED ->
          assertThat(dateTime(bad.get("lastModified"))).isBefore(dateTime(bad.get("authoredOn")));
      case PERIOD_END_BEFORE_START -> {
        Map<?, ?> period = (Map<?, ?>) ((Map<?, ?>) bad.get("restriction")).get("period");
        assertThat(dateTime(period.get("end"))).isBefore(dateTime(period.get("start")));
      }
      case RATIO_WITHOUT_DENOMINATOR -> {
        Map<?, ?> ratio =
            (Map<?, ?>) ((Map<?, ?>) ((List<?>) bad.get("output")).get(0)).get("valueRatio");
        assertThat(ratio.containsKey("numerator")).isTrue();
        assertThat(ratio.containsKey("denominator")).isFalse();
      }
      case NEGATIVE_POSITIVE_INT ->
          assertThat((BigDecimal) ((Map<?, ?>) bad.get("restriction")).get("repetitions"))
              .isNegative();
      case EMPTY_STRING -> assertThat(bad.get("description")).isEqualTo("");
      case INPUT_WITHOUT_VALUE -> {
        Map<?, ?> first = (Map<?, ?>) ((List<?>) bad.get("input")).get(0);
        assertThat(new ArrayList<Object>(first.keySet())).containsExactly("type");
      }
    }
  }

  // ---- command line --------------------------------------------------------------------------

  @Test
  void commandLineWritesEachFormat() throws IOException {
    Path nd = tmp.resolve("cli.ndjson");
    Run r =
        run(
            "--count",
            "25",
            "--defect-rate",
            "0.2",
            "--seed",
            "42",
            "--format",
            "ndjson",
            "--out",
            nd.toString());
    assertThat(r.code).isZero();
    assertThat(Files.readAllLines(nd)).hasSize(25);
    Path reference = tmp.resolve("api.ndjson");
    new TaskGenerator(42).writeNdjson(reference, 25, 0.2);
    assertThat(Files.readAllBytes(nd)).isEqualTo(Files.readAllBytes(reference));
    assertThat(r.err).contains("wrote 25 Tasks");

    Path dir = tmp.resolve("cli-files");
    assertThat(run("--count=3", "--format=files", "--out=" + dir).code).isZero();
    assertThat(TestData.files(dir))
        .containsExactly("task-000001.json", "task-000002.json", "task-000003.json");

    Path bundle = tmp.resolve("cli-bundle.json");
    assertThat(run("--count", "4", "--format", "bundle", "--out", bundle.toString()).code).isZero();
    assertThat((List<?>) MiniJson.object(Files.readString(bundle)).get("entry")).hasSize(4);

    Run stdout = run("--count", "2", "--out", "-");
    assertThat(stdout.code).isZero();
    assertThat(stdout.out.split("\n")).hasSize(2);
  }

  @Test
  void commandLineHelp() {
    Run r = run("--help");
    assertThat(r.code).isZero();
    assertThat(r.out).startsWith("Usage: java -jar taskcheck-testdata.jar");
  }

  @Test
  void badArgumentsGiveUsageAndExitCode2WithoutStackTrace() {
    List<String[]> bad =
        List.of(
            new String[] {},
            new String[] {"--count", "abc", "--out", "x"},
            new String[] {"--count", "-5", "--out", "x"},
            new String[] {"--defect-rate", "1.5", "--out", "x"},
            new String[] {"--defect-rate", "NaN", "--out", "x"},
            new String[] {"--seed", "1.5", "--out", "x"},
            new String[] {"--format", "xml", "--out", "x"},
            new String[] {"--format", "files", "--out", "-"},
            new String[] {"--out"},
            new String[] {"--colour", "--out", "x"},
            new String[] {"stray", "--out", "x"});
    for (String[] args : bad) {
      Run r = run(args);
      assertThat(r.code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err)
          .as(String.join(" ", args))
          .startsWith("taskcheck-testdata: ")
          .contains("Usage:");
      assertNoStackTrace(r);
      assertThat(r.out).isEmpty();
    }
  }

  @Test
  void unwritableOutputGivesExitCode1WithoutStackTrace() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("a-directory"));
    Run r = run("--count", "1", "--out", dir.toString());
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).startsWith("taskcheck-testdata: cannot write ").contains("directory");
    assertNoStackTrace(r);

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Run r2 = run("--count", "1", "--format", "files", "--out", file.toString());
    assertThat(r2.code).isEqualTo(1);
    assertNoStackTrace(r2);

    Run r3 = run("--count", "1", "--out", file.resolve("below-a-file.ndjson").toString());
    assertThat(r3.code).isEqualTo(1);
    assertNoStackTrace(r3);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = TaskGenerator.run(args, o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertNoStackTrace(Run r) {
    assertThat(r.err).doesNotContain("Exception", "\tat ", "at dev.taskcheck");
  }

  private static OffsetDateTime dateTime(Object value) {
    assertThat(value).isInstanceOf(String.class);
    assertThat((String) value).matches(FHIR_DATE_TIME);
    return OffsetDateTime.parse((String) value);
  }

  private static String valueKey(Map<?, ?> inputOrOutput) {
    List<String> keys = new ArrayList<>();
    for (Object k : inputOrOutput.keySet()) {
      if (((String) k).startsWith("value")) {
        keys.add((String) k);
      }
    }
    assertThat(keys).hasSize(1);
    return keys.get(0);
  }

  /** Paths (a.b[0].c) where the two trees differ: added, removed or changed members. */
  private static void diff(String path, Object a, Object b, Set<String> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Set<Object> keys = new HashSet<>(ma.keySet());
      keys.addAll(mb.keySet());
      for (Object k : keys) {
        String p = path.isEmpty() ? (String) k : path + "." + k;
        if (!ma.containsKey(k) || !mb.containsKey(k)) {
          out.add(p);
        } else {
          diff(p, ma.get(k), mb.get(k), out);
        }
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        diff(path + "[" + i + "]", la.get(i), lb.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(path);
    }
  }

  /**
   * The simple structural check: one line, no raw control characters, quotes closed, braces and
   * brackets balanced and properly nested outside strings, one top-level object.
   */
  static void assertStructurallySingleLineObject(String line) {
    assertThat(line).startsWith("{").endsWith("}");
    Map<Character, Character> open = new LinkedHashMap<>();
    open.put('}', '{');
    open.put(']', '[');
    StringBuilder stack = new StringBuilder();
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      assertThat(c).as("raw control character at %d", i).isGreaterThanOrEqualTo(' ');
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        stack.append(c);
      } else if (c == '}' || c == ']') {
        assertThat(stack).as("unbalanced %s at %d", c, i).isNotEmpty();
        assertThat(stack.charAt(stack.length() - 1)).isEqualTo(open.get(c));
        stack.setLength(stack.length() - 1);
        if (stack.length() == 0) {
          assertThat(i).as("one top-level object").isEqualTo(line.length() - 1);
        }
      }
    }
    assertThat(inString).as("unterminated string").isFalse();
    assertThat(stack).as("unclosed").isEmpty();
  }
}
