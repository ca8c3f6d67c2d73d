package org.example;

import static dev.taskcheck.junit.TaskCheckAssertions.assertThatTask;

import dev.taskcheck.junit.TaskCheckTest;
import dev.taskcheck.junit.TaskChecker;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@TaskCheckTest(now = "2025-06-01T12:00:00Z")
class PayloadTest {

  @TestFactory
  Stream<DynamicNode> payloads(TaskChecker checker) {
    return checker.payloadTests(Path.of("src/test/fhir"));
  }

  @Test
  void goodTaskIsValid() {
    assertThatTask(Path.of("src/test/fhir/good.json")).isValid();
  }

  @Test
  void badTaskIsValid() {
    assertThatTask(Path.of("src/test/fhir/bad.json")).isValid();
  }
}
