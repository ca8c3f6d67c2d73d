package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.taskcheck.fuzz.ReportFindings;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.report.OutputFormat;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Custom rules (issue 16, points 2 and 3): the FHIRPath rule file {@code testdata/custom-rules/
 * acme-rules.yaml} and a test plug-in ({@code plugins/good}) join the catalog and behave like
 * built-in rules in every engine, rule set, override, suppression and report format; a bad file or
 * plug-in is a setup error naming the file and line, or the class.
 */
class CustomRulesTest {

  private static final Path RULES = TestData.path("custom-rules/acme-rules.yaml");
  private static final Path TASK = TestData.path("custom-rules/acme-task.json");
  private static final Set<String> CUSTOM = Set.of("acme-1", "acme-2", "acme-3", "tp-1");

  private static ClassLoader plugins(String folder) {
    URL url = Objects.requireNonNull(CustomRulesTest.class.getResource("/plugins/" + folder + "/"));
    return new URLClassLoader(new URL[] {url}, CustomRulesTest.class.getClassLoader());
  }

  private static TaskCheck.Builder builder(String engine) {
    return TaskCheck.builder().engine(engine).ruleFile(RULES).pluginLoader(plugins("good"));
  }

  private static List<Issue> custom(TaskCheck taskCheck, String json) {
    return taskCheck.validateText(json, "task.json").stream()
        .flatMap(r -> r.issues().stream())
        .filter(i -> CUSTOM.contains(i.ruleId()))
        .toList();
  }

  private static String task() throws Exception {
    return Files.readString(TASK);
  }

  @ParameterizedTest
  @CsvSource({"fast", "reference"})
  void theFileAndThePlugInReportOnEitherEngine(String engine) throws Exception {
    assertThat(custom(builder(engine).build(), task()))
        .extracting(Issue::ruleId, Issue::severity, Issue::expression)
        .containsExactlyInAnyOrder(
            tuple("tp-1", Severity.WARNING, "Task.status"),
            tuple("acme-1", Severity.ERROR, "Task"),
            tuple("acme-2", Severity.WARNING, "Task.input[0]"),
            tuple("acme-3", Severity.INFORMATION, "Task"));
  }

  @Test
  void findingsArePlacedAtTheirElementAndCarryTheFilesMessage() throws Exception {
    Issue acme2 =
        custom(builder("fast").build(), task()).stream()
            .filter(i -> i.ruleId().equals("acme-2"))
            .findFirst()
            .orElseThrow();
    assertThat(acme2.line()).isEqualTo(7);
    assertThat(acme2.column()).isEqualTo(5);
    assertThat(acme2.messageId()).isEqualTo("acme-2");
    assertThat(acme2.message()).startsWith("Each input of an ACME Task");
  }

  @Test
  void whereSelectsTheTasksARuleAppliesTo() throws Exception {
    String draft = task().replace("\"completed\"", "\"draft\"");
    assertThat(custom(builder("fast").build(), draft))
        .extracting(Issue::ruleId)
        .doesNotContain("acme-1", "tp-1")
        .contains("acme-2", "acme-3");
  }

  @Test
  void aTaskInABundleIsFoundAtItsEntry() throws Exception {
    String bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            + task()
            + "}]}";
    assertThat(custom(builder("reference").build(), bundle))
        .extracting(Issue::ruleId, Issue::expression)
        .contains(
            tuple("acme-1", "Bundle.entry[0].resource"),
            tuple("acme-2", "Bundle.entry[0].resource.input[0]"));
  }

  @Test
  void ruleSetsOverridesAndSuppressionsApply() throws Exception {
    assertThat(custom(builder("fast").ruleSet(RuleSet.CORE).build(), task()))
        .extracting(Issue::ruleId)
        .as("a rule file's rule runs in every rule set; a BP plug-in rule not in core")
        .containsExactlyInAnyOrder("acme-1", "acme-2", "acme-3");
    assertThat(custom(builder("fast").ruleSet(RuleSet.STRICT).build(), task()))
        .filteredOn(i -> i.ruleId().equals("acme-2") || i.ruleId().equals("tp-1"))
        .extracting(Issue::severity)
        .containsOnly(Severity.ERROR);
    assertThat(
            custom(
                builder("fast").rule("acme-2=off").rule("acme-3=error").rule("tp-1=off").build(),
                task()))
        .extracting(Issue::ruleId, Issue::severity)
        .containsExactlyInAnyOrder(
            tuple("acme-1", Severity.ERROR), tuple("acme-3", Severity.ERROR));
    Suppression s =
        new Suppression("acme-2", "Task.input[0]", null, "legacy inputs", null, "test:1");
    var results = builder("fast").suppressions(List.of(s)).build().validateText(task(), "t.json");
    assertThat(results.get(0).issues()).extracting(Issue::ruleId).doesNotContain("acme-2");
    assertThat(results.get(0).suppressed()).extracting(x -> x.issue().ruleId()).contains("acme-2");
  }

