package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The child indexes are made once per definition list of the plan, not per document. */
class ChildIndexTest {

  /** A narrative whose div has a JSON partner: its definitions leave out xhtml's value. */
  private static final String DIV_PARTNER =
      """
      {
        "resourceType": "Task",
        "id": "div-partner",
        "text": {
          "status": "generated",
          "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">x</div>",
          "_div": { "id": "d1" }
        },
        "status": "requested",
        "intent": "order"
      }
      """;

  @Test
  void documentsWithADivPartnerAddNoIndexes() {
    TaskCheck tc = TaskCheck.builder().engine("fast").fhirVersion(FhirRelease.R4).build();
    List<Result> first = tc.validateText(DIV_PARTNER, "div-partner.json");
    assertThat(first).singleElement().satisfies(r -> assertThat(r.engine()).isEqualTo("fast"));
    int indexed = ChildIndex.indexed();
    for (int i = 0; i < 20; i++) {
      assertThat(tc.validateText(DIV_PARTNER, "div-partner.json")).isEqualTo(first);
    }
    assertThat(ChildIndex.indexed()).isEqualTo(indexed);
  }

  /** A new TaskCheck reads the core plan the last one read, so it indexes nothing new. */
  @Test
  void aNewTaskCheckAddsNoIndexes() {
    TaskCheck.builder()
        .engine("fast")
        .fhirVersion(FhirRelease.R4)
        .build()
        .validateText(DIV_PARTNER, "div-partner.json");
    int indexed = ChildIndex.indexed();
    for (int i = 0; i < 3; i++) {
      TaskCheck.builder()
          .engine("fast")
          .fhirVersion(FhirRelease.R4)
          .build()
          .validateText(DIV_PARTNER, "div-partner.json");
    }
    assertThat(ChildIndex.indexed()).isEqualTo(indexed);
  }
}
