package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histories through the library: grouping versions across documents, ordering, the pair call a
 * server makes on every update, and the lifecycle metrics against figures worked out by hand.
 */
class HistoryTest {

  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  static TaskCheck taskCheck;

  @BeforeAll
  static void build() {
    taskCheck = TaskCheck.builder().fhirVersion(FhirRelease.R4).now(NOW).threads(1).build();
  }

  /** A minimal R4 Task version consistent with its status (no single-Task findings). */
  static String task(
      String id, String versionId, String status, String lastModified, String extra) {
    String start =
        switch (status) {
          case "in-progress", "on-hold", "completed", "failed", "cancelled" ->
              ",\"executionPeriod\":{\"start\":\"2025-01-01T08:00:00Z\""
                  + (status.equals("completed") || status.equals("cancelled")
                      ? ",\"end\":\"" + lastModified + "\""
                      : "")
                  + "}";
          default -> "";
        };
    String output =
        status.equals("completed")
            ? ",\"output\":[{\"type\":{\"text\":\"Report\"},\"valueReference\":{\"reference\":\"DiagnosticReport/r1\"}}]"
            : "";
    String reason =
        status.equals("on-hold") || status.equals("cancelled")
            ? ",\"statusReason\":{\"text\":\"Waiting\"}"
            : "";
    return "{\"resourceType\":\"Task\",\"id\":\""
        + id
        + "\""
        + (versionId == null ? "" : ",\"meta\":{\"versionId\":\"" + versionId + "\"}")
        + ",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}"
        + ",\"identifier\":[{\"system\":\"http://example.org/orders\",\"value\":\"order-"
        + id
        + "\"}]"
        + ",\"status\":\""
        + status
        + "\""
        + reason
        + ",\"intent\":\"order\",\"authoredOn\":\"2025-01-01T00:00:00Z\""
        + ",\"lastModified\":\""
        + lastModified
        + "\",\"owner\":{\"reference\":\"Organization/o1\"}"
        + start
        + output
        + extra
        + "}";
  }

  static List<String> ids(List<Issue> issues) {
    List<String> out = new ArrayList<>();
    issues.forEach(i -> out.add(i.ruleId() + " " + i.severity().code() + " " + i.expression()));
    return out;
  }

  /** A history Bundle entry whose fullUrl names the version (bdl-8 and the RESTful-URL check). */
  static String versionedEntry(String task, String id, String versionId, boolean first) {
    return "{\"fullUrl\":\"http://example.org/fhir/Task/"
        + id
        + "/_history/"
        + versionId
        + "\",\"resource\":"
        + task
        + ",\"request\":{\"method\":\""
        + (first ? "POST\",\"url\":\"Task\"}" : "PUT\",\"url\":\"Task/" + id + "\"}")
        + ",\"response\":{\"status\":\""
        + (first ? "201 Created" : "200 OK")
        + "\"}}";
  }

  /**
   * HL7 core names {@code Bundle.entry[0]} for the RESTful-URL finding of every entry; its line and
   * column are the entry's own, and the finding is placed there, in a Bundle over several lines and
   * in one on a single line alike.
   */
  @Test
  void versionSpecificFullUrlsAreReportedAtTheirOwnEntries(@TempDir Path dir) throws IOException {
    String v2 =
        versionedEntry(task("t1", "2", "accepted", "2025-01-02T09:00:00Z", ""), "t1", "2", false);
    String v1 =
        versionedEntry(task("t1", "1", "requested", "2025-01-01T09:00:00Z", ""), "t1", "1", true);
    for (String separator : List.of(",\n", ",")) {
      String bundle =
          "{\"resourceType\":\"Bundle\",\"type\":\"history\",\"entry\":[\n"
              + v2
              + separator
              + v1
              + "\n]}\n";
      Path file = Files.writeString(dir.resolve("history.json"), bundle);
      Report report = taskCheck.validate(ValidationRequest.of(file.toString()));
      List<String> restful = new ArrayList<>();
      List<String> bdl8 = new ArrayList<>();
      for (Result r : report.results()) {
        for (Issue i : r.issues()) {
          if ("BUNDLE_ENTRY_URL_MATCHES_TYPE_ID".equals(i.messageId())) {
            restful.add(i.expression());
          } else if (i.ruleId().equals("bdl-8")) {
            bdl8.add(i.expression());
          }
        }
      }
      assertThat(bdl8).containsExactlyInAnyOrder("Bundle.entry[0]", "Bundle.entry[1]");
      assertThat(restful)
          .as("separated by %s", separator.replace("\n", "\\n"))
          .containsExactlyInAnyOrder("Bundle.entry[0]", "Bundle.entry[1]");
    }
  }