  @Test
  void theCatalogListsThemWithWhereTheyComeFrom() {
    List<RuleInfo> rules = builder("fast").build().rules();
    assertThat(rules)
        .filteredOn(r -> CUSTOM.contains(r.id()))
        .extracting(RuleInfo::id, RuleInfo::kind, RuleInfo::category, RuleInfo::severity)
        .containsExactly(
            tuple("tp-1", RuleInfo.Kind.PLUGIN, "tp", Severity.WARNING),
            tuple("acme-1", RuleInfo.Kind.FHIRPATH, "acme", Severity.ERROR),
            tuple("acme-2", RuleInfo.Kind.FHIRPATH, "acme", Severity.WARNING),
            tuple("acme-3", RuleInfo.Kind.FHIRPATH, "acme", Severity.INFORMATION));
    assertThat(rules)
        .filteredOn(r -> r.id().equals("acme-1"))
        .singleElement()
        .satisfies(r -> assertThat(r.origin()).endsWith("acme-rules.yaml:4"))
        .satisfies(r -> assertThat(r.docUrl()).isEqualTo("https://acme.example/fhir/rules#acme-1"));
    assertThat(rules)
        .filteredOn(r -> r.id().equals("acme-3"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.summary()).isEqualTo("An ACME Task says when it was authored"));
    assertThat(TaskCheck.catalog()).extracting(RuleInfo::id).doesNotContainAnyElementsOf(CUSTOM);
  }

  /** Done-when of issue 16: the rule file's 3 rules and the plug-in's rule in every format. */
  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyReportFormatListsTheCustomFindings(OutputFormat format) {
    Report report = builder("fast").build().validate(ValidationRequest.of(TASK.toString()));
    String written = ReportFindings.render(format, report);
    // the findings without their source (SARIF names it by URI)
    List<String> read = withoutSource(ReportFindings.read(format, written));
    assertThat(read)
        .isEqualTo(
            withoutSource(
                ReportFindings.fromModel(report, ReportFindings.namesExpressions(format))));
    for (String id : CUSTOM) {
      assertThat(read).as(format + " lists " + id).anyMatch(k -> k.contains("|" + id));
    }
    if (format == OutputFormat.SARIF || format == OutputFormat.XML || format == OutputFormat.HTML) {
      assertThat(written).contains("acme-rules.yaml:4", "OnHoldNeedsNote");
    }
  }

  private static List<String> withoutSource(List<String> keys) {
    return keys.stream().map(k -> k.substring(k.indexOf('|'))).sorted().toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not-yaml.yaml         | 5 | not YAML",
        "unknown-key.yaml      | 5 | unknown key 'messsage'",
        "catalog-prefix.yaml   | 2 | prefix 'status' of TaskCheck's catalog",
        "does-not-compile.yaml | 8 | the expression of acme-2 does not compile",
        "duplicate-id.json     | 4 | the id acme-1 is used twice (first on line 3)",
        "fatal.yaml            | 3 | a rule cannot be fatal",
        "no-expression.yaml    | 2 | the rule has no 'expression'",
        "unknown-function.yaml | 4 | resolvesNicely",
        "stu3.yaml             | 6 | FHIRPath rules cannot run on STU3 yet",
        "v1.4.0.yaml           | 6 | FHIRPath rules cannot run on 1.4.0 yet",
      })
  void aBadRuleFileIsASetupErrorNamingFileAndLine(String file, int line, String problem) {
    Path bad = TestData.path("custom-rules/bad/" + file);
    assertThatThrownBy(() -> TaskCheck.builder().ruleFile(bad).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(bad + ":" + line + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  void aMissingRuleFileIsNamed(@TempDir Path dir) {
    Path none = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> TaskCheck.builder().ruleFile(none).build())
        .hasMessage(none + ": no such rule file");
  }

  @Test
  void aRuleIdTakenByTheCatalogOrTwiceIsRefused(@TempDir Path dir) throws Exception {
    Path clash = dir.resolve("clash.yaml");
    Files.writeString(
        clash,
        """
        rules:
          - id: tp-1
            severity: error
            expression: owner.exists()
            message: the plug-in has this id
        """);
    assertThatThrownBy(
            () -> TaskCheck.builder().ruleFile(clash).pluginLoader(plugins("good")).build())
        .hasMessageContaining("the id tp-1 is already used by");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bad-prefix    | BadRules$CatalogPrefix: the id status-99 uses the prefix 'status'",
        "not-custom    | BadRules$NotCustom: a plug-in rule's category is CUSTOM",
        "no-message    | BadRules$NoMessage: no message tp-3.gone in dev/taskcheck/testplugin/messages.properties",
        "missing-class | dev.taskcheck.testplugin.NoSuchRule",
      })
  void aPlugInWithBadMetadataIsASetupErrorNamingTheClass(String folder, String problem) {
    assertThatThrownBy(() -> TaskCheck.builder().pluginLoader(plugins(folder)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void aRuleThatCannotBeEvaluatedSaysSo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("eval.yaml");
    Files.writeString(
        file,
        """
        rules:
          - id: acme-9
            severity: warning
            expression: input.value.single() = 'x'
            message: one input type
        """);
    List<Issue> found =
        TaskCheck.builder()
            .engine("fast")
            .ruleFile(file)
            .build()
            .validateText(task(), "t.json")
            .stream()
            .flatMap(r -> r.issues().stream())
            .filter(i -> i.ruleId().equals("acme-9"))
            .collect(Collectors.toList());
    assertThat(found)
        .singleElement()
        .satisfies(i -> assertThat(i.message()).contains("could not be evaluated"));
  }
}
