package dev.taskcheck.junit;

import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/** A folder of payloads as dynamic tests; see {@link TaskChecker#payloadTests}. */
final class PayloadTests {

  private PayloadTests() {}

  static Stream<DynamicNode> of(TaskChecker checker, Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("No payload folder at " + folder.toAbsolutePath());
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(PayloadTests::isPayload).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder.toAbsolutePath(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "No payload (.json, .xml, .ndjson) under " + folder.toAbsolutePath());
    }
    // validated as JUnit walks the stream: the first file's tests run before the last is read
    return files.stream().map(f -> file(checker, folder, f));
  }

  private static boolean isPayload(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !Expectations.isSidecar(p)
        && (n.endsWith(".json") || n.endsWith(".xml") || n.endsWith(".ndjson"));
  }

  private static DynamicNode file(TaskChecker checker, Path folder, Path file) {
    String name = folder.relativize(file).toString().replace('\\', '/');
    URI uri = file.toUri();
    Path sidecar = Expectations.sidecarOf(file);
    Expectations expected;
    try {
      expected = sidecar == null ? null : Expectations.read(sidecar);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      return DynamicContainer.dynamicContainer(
          name,
          uri,
          Stream.of(
              DynamicTest.dynamicTest(
                  "expected findings (" + sidecar.getFileName() + ")",
                  sidecar.toUri(),
                  () -> {
                    throw new AssertionFailedError(message);
                  })));
    }
    List<Result> results = TaskChecker.validate(checker.taskCheck(), file);
    List<DynamicNode> tests = new ArrayList<>();
    for (Result r : results) {
      tests.add(DynamicTest.dynamicTest(label(r), uri, () -> resource(r, expected)));
    }
    if (results.isEmpty()) {
      tests.add(
          DynamicTest.dynamicTest(
              "no resource to check",
              uri,
              () -> {
                if (expected != null && !expected.expect().isEmpty()) {
                  throw new AssertionFailedError(
                      name + " holds no resource, but " + expected.file() + " expects findings");
                }
              }));
    }
    if (expected != null) {
      tests.add(
          DynamicTest.dynamicTest(
              "expected findings (" + expected.file().getFileName() + ")",
              expected.file().toUri(),
              () -> sidecar(results, expected)));
    }
    return DynamicContainer.dynamicContainer(name, uri, tests.stream());
  }

  /** {@code Task/abc}, with its line and place in the document when it has them. */
  private static String label(Result r) {
    StringBuilder b = new StringBuilder(r.resource() != null ? r.resource() : "(not read)");
    if (r.location() != null) {
      b.append(" at ").append(r.location());
    }
    if (r.line() != null) {
      b.append(" (line ").append(r.line()).append(')');
    }
    return b.toString();
  }

  /** One resource: no error, or only errors its file's sidecar expects. */
  private static void resource(Result r, @Nullable Expectations expected) {
    if (expected != null && !expected.otherErrorsFail()) {
      return;
    }
    List<Finding> bad =
        Finding.atLeast(Finding.of(List.of(r)), Severity.ERROR).stream()
            .filter(f -> expected == null || !expected.expects(r, f.issue()))
            .toList();
    if (!bad.isEmpty()) {
      throw Finding.failure(
          expected == null
              ? "Unexpected error(s)"
              : "Error(s) that " + expected.file() + " does not expect",
          bad);
    }
  }

  /** The file as a whole: every expected finding present, no absent rule. */
  private static void sidecar(List<Result> results, Expectations expected) {
    List<Finding> all = Finding.of(results);
    List<String> problems = new ArrayList<>();
    for (Expectations.Expected e : expected.expect()) {
      if (all.stream().noneMatch(f -> e.matches(f.result(), f.issue()))) {
        problems.add("missing: " + e);
      }
    }
    for (String rule : expected.absent()) {
      for (Finding f : all) {
        if (f.issue().ruleId().equals(rule)) {
          problems.add("present though absent is expected: " + f);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(
          expected.file()
              + ":\n  "
              + String.join("\n  ", problems)
              + "\nThe findings are:\n"
              + Finding.list(all));
    }
  }
}