  @Test
  void aPairGivesTheFindingsOfTheUpdate() {
    String before = task("t1", "1", "requested", "2025-01-01T09:00:00Z", "");
    String after = task("t1", "2", "in-progress", "2025-01-02T09:00:00Z", "");
    assertThat(ids(taskCheck.checkTransition(before, after)))
        .containsExactly("transition-1 error Task.status");
    assertThat(
            taskCheck.checkTransition(
                before, task("t1", "2", "accepted", "2025-01-02T09:00:00Z", "")))
        .isEmpty();
  }

  @Test
  void aPairOutOfOrderOrBackInTimeIsReported() {
    String v1 = task("t1", "1", "requested", "2025-01-02T09:00:00Z", "");
    String v2 = task("t1", "2", "accepted", "2025-01-01T09:00:00Z", "");
    // numbered versions going back in time: the history is inconsistent (transition-14), not
    // transition-8
    assertThat(ids(taskCheck.checkTransition(v1, v2)))
        .containsExactly("transition-14 error Task.lastModified");
    // given the other way round: the versionIds contradict the order
    assertThat(ids(taskCheck.checkTransition(v2, v1)))
        .contains("transition-14 error Task.meta.versionId");
    // without versionIds, lastModified going backwards is transition-8
    String a = task("t1", null, "requested", "2025-01-02T09:00:00Z", "");
    String b = task("t1", null, "accepted", "2025-01-01T09:00:00Z", "");
    assertThat(ids(taskCheck.checkTransition(a, b)))
        .containsExactly("transition-8 error Task.lastModified");
  }

  @Test
  void aPairFollowsTheRuleSetAndOverrides() {
    String before = task("t1", "1", "in-progress", "2025-01-01T09:00:00Z", "");
    String after = task("t1", "2", "cancelled", "2025-01-02T09:00:00Z", "");
    assertThat(ids(taskCheck.checkTransition(before, after)))
        .containsExactly("transition-4 warning Task.status");
    TaskCheck cow =
        TaskCheck.builder().fhirVersion(FhirRelease.R4).ruleSet(RuleSet.COW).now(NOW).build();
    assertThat(ids(cow.checkTransition(before, after)))
        .containsExactly("transition-4 error Task.status");
    TaskCheck off =
        TaskCheck.builder().fhirVersion(FhirRelease.R4).rule("transition-4=off").now(NOW).build();
    assertThat(off.checkTransition(before, after)).isEmpty();
  }

