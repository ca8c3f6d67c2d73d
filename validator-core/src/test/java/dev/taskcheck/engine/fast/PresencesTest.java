package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.fhirpath.Environment;
import dev.taskcheck.fhirpath.EvaluationContext;
import dev.taskcheck.fhirpath.FhirPath;
import dev.taskcheck.fhirpath.Truth;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.plan.Constraint;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.Plans;
import dev.taskcheck.plan.TypeDef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invariants decided off the JSON: each case gives an expression, the members of an R4 Task and the
 * answer {@link Presences} must give ({@code null}: left to the evaluator). Whenever it answers,
 * the answer must be the FHIRPath evaluator's on the typed view.
 */
class PresencesTest {

  private static final Types TYPES = new Types(Plans.of(FhirRelease.R4));
  private static final Presences PRESENCES = new Presences(TYPES, PlanNode.model(TYPES));
  private static final FhirPath FHIR_PATH = FhirPath.builder(PlanNode.model(TYPES)).build();

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '`',
      nullValues = "null",
      value = {
        // a plain object is present; its absence is known
        "owner.exists() ; \"owner\": {\"reference\": \"Practitioner/1\"} ; true",
        "owner.exists() ; \"status\": \"draft\" ; false",
        // an object the typed view may drop: only unknown or malformed members, or none
        "owner.exists() ; \"owner\": {\"referece\": \"Practitioner/1\"} ; null",
        "owner.exists() ; \"owner\": {\"reference\": {\"x\": 1}} ; null",
        "owner.exists() ; \"owner\": {\"id\": \"a\"} ; null",
        "owner.exists() ; \"owner\": {} ; null",
        "owner.exists() ; \"owner\": {\"reference\": \"Practitioner/1\", \"_reference\": null} ; null",
        "owner.exists() ; \"owner\": {\"reference\": \"Practitioner/1\", \"_reference\": {\"id\":"
            + " \"r\"}} ; true",
        // an array where the element does not repeat, a partner, a value of another JSON type
        "owner.exists() ; \"owner\": [{\"reference\": \"Practitioner/1\"}] ; null",
        "status.exists() ; \"_status\": {\"extension\": []} ; null",
        "status.exists() ; \"status\": 1 ; null",
        "status.exists() ; \"status\": \" draft\" ; null",
        // an object present through a single object member with a plain value of its own
        "output.exists() ; \"output\": [{\"type\": {\"text\": \"done\"}, \"valueBoolean\":"
            + " true}] ; true",
        "restriction.exists() ; \"restriction\": {\"period\": {\"start\": \"2020\"}} ; true",
        "output.exists() ; \"output\": [{\"type\": {\"texte\": \"done\"}}] ; null",
        "output.exists() ; \"output\": [{\"type\": [{\"text\": \"done\"}]}] ; null",
        "output.exists() ; \"output\": [{\"type\": {\"id\": \"t\"}}] ; null",
        "output.exists() ; \"output\": [{\"type\": {\"coding\": [{\"code\": \"c\"}]}}] ; null",
        "output.exists() ; \"output\": [{\"valueBoolean\": true}] ; null",
        // paths that share their first step and differ in their filter
        "status.where($this = 'completed').exists() implies status.where($this in ('completed' |"
            + " 'failed')).exists() ; \"status\": \"completed\" ; true",
        "status.where($this = 'failed').exists() or status.where($this = 'draft').exists() ;"
            + " \"status\": \"draft\" ; true",
        "status.where($this = 'failed').exists() or status.where($this = 'draft').exists() ;"
            + " \"status\": \"draft\", \"_status\": null ; null",
        // where($this in ...) and implies
        "status.where($this in ('failed' | 'rejected')).exists() implies statusReason.exists() ;"
            + " \"status\": \"failed\" ; false",
        "status.where($this in ('failed' | 'rejected')).exists() implies statusReason.exists() ;"
            + " \"status\": \"draft\" ; true",
        "status.where($this in ('failed' | 'rejected')).exists() implies statusReason.exists() ;"
            + " \"status\": \"failed\", \"statusReason\": {\"text\": \"broken\"} ; true",
        // a where(...) only the evaluator can apply: known only on nothing
        "identifier.where(system = 'urn:x').empty() ; \"status\": \"draft\" ; true",
        "identifier.where(system = 'urn:x').empty() ; \"identifier\": [{\"system\": \"urn:x\"}] ; null",
        // comparisons with FHIRPath's rules: an unknown order is empty, and empty fails
        "executionPeriod.start <= executionPeriod.end ; \"executionPeriod\": {\"start\":"
            + " \"2020-01-01\", \"end\": \"2020-01-02T10:00:00Z\"} ; true",
        "executionPeriod.start <= executionPeriod.end ; \"executionPeriod\": {\"start\":"
            + " \"2020-01-02\", \"end\": \"2020-01-02T10:00:00Z\"} ; false",
        "executionPeriod.start <= executionPeriod.end ; \"executionPeriod\": {\"start\":"
            + " \"2020-01-03\", \"end\": \"2020-01-02\"} ; false",
        "(executionPeriod.start <= executionPeriod.end).not() ; \"executionPeriod\": {\"start\":"
            + " \"2020-01-02\", \"end\": \"2020-01-02T10:00:00Z\"} ; false",
        "executionPeriod.start.hasValue().not() or (executionPeriod.start <= executionPeriod.end) ;"
            + " \"executionPeriod\": {\"end\": \"2020\"} ; true",
        "executionPeriod.start <= executionPeriod.end ; \"executionPeriod\": {\"start\": \"no date\","
            + " \"end\": \"2020\"} ; null",
        // xor with an empty side is empty
        "(owner.exists() xor (executionPeriod.start <= executionPeriod.end)) ; \"owner\":"
            + " {\"reference\": \"Practitioner/1\"}, \"executionPeriod\": {\"start\": \"2020\"} ; false",
        // intersect: values in common
        "basedOn.reference.intersect(partOf.reference).empty() ; \"basedOn\": [{\"reference\":"
            + " \"Task/1\"}], \"partOf\": [{\"reference\": \"Task/2\"}] ; true",
        "basedOn.reference.intersect(partOf.reference).empty() ; \"basedOn\": [{\"reference\":"
            + " \"Task/1\"}], \"partOf\": [{\"reference\": \"Task/1\"}] ; false",
      })
  void answersWhereTheJsonIsPlainAndAgreesWithTheEvaluator(
      String expression, String members, @Nullable Boolean expected) {
    Node task = task(members);
    TypeDef taskType = Objects.requireNonNull(TYPES.type("Task"));
    ElementDef root = taskType.root();
    Constraint c = new Constraint("test-1", true, "test", expression, "", false);

    Boolean answer = PRESENCES.decide(c, task, root, null, null);

    assertThat(answer).isEqualTo(expected);
    // with a memo of the focus's paths, the same answer, twice (the second from the memo); a memo
    // of another focus is not read
    Presences.Memo memo = new Presences.Memo(task);
    assertThat(PRESENCES.decide(c, task, root, null, memo)).isEqualTo(expected);
    assertThat(PRESENCES.decide(c, task, root, null, memo)).isEqualTo(expected);
    Node another = task("\"status\": \"failed\"");
    Presences.Memo other = new Presences.Memo(another);
    PRESENCES.decide(c, another, root, null, other);
    assertThat(PRESENCES.decide(c, task, root, null, other)).isEqualTo(expected);
    if (answer != null) {
      PlanNode focus = PlanNode.resource(TYPES, task, "Task");
      boolean evaluated =
          FHIR_PATH
                  .compile(expression)
                  .test(focus, EvaluationContext.of(focus, focus, Environment.defaults()))
              == Truth.TRUE;
      assertThat(answer).as("the evaluator's answer").isEqualTo(evaluated);
    }
  }

  private static Node task(String members) {
    String json = "{\"resourceType\": \"Task\", \"intent\": \"order\", " + members + "}";
    return ((ParsedDocument) DocumentParser.parseText(json, 1)).root();
  }
}
