package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoAnsi;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.brief;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.position;
import static dev.taskcheck.cli.CliReportSupport.results;
import static dev.taskcheck.cli.CliReportSupport.resultsFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of {@code testdata/bad-input} in one launch, each named explicitly (a directory walk
 * would skip {@code binary.bin}), then a path that does not exist, a Unix domain socket, a file
 * without read permission (only when not running as root, for whom it is readable), and a valid
 * Task last. Each bad file gives exactly one fatal {@code structure-parse} issue at the position
 * testdata/bad-input/README.md gives (TaskCheck's own column, the first listed), unreadable inputs
 * give one fatal {@code input-unreadable}, the NDJSON file gives one outcome per line, the run goes
 * on to the valid Task, no stack trace is printed, and the exit code is 1.
 */
class BadInputIT {

  private static final String BAD = "testdata/bad-input/";
  private static final String MISSING = BAD + "does-not-exist.json";

  /**
   * TaskCheck's position of the single fatal issue of each file (testdata/bad-input/expected.tsv).
   */
  private static final Map<String, String> EXPECTED =
      dev.taskcheck.testdata.BadInputs.expectedPositions(
          CliProcessSupport.testdata().resolve("bad-input"));

  @TempDir static Path tmp;

  private static ServerSocketChannel socketServer;
  private static Path socket;
  private static Path unreadable;
  private static String validTask;
  private static CliRun run;
  private static JsonNode report;

  @BeforeAll
  static void runEveryBadInput() throws IOException, URISyntaxException {
    List<String> files;
    try (Stream<Path> list = Files.list(CliProcessSupport.testdata().resolve("bad-input"))) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("README.md") && !n.equals("expected.tsv"))
              .sorted()
              .toList();
    }
    List<String> single = files.stream().filter(n -> !n.equals("ndjson-mixed.ndjson")).toList();
    assertThat(single)
        .as("every bad-input file has an expected position here")
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());

    socket = tmp.resolve("taskcheck.sock");
    socketServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    socketServer.bind(UnixDomainSocketAddress.of(socket));

    Path valid =
        Path.of(
            Objects.requireNonNull(BadInputIT.class.getResource("/it/valid-task.json")).toURI());
    validTask = valid.toString();
    unreadable = tmp.resolve("unreadable-task.json");
    Files.copy(valid, unreadable);
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    boolean root = Files.isReadable(unreadable);

    List<String> args = new ArrayList<>(List.of("validate", "--format", "json"));
    files.forEach(f -> args.add(BAD + f));
    args.add(MISSING);
    args.add(socket.toString());
    if (!root) {
      args.add(unreadable.toString());
    } else {
      unreadable = null;
    }
    args.add(validTask);
    run = taskcheck(args).run();
    report = run.json();
  }

  @AfterAll
  static void closeSocket() throws IOException {
    if (socketServer != null) {
      socketServer.close();
    }
  }

  @Test
  void exitsWithOneWithoutAStackTrace() {
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    assertNoStackTrace(run.stdout(), "stdout");
    assertNoAnsi(run);
  }

  @Test
  void eachBadFileGivesOneFatalParseIssueAtItsPosition() {
    for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
      String file = e.getKey();
      assertThat(resultsFor(report, BAD + file))
          .as(file)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.path("resource").isNull()).as("%s: resource is null", file).isTrue();
                assertThat(issues(r))
                    .as(file)
                    .singleElement()
                    .satisfies(
                        i -> {
                          assertThat(i.path("ruleId").asText())
                              .as(file)
                              .isEqualTo("structure-parse");
                          assertThat(i.path("severity").asText()).as(file).isEqualTo("fatal");
                          assertThat(i.path("expression").isNull())
                              .as("%s: no expression", file)
                              .isTrue();
                          assertThat(i.path("message").asText()).as(file).isNotBlank();
                          assertThat(position(i)).as(file).isEqualTo(e.getValue());
                        });
              });
    }
  }

  @Test
  void notXmlIsReportedAtTheStartOfTheEndTag() {
    assertThat(resultsFor(report, BAD + "not-xml.xml"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .extracting(CliReportSupport::brief)
                    .containsExactly("structure-parse fatal - 21:1"));
  }

  @Test
  void xmlWithADoctypeIsRefusedAndNoEntityIsExpanded() throws IOException {
    for (String file : List.of("doctype.xml", "xxe.xml", "xxe-remote.xml")) {
      JsonNode issue = issues(resultsFor(report, BAD + file).get(0)).get(0);
      assertThat(issue.path("message").asText()).as(file).contains("DOCTYPE");
      assertThat(issue.path("type").asText()).as(file).isEqualTo("security");
    }
    Path passwd = Path.of("/etc/passwd");
    if (Files.isReadable(passwd)) {
      String firstLine =
          Files.readAllLines(passwd, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      if (!firstLine.isBlank()) {
        assertThat(run.stdout())
            .as("no /etc/passwd content in the output")
            .doesNotContain(firstLine);
        assertThat(run.stderr()).doesNotContain(firstLine);
      }
    }
    assertThat(run.stdout()).doesNotContain("root:x:0:0");
  }

  @Test
  void invalidUtf8NamesTheByte() {
    JsonNode issue = issues(resultsFor(report, BAD + "invalid-utf8.json").get(0)).get(0);
    assertThat(issue.path("type").asText()).isEqualTo("invalid");
    assertThat(issue.path("message").asText()).containsIgnoringCase("C3");
  }

  @Test
  void ndjsonLinesAreIndependentDocuments() {
    List<JsonNode> lines = resultsFor(report, BAD + "ndjson-mixed.ndjson");
    JsonNode line1 =
        lines.stream().filter(r -> r.path("line").asInt() == 1).findFirst().orElseThrow();
    assertThat(line1.path("resource").asText()).isEqualTo("Task/ndjson-line-1");
    assertThat(issues(line1)).noneMatch(CliReportSupport::isAtLeastError);

    JsonNode line2 =
        lines.stream().filter(r -> r.path("line").asInt() == 2).findFirst().orElseThrow();
    assertThat(line2.path("resource").isNull()).isTrue();
    assertThat(issues(line2))
        .extracting(CliReportSupport::brief)
        .containsExactly("structure-parse fatal - 2:394");

    JsonNode line5 =
        lines.stream().filter(r -> r.path("line").asInt() == 5).findFirst().orElseThrow();
    assertThat(line5.path("resource").asText()).isEqualTo("Task/ndjson-line-5");
    assertThat(issues(line5)).noneMatch(CliReportSupport::isAtLeastError);

    // line 3 is blank: nothing; line 4 is a Patient: skipped, at most an information issue
    assertThat(lines).filteredOn(r -> r.path("line").asInt() == 3).isEmpty();
    assertThat(lines)
        .filteredOn(r -> r.path("line").asInt() == 4)
        .allSatisfy(
            r ->
                assertThat(issues(r))
                    .allSatisfy(
                        i -> assertThat(i.path("severity").asText()).isEqualTo("information")));
    assertThat(lines).extracting(r -> r.path("line").asInt()).isSorted();
    assertThat(report.path("summary").path("skipped").asLong())
        .as("the Patient on line 4")
        .isEqualTo(1);
  }

  @Test
  void aPathThatDoesNotExistIsAFatalUnreadableInput() {
    assertThat(resultsFor(report, MISSING))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("resource").isNull()).isTrue();
              assertThat(issues(r))
                  .singleElement()
                  .satisfies(
                      i -> {
                        assertThat(i.path("ruleId").asText()).isEqualTo("input-unreadable");
                        assertThat(i.path("severity").asText()).isEqualTo("fatal");
                        assertThat(i.path("message").asText()).isNotBlank();
                      });
            });
  }

  @Test
  void theMessageOfAMissingPathNamesIt() {
    JsonNode issue = issues(resultsFor(report, MISSING).get(0)).get(0);
    assertThat(issue.path("message").asText()).contains("does-not-exist.json");
  }

  @Test
  void aSocketIsAFatalUnreadableInput() {
    assertThat(resultsFor(report, socket.toString()))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .extracting(i -> i.path("ruleId").asText() + " " + i.path("severity").asText())
                    .containsExactly("input-unreadable fatal"));
  }

  @Test
  void aFileWithoutReadPermissionIsAFatalUnreadableInput() {
    if (unreadable == null) {
      // running as root: the file is readable, so this case does not apply (the socket case always
      // runs)
      return;
    }
    assertThat(resultsFor(report, unreadable.toString()))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .extracting(i -> i.path("ruleId").asText() + " " + i.path("severity").asText())
                    .containsExactly("input-unreadable fatal"));
  }

  @Test
  void theValidTaskAfterThemIsStillValidated() {
    List<JsonNode> all = results(report);
    assertThat(all.get(all.size() - 1).path("source").asText())
        .as("the valid Task comes last")
        .isEqualTo(validTask);
    assertThat(resultsFor(report, validTask))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("resource").asText()).isEqualTo("Task/it-valid-task");
              assertThat(r.path("fhirVersion").asText()).isEqualTo("R4");
              assertThat(issues(r))
                  .as(
                      "issues of the valid Task: %s",
                      issues(r).stream().map(CliReportSupport::brief).toList())
                  .noneMatch(CliReportSupport::isAtLeastError);
            });
  }

  @Test
  void summaryCountsOneFatalPerBadDocument() {
    long expectedFatal =
        EXPECTED.size()
            + 1L /* ndjson line 2 */
            + 1 /* missing */
            + 1 /* socket */
            + (unreadable == null ? 0 : 1);
    assertThat(report.path("summary").path("fatal").asLong()).isEqualTo(expectedFatal);
    assertThat(CliReportSupport.countIssues(report, CliReportSupport.severity("fatal")))
        .isEqualTo(expectedFatal);
    CliReportSupport.assertSummaryMatchesResults(report);
    assertThat(brief(issues(resultsFor(report, BAD + "empty.json").get(0)).get(0)))
        .isEqualTo("structure-parse fatal - 1:1");
  }
}
