package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Result;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.Plans;
import dev.taskcheck.plan.TypeDef;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The child indexes: made once per definition list and engine, not per document; and not kept for
 * the process, so that the plans a dropped TaskCheck read (an IG package's profiles) can be
 * collected.
 */
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
  void documentsWithADivPartnerMakeNoIndexes() {
    TaskCheck tc = TaskCheck.builder().engine("fast").fhirVersion(FhirRelease.R4).build();
    List<Result> first = tc.validateText(DIV_PARTNER, "div-partner.json");
    assertThat(first).singleElement().satisfies(r -> assertThat(r.engine()).isEqualTo("fast"));
    long built = ChildIndex.built();
    for (int i = 0; i < 20; i++) {
      assertThat(tc.validateText(DIV_PARTNER, "div-partner.json")).isEqualTo(first);
    }
    assertThat(ChildIndex.built()).isEqualTo(built);
  }

  @Test
  void anIndexedListIsNotKeptOnceItsEngineIsGone() throws InterruptedException {
    TypeDef task = Plans.of(FhirRelease.R4).type("Task");
    assertThat(task).isNotNull();
    // a list of its own, as an IG package's plan has: only the engine that indexed it refers to it
    List<ElementDef> own = List.copyOf(new ArrayList<>(task.root().children()));
    WeakReference<List<ElementDef>> list = new WeakReference<>(own);
    Types types = new Types(Plans.of(FhirRelease.R4));
    assertThat(types.index(own).find("status")).isNotNull();
    own = null;
    types = null;
    for (int i = 0; i < 20 && list.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(list.get()).isNull();
  }
}
