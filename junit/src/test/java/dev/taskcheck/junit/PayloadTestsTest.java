package dev.taskcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A folder of payloads run as a test suite by the JUnit platform, as IDEs and Surefire run it. */
class PayloadTestsTest {

  /** Run by {@link #run} only (Surefire skips nested classes). */
  @TaskCheckTest(now = "2025-06-01T12:00:00Z")
  static class Folder {
    static Path folder = Path.of(".");

    @TestFactory
    Stream<DynamicNode> payloads(TaskChecker checker) {
      return checker.payloadTests(folder);
    }
  }

  /** Each test's display path (container / test) and its outcome, with the failure's message. */
  private static Map<String, String> run(Path folder) {
    Folder.folder = folder;
    Map<String, String> outcomes = new ConcurrentSkipListMap<>();
    Map<String, String> names = new ConcurrentHashMap<>();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Folder.class))
            // as a suite under JUnit's parallel execution: the tests share one checker
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            names.put(id.getUniqueId(), id.getDisplayName());
            if (!id.isTest()) {
              return;
            }
            String parent = id.getParentId().map(names::get).orElse("");
            String outcome = result.getStatus().name();
            if (result.getThrowable().isPresent()) {
              outcome += ": " + result.getThrowable().get().getMessage();
            }
            outcomes.put(parent + " / " + id.getDisplayName(), outcome);
          }

          @Override
          public void executionStarted(TestIdentifier id) {
            names.put(id.getUniqueId(), id.getDisplayName());
          }
        });
    return outcomes;
  }

  private static void copy(String sample, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(Samples.sample(sample), to);
  }

  @Test
  void oneTestPerResourceAndSidecarsDecide(@TempDir Path dir) throws IOException {
    copy("tasks-physiotherapy-course.ndjson", dir.resolve("a/course.ndjson"));
    copy("broken-status-done.json", dir.resolve("b/broken.json"));
    copy("broken-status-done.json", dir.resolve("b/expected-broken.json"));
    Files.writeString(
        dir.resolve("b/expected-broken.expected.json"),
        "{\"expect\": [{\"ruleId\": \"structure-binding\", \"severity\": \"error\","
            + " \"expression\": \"Task.status\", \"line\": 14}], \"absent\": [\"progress-2\"]}");
    copy("broken-status-done.json", dir.resolve("c/wrong-sidecar.json"));
    Files.writeString(
        dir.resolve("c/wrong-sidecar.expected.yaml"),
        "expect:\n  - ruleId: progress-2\nabsent:\n  - structure-binding\n");
    copy("broken-status-done.json", dir.resolve("d/bad-sidecar.json"));
    Files.writeString(dir.resolve("d/bad-sidecar.expected.json"), "{\"expected\": []}");

    Map<String, String> outcomes = run(dir);

    // five NDJSON lines, five passing tests under the file's container
    assertThat(outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("a/course.ndjson")))
        .hasSize(5)
        .allSatisfy(e -> assertThat(e.getValue()).isEqualTo("SUCCESSFUL"));
    // no sidecar: an error fails the resource's test, naming file:line:col and the rule
    assertThat(outcomes)
        .hasEntrySatisfying(
            "b/broken.json / Task/task-discharge-letter (line 1)",
            v ->
                assertThat(v)
                    .startsWith("FAILED")
                    .contains("broken.json:14:3 structure-binding error Task.status"));
    // a sidecar expecting that error: both tests pass
    assertThat(
            outcomes.entrySet().stream()
                .filter(e -> e.getKey().startsWith("b/expected-broken.json /"))
                .map(Map.Entry::getValue)
                .collect(Collectors.toList()))
        .containsExactly("SUCCESSFUL", "SUCCESSFUL");
    // a sidecar that is wrong: the expected finding is missing and an absent one is there
    List<String> wrong = new ArrayList<>();
    outcomes.forEach(
        (k, v) -> {
          if (k.startsWith("c/wrong-sidecar.json")) {
            wrong.add(k + " -> " + v);
          }
        });
    assertThat(wrong)
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("expected findings (wrong-sidecar.expected.yaml) -> FAILED")
                    .contains("missing: progress-2")
                    .contains("present though absent is expected"));
    // an unreadable sidecar is one failing test naming the sidecar and the key
    assertThat(outcomes)
        .hasEntrySatisfying(
            "d/bad-sidecar.json / expected findings (bad-sidecar.expected.json)",
            v -> assertThat(v).startsWith("FAILED").contains("unknown key 'expected'"));
  }

  @Test
  void anEmptyOrMissingFolderIsAnError(@TempDir Path dir) {
    TaskChecker checker = TaskCheckAssertions.defaultChecker();
    assertThatThrownBy(() -> checker.payloadTests(dir.resolve("none")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No payload folder");
    assertThatThrownBy(() -> checker.payloadTests(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No payload (.json, .xml, .ndjson) under");
  }
}
