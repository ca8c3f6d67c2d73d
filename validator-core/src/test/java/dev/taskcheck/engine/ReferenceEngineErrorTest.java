package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HL7 core throws a plain {@link Error} on some content ("Attempt to read a single element when
 * there is more than one present"); it escaped the library (found by DocumentFuzzProperties). It is
 * now a finding about that resource, and the run goes on.
 */
class ReferenceEngineErrorTest {

  @Test
  void anElementTwiceInAnXmlCodingIsAFindingNotAnEscapingError() {
    String task =
        """
        <Task xmlns="http://hl7.org/fhir">
          <status value="draft"/>
          <intent value="order"/>
          <code>
            <coding>
              <system value="http://hl7.org/fhir/CodeSystem/task-code"/>
              <code value="fulfill"/>
              <code value="abort"/>
            </coding>
          </code>
        </Task>
        """;
    List<Result> results =
        TaskCheck.builder().engine("reference").build().validateText(task, "dup.xml");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).issues())
        .extracting(Issue::ruleId)
        .isNotEmpty()
        .doesNotContain("internal-error");
    assertThat(results.get(0).issues()).allSatisfy(i -> assertThat(i.line()).isPositive());
  }
}
