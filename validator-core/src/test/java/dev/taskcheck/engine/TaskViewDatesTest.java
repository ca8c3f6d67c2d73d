package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.PeriodView;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParsedDocument;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A Task's dates are read once per Task and value ({@link TaskView#temporal}), and its Periods say
 * where they are when asked ({@link PeriodView#expression}, written on first use).
 */
class TaskViewDatesTest {

  private static TaskView view(String json) {
    Node root = ((ParsedDocument) DocumentParser.parseText(json, 1)).root();
    return TaskView.of(new NodeElement(root), FhirRelease.R4);
  }

  @Test
  void aDateIsReadOncePerTaskAndAsFhirTemporalReadsIt() {
    TaskView task =
        view(
            "{\"resourceType\":\"Task\",\"authoredOn\":\"2024-03-15T11:30:25-05:00\","
                + "\"lastModified\":\"2024-03-15\",\"executionPeriod\":{\"start\":\"2024-13\"}}");
    String authored = Objects.requireNonNull(task.authoredOn()).value();
    FhirTemporal first = task.temporal(authored);
    assertThat(first).isNotNull();
    assertThat(task.temporal(Objects.requireNonNull(task.authoredOn()).value())).isSameAs(first);
    assertThat(first.text()).isEqualTo("2024-03-15T11:30:25-05:00");
    // a text equal to another but not the Task's own is read as well, to the same answer
    String copy = new String(authored.toCharArray());
    assertThat(task.temporal(copy)).isNotSameAs(first);
    assertThat(Objects.requireNonNull(task.temporal(copy)).text()).isEqualTo(first.text());
    for (String text :
        List.of(
            Objects.requireNonNull(task.lastModified()).value(),
            Objects.requireNonNull(task.executionStart()).value())) {
      assertThat(task.temporal(text)).as(text).isEqualTo(FhirTemporal.parse(text).orElse(null));
    }
    assertThat(task.temporal(null)).isNull();
    // more distinct dates than the Task keeps are read each time, rightly
    for (int day = 1; day <= 20; day++) {
      String text = String.format(java.util.Locale.ROOT, "2024-01-%02d", day);
      assertThat(Objects.requireNonNull(task.temporal(text)).text()).isEqualTo(text);
    }
  }

  @Test
  void periodsSayWhereTheyAre() {
    TaskView task =
        view(
            "{\"resourceType\":\"Task\",\"executionPeriod\":{\"start\":\"2024\"},"
                + "\"restriction\":{\"period\":{\"end\":\"2025\"}},"
                + "\"input\":[{\"type\":{\"text\":\"a\"},\"valueString\":\"x\"},"
                + "{\"type\":{\"text\":\"b\"},\"valuePeriod\":{\"start\":\"2023\",\"end\":\"2022\"}}]}");
    List<PeriodView> periods = task.periods();
    assertThat(periods)
        .extracting(PeriodView::expression)
        .containsExactly(
            "Task.executionPeriod",
            "Task.restriction.period",
            "Task.input[1].value.ofType(Period)");
    assertThat(periods).extracting(PeriodView::start).containsExactly("2024", null, "2023");
    assertThat(periods).extracting(PeriodView::end).containsExactly(null, "2025", "2022");
    assertThat(periods.get(0).expression()).isSameAs(periods.get(0).expression());
  }
}
