package dev.taskcheck.fhirpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.fhirpath.PresenceTest.Exists;
import dev.taskcheck.fhirpath.PresenceTest.Logic;
import dev.taskcheck.fhirpath.PresenceTest.Not;
import dev.taskcheck.fhirpath.PresenceTest.OneOf;
import dev.taskcheck.fhirpath.PresenceTest.Some;
import dev.taskcheck.fhirpath.PresenceTest.Step;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresenceTestTest {

  private static Step step(String name) {
    return new Step(name, null, PresenceTest.All.ALL);
  }

  @Test
  void aStatusInvariantIsAnImplicationOfTwoExistenceTests() {
    PresenceTest t =
        PresenceTest.of(
            "status.where($this in ('failed' | 'rejected')).exists() implies statusReason.exists()");
    assertThat(t)
        .isEqualTo(
            new Logic(
                "implies",
                new Exists(
                    List.of(new Step("status", null, new OneOf(Set.of("failed", "rejected"))))),
                new Exists(List.of(step("statusReason")))));
  }

  @Test
  void emptyIsTheNegationOfExistsAndPathsKeepTheirSteps() {
    assertThat(PresenceTest.of("executionPeriod.end.empty()"))
        .isEqualTo(new Not(new Exists(List.of(step("executionPeriod"), step("end")))));
    assertThat(PresenceTest.of("(numerator.empty() xor denominator.empty()).not()"))
        .isEqualTo(
            new Not(
                new Logic(
                    "xor",
                    new Not(new Exists(List.of(step("numerator")))),
                    new Not(new Exists(List.of(step("denominator")))))));
  }

  @Test
  void ofTypeNamesTheChoiceTypeAndOtherFiltersKeepAnUnknownPart() {
    assertThat(
            PresenceTest.of(
                "value.ofType(Quantity).where(code = '%').where(value < 0 or value > 100).empty()"))
        .isEqualTo(new Not(new Exists(List.of(new Step("value", "Quantity", Some.SOME)))));
    assertThat(PresenceTest.of("status.where($this = 'completed').exists()"))
        .isEqualTo(new Exists(List.of(new Step("status", null, new OneOf(Set.of("completed"))))));
  }

  @Test
  void comparisonsHasValueAndSharedValuesAreTestsToo() {
    assertThat(PresenceTest.of("start.hasValue().not() or end.hasValue().not() or (start <= end)"))
        .isEqualTo(
            new Logic(
                "or",
                new Logic(
                    "or",
                    new Not(new PresenceTest.HasValue(List.of(step("start")))),
                    new Not(new PresenceTest.HasValue(List.of(step("end"))))),
                new PresenceTest.Compare("<=", List.of(step("start")), List.of(step("end")), 0)));
    assertThat(PresenceTest.of("denominator.value.exists() and denominator.value > 0"))
        .isEqualTo(
            new Logic(
                "and",
                new Exists(List.of(step("denominator"), step("value"))),
                new PresenceTest.Compare(
                    ">", List.of(step("denominator"), step("value")), null, 0)));
    Step withValue = new Step("reference", null, PresenceTest.HasValues.HAS_VALUE);
    assertThat(
            PresenceTest.of(
                "basedOn.reference.where(hasValue()).intersect(focus.reference.where(hasValue())).empty()"))
        .isEqualTo(
            new Not(
                new PresenceTest.Common(
                    List.of(step("basedOn"), withValue), List.of(step("focus"), withValue))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "start <= end.first()",
        "start < 1.5",
        "status.where($this = 'a') > 2",
        "Task.status.exists()",
        "%resource.contained.exists()",
        "code.exists() implies system",
        "identifier.first().exists()",
        "value.ofType(Quantity).ofType(Quantity).exists()",
        "basedOn.intersect(focus.first()).empty()",
        "status.where($this in ('a' | 1)).count() > 0",
        "not FHIRPath ((",
      })
  void anythingElseIsNoPresenceTest(String expression) {
    assertThat(PresenceTest.of(expression)).isNull();
  }
}
