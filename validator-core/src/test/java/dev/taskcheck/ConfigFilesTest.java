package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.model.Coding;
import dev.taskcheck.model.Durations;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The --config and --suppressions files: what they hold, and clear errors naming file and line. */
class ConfigFilesTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /**
   * clockSkew reads the one duration grammar of every option ({@link Durations}): same values, same
   * refusals.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "PT5M",
        "5m",
        "5min",
        "300s",
        "300000ms",
        "2w",
        "1d",
        "P1D",
        "PT0S",
        "-P1D",
        "PT-5M",
        "soon",
        "7d12h",
        "36501d"
      })
  void clockSkewTakesTheDurationGrammarOfEveryOption(String text) throws IOException {
    Path file = write("skew.json", "{\"clockSkew\": \"" + text + "\"}");
    Duration expected;
    try {
      expected = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      assertThatThrownBy(() -> ConfigFiles.readConfig(file))
          .isInstanceOf(TaskCheckException.class)
          .hasMessageContaining("skew.json")
          .hasMessageContaining("clockSkew")
          .hasMessageContaining(text);
      return;
    }
    assertThat(ConfigFiles.readConfig(file).clockSkew()).isEqualTo(expected);
  }

  @Test
  void aCompleteConfiguration() throws IOException {
    RuleConfig c =
        ConfigFiles.readConfig(
            write(
                "c.json",
                """
        {"progress": {"outputTypes": [{"system": "http://x", "code": "p"}], "overDeliveryAllowed": true,
                      "counted": [{"progressType": {"system": "http://x", "code": "p"}, "resourceType": "Encounter"}]},
         "clockSkew": "2m"}
        """));
    assertThat(c.progressOutputTypes()).containsExactly(new Coding("http://x", "p"));
    assertThat(c.overDeliveryAllowed()).isTrue();
    assertThat(c.clockSkew()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.countedOutputs())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.resourceType()).isEqualTo("Encounter");
              assertThat(o.outputType()).isNull();
            });
    assertThat(ConfigFiles.readConfig(write("empty.json", "{}")).clockSkew())
        .isEqualTo(RuleConfig.DEFAULT_CLOCK_SKEW);
  }

  @Test
  void configurationErrorsNameFileLineAndProblem() throws IOException {
    Path unknown = write("unknown.json", "{\n  \"clockskew\": \"PT1M\"\n}");
    assertThatThrownBy(() -> ConfigFiles.readConfig(unknown))
        .isInstanceOf(TaskCheckException.class)
        .hasMessageContaining("unknown.json:2")
        .hasMessageContaining("clockskew");
    Path syntax = write("syntax.json", "{\n  \"clockSkew\": \n}");
    assertThatThrownBy(() -> ConfigFiles.readConfig(syntax)).hasMessageContaining("syntax.json:3");
    Path skew = write("skew.json", "{\"clockSkew\": \"soon\"}");
    assertThatThrownBy(() -> ConfigFiles.readConfig(skew))
        .hasMessageContaining("clockSkew")
        .hasMessageContaining("soon");
    Path counted = write("counted.json", "{\"progress\": {\"counted\": [{}]}}");
    assertThatThrownBy(() -> ConfigFiles.readConfig(counted))
        .hasMessageContaining("progress.counted[0]");
    Path coding = write("coding.json", "{\"progress\": {\"outputTypes\": [{\"code\": \"p\"}]}}");
    assertThatThrownBy(() -> ConfigFiles.readConfig(coding))
        .hasMessageContaining("progress.outputTypes[0]");
    assertThatThrownBy(() -> ConfigFiles.readConfig(dir.resolve("missing.json")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void suppressionsRememberTheirLine() throws IOException {
    List<Suppression> list =
        ConfigFiles.readSuppressions(
            write(
                "s.json",
                """
        {"suppressions": [
          {"rule": "status-1", "expression": "Task", "reason": "r1"},
          {"rule": "dom-6", "expression": "*", "file": "legacy/**", "reason": "r2", "expires": "2027-01-31"}
        ]}
        """));
    assertThat(list).hasSize(2);
    assertThat(list.get(0).origin()).isEqualTo("s.json:2");
    assertThat(list.get(1).origin()).isEqualTo("s.json:3");
    assertThat(list.get(1).expires()).isEqualTo(LocalDate.parse("2027-01-31"));
    assertThat(list.get(1).file()).isEqualTo("legacy/**");
  }

  @Test
  void suppressionErrorsNameTheLine() throws IOException {
    Path noReason =
        write(
            "r.json",
            "{\"suppressions\": [\n {\"rule\": \"status-1\", \"expression\": \"Task\"}\n]}");
    assertThatThrownBy(() -> ConfigFiles.readSuppressions(noReason))
        .hasMessageContaining("r.json:2")
        .hasMessageContaining("reason");
    Path badDate =
        write(
            "d.json",
            "{\"suppressions\": [{\"rule\": \"x-1\", \"expression\": \"*\", \"reason\": \"r\","
                + " \"expires\": \"next year\"}]}");
    assertThatThrownBy(() -> ConfigFiles.readSuppressions(badDate)).hasMessageContaining("expires");
    Path notArray = write("n.json", "{\"suppressions\": {}}");
    assertThatThrownBy(() -> ConfigFiles.readSuppressions(notArray)).hasMessageContaining("array");
    Path other = write("o.json", "{\"rules\": []}");
    assertThatThrownBy(() -> ConfigFiles.readSuppressions(other))
        .hasMessageContaining("unknown property 'rules'");
  }

  @Test
  void unknownRuleIdsAreRefused() {
    assertThatThrownBy(() -> TaskCheck.builder().rule("status-99=off"))
        .hasMessageContaining("status-99");
    assertThatThrownBy(() -> TaskCheck.builder().rule("status-1")).hasMessageContaining("ID=LEVEL");
    assertThatThrownBy(() -> TaskCheck.builder().rule("structure-parse=off"))
        .hasMessageContaining("cannot be overridden");
    assertThatThrownBy(() -> TaskCheck.builder().rule("status-1=fatal"))
        .hasMessageContaining("fatal");
    TaskCheck.builder().rule("dom-6=off").rule("structure-binding=warning").rule("date-3=ERROR");
  }
}