  @Test
  void aPairAcceptsHapiObjects() {
    org.hl7.fhir.r4.model.Task before = new org.hl7.fhir.r4.model.Task();
    before.setId("t1");
    before.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED);
    before.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
    org.hl7.fhir.r4.model.Task after = before.copy();
    after.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS);
    assertThat(ids(dev.taskcheck.hapi.HapiTasks.checkTransition(taskCheck, before, after)))
        .containsExactly("transition-2 warning Task.status");
  }

  @Test
  void aPairThatIsNotTwoTasksIsRefused() {
    assertThatThrownBy(
            () ->
                taskCheck.checkTransition(
                    "{\"resourceType\":\"Patient\"}",
                    task("t", "1", "draft", "2025-01-01T00:00:00Z", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("before:");
    assertThatThrownBy(
            () ->
                taskCheck.checkTransition(task("t", "1", "draft", "2025-01-01T00:00:00Z", ""), "{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:1:");
  }

  @Test
  void versionsInSeparateFilesAreGroupedByIdentifierAndOrdered(@TempDir Path dir)
      throws IOException {
    // the same order under two ids (exported from two servers), versions out of order in the inputs
    Files.writeString(
        dir.resolve("a.json"), task("t1", "2", "accepted", "2025-01-02T09:00:00Z", ""));
    Files.writeString(
        dir.resolve("b.json"), task("t1", "1", "requested", "2025-01-01T09:00:00Z", ""));
    Files.writeString(
        dir.resolve("c.json"),
        task("copy-of-t1", "3", "requested", "2025-01-03T09:00:00Z", "")
            .replace("order-copy-of-t1", "order-t1"));
    Files.writeString(
        dir.resolve("d.json"), task("other", "1", "in-progress", "2025-01-01T09:00:00Z", ""));
    TaskCheck grouped =
        TaskCheck.builder().fhirVersion(FhirRelease.R4).now(NOW).threads(2).history(true).build();
    Report report = grouped.validate(ValidationRequest.of(dir.toString()));
    List<String> found = new ArrayList<>();
    for (Result r : report.results()) {
      for (Issue i : r.issues()) {
        if (i.source() == IssueSource.TRANSITION) {
          found.add(
              Path.of(r.source()).getFileName()
                  + " "
                  + r.resource()
                  + "/"
                  + r.versionId()
                  + " "
                  + i.ruleId());
        }
      }
    }
    // accepted -> requested is no edge; "other" starts in progress
    assertThat(found)
        .containsExactlyInAnyOrder(
            "c.json Task/copy-of-t1/3 transition-1", "d.json Task/other/1 transition-13");
    assertThat(report.metrics()).isNotNull();
    assertThat(report.metrics().histories()).isEqualTo(2);
    assertThat(report.metrics().versions()).isEqualTo(4);
  }

  @Test
  void withoutHistoryTheSameFilesAreSeparateTasks(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.json"), task("t1", "2", "in-progress", "2025-01-02T09:00:00Z", ""));
    Files.writeString(
        dir.resolve("b.json"), task("t1", "1", "requested", "2025-01-01T09:00:00Z", ""));
    Report report = taskCheck.validate(ValidationRequest.of(dir.toString()));
    assertThat(report.results()).allSatisfy(r -> assertThat(r.issues()).isEmpty());
    assertThat(report.metrics()).isNull();
  }

  @Test
  void givenOrderKeepsTheInputsOrder(@TempDir Path dir) throws IOException {
    Path before =
        Files.writeString(
            dir.resolve("before.json"),
            task("t1", null, "in-progress", "2025-01-02T09:00:00Z", ""));
    Path after =
        Files.writeString(
            dir.resolve("after.json"), task("t1", null, "requested", "2025-01-01T09:00:00Z", ""));
    TaskCheck diff = TaskCheck.builder().fhirVersion(FhirRelease.R4).now(NOW).history(true).build();
    Report report =
        diff.validate(
            ValidationRequest.builder()
                .input(before)
                .input(after)
                .versionsInGivenOrder(true)
                .build());
    List<String> found = new ArrayList<>();
    report
        .results()
        .forEach(
            r ->
                r.issues()
                    .forEach(i -> found.add(Path.of(r.source()).getFileName() + " " + i.ruleId())));
    // in the order given: in-progress -> requested, lastModified went back, executionPeriod.start
    // removed
    assertThat(found)
        .containsExactlyInAnyOrder(
            "after.json transition-1",
            "after.json transition-8",
            "after.json transition-10",
            "before.json transition-13");
  }

  @Test
  void metricsMatchTheFiguresWorkedOutByHand(@TempDir Path dir) throws IOException {
    // history 1: requested 09:00, accepted 11:00, in-progress (next day) 09:00, on-hold 12:00,
    // in-progress 13:00, completed (third day) 09:00
    String[][] one = {
      {"requested", "2025-01-01T09:00:00Z"},
      {"accepted", "2025-01-01T11:00:00Z"},
      {"in-progress", "2025-01-02T09:00:00Z"},
      {"on-hold", "2025-01-02T12:00:00Z"},
      {"in-progress", "2025-01-02T13:00:00Z"},
      {"completed", "2025-01-03T09:00:00Z"}
    };
    // history 2: draft 00:00, ready 06:00, in-progress 12:00 and still in progress (stuck in June)
    String[][] two = {
      {"draft", "2025-01-01T00:00:00Z"},
      {"ready", "2025-01-01T06:00:00Z"},
      {"in-progress", "2025-01-01T12:00:00Z"}
    };
    StringBuilder ndjson = new StringBuilder();
    for (int i = one.length - 1; i >= 0; i--) {
      ndjson.append(task("h1", String.valueOf(i + 1), one[i][0], one[i][1], "")).append('\n');
    }
    for (int i = 0; i < two.length; i++) {
      ndjson.append(task("h2", String.valueOf(i + 1), two[i][0], two[i][1], "")).append('\n');
    }
    Path file = Files.writeString(dir.resolve("versions.ndjson"), ndjson);
    TaskCheck grouped =
        TaskCheck.builder()
            .fhirVersion(FhirRelease.R4)
            .now(NOW)
            .history(true)
            .stuckAfter(Duration.ofDays(7))
            .build();
    Report report = grouped.validate(ValidationRequest.of(file.toString()));
    LifecycleMetrics m = report.metrics();
    assertThat(m.histories()).isEqualTo(2);
    assertThat(m.versions()).isEqualTo(9);
    Map<String, LifecycleMetrics.Stat> in = m.timeInStatus();
    assertThat(plain(in.get("requested"))).isEqualTo(stat(1, 2, 2, 2));
    assertThat(plain(in.get("accepted"))).isEqualTo(stat(1, 22, 22, 22));
    assertThat(plain(in.get("in-progress")))
        .isEqualTo(stat(1, 23, 23, 23)); // 3 h + 20 h; h2's is still open
    assertThat(plain(in.get("on-hold"))).isEqualTo(stat(1, 1, 1, 1));
    assertThat(plain(in.get("draft"))).isEqualTo(stat(1, 6, 6, 6));
    assertThat(plain(in.get("ready"))).isEqualTo(stat(1, 6, 6, 6));
    assertThat(in).doesNotContainKey("completed");
    assertThat(plain(m.waitTime()))
        .isEqualTo(stat(2, 12, 24, 24)); // 24 h and 12 h: nearest-rank median 12 h
    assertThat(plain(m.timeInProgress())).isEqualTo(stat(1, 23, 23, 23));
    assertThat(plain(m.timeToCompletion())).isEqualTo(stat(1, 48, 48, 48));
    // wait times of 12 h and 24 h: the bins from 12 h to 1 d and from 1 d to 3 d
    assertThat(m.waitTime().histogram())
        .containsExactly(
            new LifecycleMetrics.Bin(Duration.ofHours(12), Duration.ofDays(1), 1),
            new LifecycleMetrics.Bin(Duration.ofDays(1), Duration.ofDays(3), 1));
    assertThat(m.latestStatus()).containsOnly(entry("completed", 1L), entry("in-progress", 1L));
    // seven changes, each on an edge of the base table (on-hold back to in-progress is one too)
    assertThat(m.workflows()).hasSize(1);
    LifecycleMetrics.Workflow flow = m.workflows().get(0);
    assertThat(flow.machine()).isEqualTo("base-r4");
    assertThat(flow.changes()).isEqualTo(7);
    assertThat(
            flow.edges().stream()
                .filter(e -> e.count() > 0)
                .map(e -> e.from() + ">" + e.to() + ":" + e.kind() + ":" + e.count()))
        .containsExactlyInAnyOrder(
            "requested>accepted:diagram:1",
            "accepted>in-progress:diagram:1",
            "in-progress>on-hold:diagram:1",
            "on-hold>in-progress:diagram:1",
            "in-progress>completed:diagram:1",
            "draft>ready:diagram:1",
            "ready>in-progress:diagram:1");
    assertThat(m.stuckAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(m.stuckCount()).isEqualTo(1);
    assertThat(m.stuck().get(0).resource()).isEqualTo("Task/h2");
    assertThat(m.stuck().get(0).status()).isEqualTo("in-progress");
    assertThat(m.stuck().get(0).idle())
        .isEqualTo(Duration.between(Instant.parse("2025-01-01T12:00:01Z"), NOW));
    List<String> found = new ArrayList<>();
    report
        .results()
        .forEach(
            r ->
                r.issues()
                    .forEach(
                        i ->
                            found.add(
                                r.resource()
                                    + "/"
                                    + r.versionId()
                                    + " "
                                    + i.ruleId()
                                    + " "
                                    + i.severity().code())));
    assertThat(found).contains("Task/h2/3 transition-15 warning");
  }

  /**
   * The metrics judge each status change as transition-1 does, under the state machine in force: a
   * table edge, a return from on-hold to the status before it (allowed though the table has no such
   * edge), a narrative-only edge, and refused changes, one of them from a status the table does not
   * use.
   */
  @Test
  void statusChangesAreCountedOnTheEdgesOfTheStateMachineInForce(@TempDir Path dir)
      throws IOException {
    Path table =
        Files.writeString(
            dir.resolve("no-draft.json"),
            """
            {"name": "no-draft", "fhirVersions": ["R4"],
             "statuses": ["requested", "cancelled", "in-progress", "on-hold", "completed",
               "entered-in-error"],
             "initial": ["requested"],
             "terminal": ["cancelled", "completed", "entered-in-error"],
             "resumeFrom": ["on-hold"],
             "transitions": [
               {"from": "requested", "to": "in-progress"},
               {"from": "in-progress", "to": ["on-hold", "completed"]},
               {"from": "on-hold", "to": "cancelled", "kind": "narrative"},
               {"from": "*", "to": "entered-in-error"}]}
            """);
    String[] a = {"requested", "in-progress", "on-hold", "in-progress", "completed"};
    String[] b = {"draft", "requested", "on-hold", "cancelled"};
    Path file = Files.writeString(dir.resolve("versions.ndjson"), daily("a", a) + daily("b", b));
    Report report =
        TaskCheck.builder()
            .fhirVersion(FhirRelease.R4)
            .now(NOW)
            .history(true)
            .stateMachine(table)
            .build()
            .validate(ValidationRequest.of(file.toString()));

    LifecycleMetrics.Workflow flow = report.metrics().workflows().get(0);
    assertThat(report.metrics().workflows()).hasSize(1);
    assertThat(flow.machine()).isEqualTo("no-draft");
    // draft is not the table's, but a change left it
    assertThat(flow.statuses())
        .containsExactly(
            "draft",
            "requested",
            "cancelled",
            "in-progress",
            "on-hold",
            "completed",
            "entered-in-error");
    assertThat(flow.initial()).containsExactly("requested");
    // the table's edges in status order, taken or not, then what the table does not list
    assertThat(
            flow.edges().stream()
                .filter(e -> e.count() > 0)
                .map(e -> e.from() + ">" + e.to() + ":" + e.kind() + ":" + e.count()))
        .containsExactly(
            "requested>in-progress:diagram:1",
            "in-progress>on-hold:diagram:1",
            "in-progress>completed:diagram:1",
            "on-hold>cancelled:narrative:1",
            "draft>requested:refused:1",
            "requested>on-hold:refused:1",
            "on-hold>in-progress:diagram:1");
    assertThat(flow.edges())
        .contains(new LifecycleMetrics.Edge("requested", "entered-in-error", "diagram", 0));
    assertThat(flow.changes()).isEqualTo(7);
    assertThat(report.metrics().latestStatus())
        .containsOnly(entry("completed", 1L), entry("cancelled", 1L));
    // transition-1 says the same: two refused changes, one narrative-only
    List<String> t1 = new ArrayList<>();
    report.results().stream()
        .flatMap(r -> r.issues().stream())
        .filter(i -> i.ruleId().equals("transition-1"))
        .forEach(i -> t1.add(i.severity().code()));
    assertThat(t1).containsExactlyInAnyOrder("error", "error", "warning");
  }

  /**
   * NDJSON lines of a Task's versions 1, 2, ... in these statuses, one day apart from 1 January.
   */
  private static String daily(String id, String... statuses) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < statuses.length; i++) {
      String day = "2025-01-0" + (i + 1) + "T09:00:00Z";
      out.append(task(id, String.valueOf(i + 1), statuses[i], day, "")).append('\n');
    }
    return out.toString();
  }

  /** The statistic without its histogram. */
  private static LifecycleMetrics.Stat plain(LifecycleMetrics.@Nullable Stat stat) {
    LifecycleMetrics.Stat s = Objects.requireNonNull(stat, "a statistic");
    return new LifecycleMetrics.Stat(s.count(), s.median(), s.p90(), s.max());
  }

  private static LifecycleMetrics.Stat stat(
      long count, long medianHours, long p90Hours, long maxHours) {
    return new LifecycleMetrics.Stat(
        count,
        Duration.ofHours(medianHours),
        Duration.ofHours(p90Hours),
        Duration.ofHours(maxHours));
  }
}
