package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.engine.AdvisorFile;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.SuppressedIssue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HL7 advisor files (issue 16, point 4): both forms the HL7 validator reads suppress the structure
 * findings they name, on either engine, and each suppressed finding says which rule of which file.
 */
class AdvisorFileTest {

  private static final Path SAMPLES = TestData.path("samples");

  private static Report run(String engine, String advisor) {
    return TaskCheck.builder()
        .engine(engine)
        .advisorFile(TestData.path("advisor/" + advisor))
        .build()
        .validate(ValidationRequest.of(SAMPLES.toString()));
  }

  private static List<Issue> issues(Report r) {
    return r.results().stream().flatMap(x -> x.issues().stream()).toList();
  }

  private static List<SuppressedIssue> suppressed(Report r) {
    return r.results().stream().flatMap((Result x) -> x.suppressed().stream()).toList();
  }

  @ParameterizedTest
  @CsvSource({"reference, advisor.json", "reference, advisor.txt", "auto, advisor.json"})
  void theRulesSuppressWhatTheyName(String engine, String advisor) {
    Report without =
        TaskCheck.builder()
            .engine(engine)
            .build()
            .validate(ValidationRequest.of(SAMPLES.toString()));
    Report with = run(engine, advisor);
    assertThat(issues(without))
        .anyMatch(i -> i.ruleId().equals("dom-6"))
        .anyMatch(i -> "TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS".equals(i.messageId()));
    assertThat(issues(with))
        .noneMatch(i -> i.ruleId().equals("dom-6"))
        .noneMatch(i -> "TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS".equals(i.messageId()))
        .noneMatch(
            i ->
                "Terminology_PassThrough_TX_Message".equals(i.messageId())
                    && i.expression() != null
                    && i.expression().startsWith("Task.performerType"));
    // nothing else is touched: every finding is either kept or suppressed
    assertThat(issues(with).size() + suppressed(with).size()).isEqualTo(issues(without).size());
    assertThat(suppressed(with))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.suppression())
                    .startsWith(TestData.path("advisor/" + advisor).toString())
                    .matches(advisor.endsWith(".txt") ? ".*:[3-5]" : ".* suppress\\[[0-2]\\]"))
        .allSatisfy(s -> assertThat(s.reason()).startsWith("advisor file rule "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Task.input            | Task.input[2]               | true",
        "Task.input            | Task.input[2].value         | false",
        "Task.input.*          | Task.input[2].value         | true",
        "Task.input[1]         | Task.input[2]               | false",
        "Task.*.type           | Task.output[0].type         | true",
        "Task                  | Task.status                 | false",
      })
  void pathsMatchSegmentBySegment(
      String path, String expression, boolean matches, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "- X@" + path);
    AdvisorFile advisor = AdvisorFile.read(file, "a.txt");
    assertThat(advisor.rules().get(0).path()).isEqualTo(path);
    Issue issue =
        new Issue(
            "structure-other",
            dev.taskcheck.model.Severity.ERROR,
            "structure",
            expression,
            1,
            1,
            "m",
            dev.taskcheck.model.IssueSource.STRUCTURE,
            "x");
    assertThat(advisor.suppressing(issue) != null).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ \"suppress\": [", "{ \"suppress\": [42] }", "[\"x\"]"})
  void aBadJsonFileIsASetupErrorNamingTheFile(String text, @TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, text);
    assertThatThrownBy(() -> TaskCheck.builder().advisorFile(f).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(f.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"# c\n- X@^([unclosed\n", "-\n", "- @Task.status\n"})
  void aBadTextRuleIsASetupErrorNamingFileAndLine(String text, @TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, text);
    assertThatThrownBy(() -> TaskCheck.builder().advisorFile(f).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(f + ":");
  }
}
