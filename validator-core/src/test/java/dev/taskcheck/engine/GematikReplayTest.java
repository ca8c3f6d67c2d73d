package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.GoldenFile;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.LifecycleMetrics.Stat;
import dev.taskcheck.model.LifecycleMetrics.StuckTask;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.source.LocatedResource;
import dev.taskcheck.source.ResourceLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Replays every gematik E-Rezept test scenario ({@code
 * testdata/corpus/gematik/<date>/<area>/<scenario>/}) as Task histories: the scenario's server
 * responses in step order, validated with {@code history(true)} twice, once with the versions kept
 * in the given (step) order and once ordered by TaskCheck. One row per scenario and Task history
 * goes to {@code testdata/golden/gematik-replay.tsv} (statuses, transition findings, lifecycle
 * figures, and what the library's own ordering changes); the lifecycle metrics of the whole replay
 * go to {@code gematik-replay-metrics.tsv}. Both are reviewed in {@code gematik-replay.md}. To
 * regenerate: {@code ./mvnw -o -pl validator-core -am test -Dtest=GematikReplayTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtaskcheck.updateGolden=true}.
 *
 * <p>The findings come from the public API ({@link TaskCheck#validate}); the histories they are
 * placed in are rebuilt here with the engine's own reading, grouping and ordering ({@link
 * VersionReader}, {@link Histories}), and the rebuilt histories' measures must add up to the
 * report's metrics exactly, so the two cannot drift.
 */
class GematikReplayTest {

  private static final Path GEMATIK = TestData.path("corpus/gematik");
  private static final Path GOLDEN = TestData.path("golden").resolve("gematik-replay.tsv");
  private static final Path GOLDEN_METRICS =
      TestData.path("golden").resolve("gematik-replay-metrics.tsv");
  private static final String REGENERATE =
      "./mvnw -o -pl validator-core -am test -Dtest=GematikReplayTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dtaskcheck.updateGolden=true";

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  /**
   * An E-Rezept is redeemable for at most three months (its expiryDate); a Task not finished after
   * 92 days can no longer end normally, so this is the shortest threshold that is meaningful for
   * this workflow.
   */
  private static final Duration STUCK = Duration.ofDays(92);

  private static final Pattern STEP = Pattern.compile("(\\d+)_.*\\.(xml|json)");

  /** The state machine of the default rule set. */
  private static StateMachine machine(FhirRelease release) {
    return StateMachineFiles.builtIn(RuleSet.RECOMMENDED, release);
  }

  private static TaskCheck taskCheck() {
    return TaskCheck.builder()
        .fhirVersion(FhirRelease.R4)
        .history(true)
        .now(NOW)
        .stuckAfter(STUCK)
        .build();
  }

  /**
   * One replay of a scenario: its histories in the engine's order, the findings of each version,
   * the metrics.
   */
  private record Replay(
      List<TaskHistory> histories, Map<String, List<String>> findings, LifecycleMetrics metrics) {}

  @Test
  void replaysEveryGematikScenarioAsHistories() throws IOException {
    TaskCheck taskCheck = taskCheck();
    List<Path> scenarios = scenarios();
    assertThat(scenarios).as("gematik scenario folders").hasSizeGreaterThan(50);

    StringBuilder tsv =
        new StringBuilder(
            "scenario\ttask\tsteps\tstatuses\ttransition findings\twait\tin progress\tto completion\tordered by TaskCheck\n");
    MetricsCollector givenTotal = new MetricsCollector(STUCK);
    MetricsCollector orderedTotal = new MetricsCollector(STUCK);
    for (Path dir : scenarios) {
      List<Path> steps = steps(dir);
      List<TaskVersion> versions = versions(dir, steps);
      Replay given = replay(taskCheck, dir, steps, versions, true);
      Replay ordered = replay(taskCheck, dir, steps, versions, false);
      if (!versions.isEmpty()) {
        assertThat(given.histories())
            .as("%s: a scenario with a Task gives a history", dir)
            .isNotEmpty();
      }
      assertThat(ordered.histories())
          .as("%s: same groups in both modes", dir)
          .hasSameSizeAs(given.histories());
      given
          .histories()
          .forEach(
              h ->
                  givenTotal.add(
                      MetricsCollector.measure(
                          h, stuck(h, given.metrics()), GematikReplayTest::machine)));
      ordered
          .histories()
          .forEach(
              h ->
                  orderedTotal.add(
                      MetricsCollector.measure(
                          h, stuck(h, ordered.metrics()), GematikReplayTest::machine)));

      String scenario = GEMATIK.relativize(dir).toString().replace('\\', '/');
      for (int i = 0; i < given.histories().size(); i++) {
        TaskHistory g = given.histories().get(i);
        TaskHistory o = ordered.histories().get(i);
        MetricsCollector.HistoryMetrics m =
            MetricsCollector.measure(g, null, GematikReplayTest::machine);
        String givenFindings = findings(g, given.findings());
        String orderedFindings = findings(o, ordered.findings());
        String orderedColumn =
            identities(g).equals(identities(o)) && givenFindings.equals(orderedFindings)
                ? "same"
                : steps(o)
                    + " "
                    + statuses(o)
                    + " "
                    + (orderedFindings.isEmpty() ? "-" : orderedFindings);
        tsv.append(
                String.join(
                    "\t",
                    scenario,
                    g.versions().get(0).label(),
                    steps(g),
                    statuses(g),
                    givenFindings.isEmpty() ? "-" : givenFindings,
                    duration(m.waitTime()),
                    duration(m.timeInStatus().get(TaskStatus.IN_PROGRESS)),
                    duration(m.toCompletion()),
                    orderedColumn))
            .append('\n');
      }
    }
    GoldenFile.assertCurrent(GOLDEN, tsv.toString(), "taskcheck.updateGolden", REGENERATE);
    GoldenFile.assertCurrent(
        GOLDEN_METRICS,
        metrics(givenTotal.result(), orderedTotal.result()),
        "taskcheck.updateGolden",
        REGENERATE);
  }

  /**
   * Validates one scenario's steps as a history and checks what must hold whatever the golden says.
   */
  private static Replay replay(
      TaskCheck taskCheck,
      Path dir,
      List<Path> steps,
      List<TaskVersion> versions,
      boolean givenOrder) {
    ValidationRequest.Builder request =
        ValidationRequest.builder().workingDirectory(dir).versionsInGivenOrder(givenOrder);
    steps.forEach(s -> request.input(s.getFileName().toString()));
    Report report = taskCheck.validate(request.build());

    List<TaskHistory> histories = new ArrayList<>();
    for (List<TaskVersion> group : Histories.group(versions)) {
      histories.add(
          givenOrder ? Histories.given(group, TaskHistory.Kind.HISTORY) : Histories.ordered(group));
    }
    Map<String, TaskVersion> byPlace = new HashMap<>();
    for (TaskHistory h : histories) {
      h.versions().forEach(v -> byPlace.put(place(v.source(), v.line(), v.location()), v));
    }
    String mode = dir.getFileName() + (givenOrder ? " (given order)" : " (ordered)");
    Map<String, List<String>> findings = new HashMap<>();
    for (Result r : report.results()) {
      for (Issue i : r.issues()) {
        assertThat(i.severity())
            .as("%s: %s %s", mode, r.source(), i.message())
            .isNotEqualTo(Severity.FATAL);
        assertThat(i.ruleId()).as("%s: %s", mode, i.message()).isNotEqualTo(StructureIds.INTERNAL);
        if (i.source() != IssueSource.TRANSITION) {
          continue;
        }
        assertThat(r.resource())
            .as("%s: a transition finding names its Task: %s", mode, i.message())
            .isNotNull();
        TaskVersion v = byPlace.get(place(r.source(), r.line(), r.location()));
        assertThat(v)
            .as(
                "%s: the finding %s is on a version of a history (%s line %s)",
                mode, i.ruleId(), r.source(), r.line())
            .isNotNull();
        assertThat(r.resource()).isEqualTo(v.label());
        assertThat(r.versionId())
            .as("%s: the finding carries its version's versionId", mode)
            .isEqualTo(v.versionId());
        assertThat(i.expression())
            .as("%s: %s is placed inside its Task", mode, i.ruleId())
            .startsWith(v.taskPath());
        findings
            .computeIfAbsent(place(r.source(), r.line(), r.location()), k -> new ArrayList<>())
            .add(i.ruleId() + ":" + i.severity().code());
      }
    }
    LifecycleMetrics metrics =
        Objects.requireNonNull(report.metrics(), "a history run reports metrics");
    MetricsCollector rebuilt = new MetricsCollector(STUCK);
    histories.forEach(
        h ->
            rebuilt.add(
                MetricsCollector.measure(h, stuck(h, metrics), GematikReplayTest::machine)));
    assertThat(rebuilt.result())
        .as("%s: the rebuilt histories measure what the report says", mode)
        .isEqualTo(metrics);
    assertThat(metrics.versions())
        .as("%s: every Task version is in a history", mode)
        .isEqualTo(
            givenOrder
                ? versions.size()
                : histories.stream().mapToLong(h -> h.versions().size()).sum());
    return new Replay(histories, findings, metrics);
  }

  /** The report's stuck entry for a history's latest version, if any. */
  private static @Nullable StuckTask stuck(TaskHistory h, LifecycleMetrics metrics) {
    TaskVersion latest = h.latest();
    return metrics.stuck().stream()
        .filter(
            s ->
                s.resource().equals(latest.label())
                    && s.source().equals(latest.source())
                    && s.line() == latest.line())
        .findFirst()
        .orElse(null);
  }

  private static String place(String source, @Nullable Integer line, @Nullable String location) {
    return source + "|" + line + "|" + location;
  }

  /** The scenario folders: three levels below the gematik folder, holding numbered steps. */
  private static List<Path> scenarios() throws IOException {
    try (Stream<Path> s = Files.walk(GEMATIK, 3)) {
      return s.filter(Files::isDirectory)
          .filter(d -> GEMATIK.relativize(d).getNameCount() == 3)
          .sorted()
          .toList();
    }
  }

  /**
   * A scenario's steps, by their numeric prefix (then name: two responses can share a step number).
   */
  private static List<Path> steps(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> STEP.matcher(p.getFileName().toString()).matches())
          .sorted(
              Comparator.comparingInt(GematikReplayTest::stepNumber)
                  .thenComparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  private static int stepNumber(Path p) {
    Matcher m = STEP.matcher(p.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(p.toString());
    }
    return Integer.parseInt(m.group(1));
  }

  /** Every Task version of the steps, in input order, read as the engine reads them. */
  private static List<TaskVersion> versions(Path dir, List<Path> steps) throws IOException {
    List<TaskVersion> out = new ArrayList<>();
    for (Path step : steps) {
      ParsedDocument doc = (ParsedDocument) DocumentParser.parse(Files.readAllBytes(step), 1);
      for (LocatedResource r : ResourceLocator.resources(doc)) {
        if (r.resourceType().equals("Task")) {
          out.add(VersionReader.read(r, dir.relativize(step).toString(), FhirRelease.R4, "replay"));
        }
      }
    }
    return out;
  }

  /**
   * {@code 001 005 007}, or {@code 009#3} for the fourth Task of step 009; {@code =} marks a
   * version that repeats the one before it (same content and lastModified: the server returned the
   * Task again, unchanged).
   */
  private static String steps(TaskHistory h) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < h.versions().size(); i++) {
      TaskVersion v = h.versions().get(i);
      String step = v.source().substring(0, v.source().indexOf('_'));
      step = v.location() == null ? step : step + "#" + entry(v.location());
      if (i > 0 && repeats(h.versions().get(i - 1), v)) {
        step += "=";
      }
      out.add(step);
    }
    return String.join(" ", out);
  }

  private static boolean repeats(TaskVersion before, TaskVersion after) {
    return before.content().equals(after.content())
        && Objects.equals(before.lastModified(), after.lastModified());
  }

  private static String entry(String location) {
    Matcher m = Pattern.compile("Bundle\\.entry\\[(\\d+)]").matcher(location);
    return m.find() ? m.group(1) : location;
  }

  private static String statuses(TaskHistory h) {
    return h.versions().stream()
        .map(v -> String.valueOf(v.statusCode()))
        .collect(Collectors.joining(">"));
  }

  private static List<String> identities(TaskHistory h) {
    return h.versions().stream().map(v -> place(v.source(), v.line(), v.location())).toList();
  }

  /** {@code ruleId@versionIndex:severity}, versions counted from 0 in the history's order. */
  private static String findings(TaskHistory h, Map<String, List<String>> byPlace) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < h.versions().size(); i++) {
      TaskVersion v = h.versions().get(i);
      List<String> here =
          byPlace.getOrDefault(place(v.source(), v.line(), v.location()), List.of());
      for (String f : here.stream().sorted().toList()) {
        int colon = f.indexOf(':');
        out.add(f.substring(0, colon) + "@" + i + f.substring(colon));
      }
    }
    return String.join(" ", out);
  }

  private static String duration(@Nullable Duration d) {
    return d == null ? "-" : d.toString();
  }

  /** The lifecycle metrics of the whole replay, given order next to TaskCheck's order. */
  private static String metrics(LifecycleMetrics given, LifecycleMetrics ordered) {
    Map<String, String[]> rows = new TreeMap<>();
    rows.put(
        "histories",
        new String[] {String.valueOf(given.histories()), String.valueOf(ordered.histories())});
    rows.put(
        "versions",
        new String[] {String.valueOf(given.versions()), String.valueOf(ordered.versions())});
    rows.put(
        "stuck (over " + STUCK.toDays() + "d at " + NOW + ")",
        new String[] {String.valueOf(given.stuckCount()), String.valueOf(ordered.stuckCount())});
    rows.put("wait time", new String[] {stat(given.waitTime()), stat(ordered.waitTime())});
    rows.put(
        "time in progress",
        new String[] {stat(given.timeInProgress()), stat(ordered.timeInProgress())});
    rows.put(
        "time to completion",
        new String[] {stat(given.timeToCompletion()), stat(ordered.timeToCompletion())});
    for (String status :
        new java.util.TreeSet<>(
            Stream.concat(
                    given.timeInStatus().keySet().stream(),
                    ordered.timeInStatus().keySet().stream())
                .toList())) {
      rows.put(
          "time in " + status,
          new String[] {
            stat(given.timeInStatus().getOrDefault(status, Stat.EMPTY)),
            stat(ordered.timeInStatus().getOrDefault(status, Stat.EMPTY))
          });
    }
    for (String status :
        new java.util.TreeSet<>(
            Stream.concat(
                    given.latestStatus().keySet().stream(),
                    ordered.latestStatus().keySet().stream())
                .toList())) {
      rows.put(
          "latest status " + status,
          new String[] {
            String.valueOf(given.latestStatus().getOrDefault(status, 0L)),
            String.valueOf(ordered.latestStatus().getOrDefault(status, 0L))
          });
    }
    Map<String, Long> givenChanges = changes(given);
    Map<String, Long> orderedChanges = changes(ordered);
    for (String edge :
        new java.util.TreeSet<>(
            Stream.concat(givenChanges.keySet().stream(), orderedChanges.keySet().stream())
                .toList())) {
      rows.put(
          "change " + edge,
          new String[] {
            String.valueOf(givenChanges.getOrDefault(edge, 0L)),
            String.valueOf(orderedChanges.getOrDefault(edge, 0L))
          });
    }
    StringBuilder b = new StringBuilder("metric\tgiven order\tordered by TaskCheck\n");
    rows.forEach(
        (k, v) -> b.append(k).append('\t').append(v[0]).append('\t').append(v[1]).append('\n'));
    return b.toString();
  }

  /** The observed status changes: {@code base-r4 ready -> in-progress (diagram)} to a count. */
  private static Map<String, Long> changes(LifecycleMetrics m) {
    Map<String, Long> out = new TreeMap<>();
    for (LifecycleMetrics.Workflow w : m.workflows()) {
      for (LifecycleMetrics.Edge e : w.edges()) {
        if (e.count() > 0) {
          out.put(
              w.machine() + " " + e.from() + " -> " + e.to() + " (" + e.kind() + ")", e.count());
        }
      }
    }
    return out;
  }

  private static String stat(Stat s) {
    return s.count() == 0
        ? "n=0"
        : "n=" + s.count() + " median=" + s.median() + " p90=" + s.p90() + " max=" + s.max();
  }
}
