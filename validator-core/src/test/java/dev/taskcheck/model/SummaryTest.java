package dev.taskcheck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void theEngineCountsAreACopyInCodeOrder() {
    Map<String, Long> engines = new HashMap<>(Map.of("reference", 2L, "fast", 5L));
    Summary s = new Summary(1, 1, 7, 0, 0, 0, 0, 0, Map.of(FhirRelease.R4, 7L), 0, engines);
    engines.put("fast", 99L);

    assertThat(s.engines().keySet()).containsExactly("fast", "reference");
    assertThat(s.checkedBy(Result.ENGINE_FAST)).isEqualTo(5);
    assertThat(s.checkedBy(Result.ENGINE_REFERENCE)).isEqualTo(2);
    assertThat(s.checkedBy("other")).isZero();
    assertThatThrownBy(() -> s.engines().put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theShorterConstructorsCountNoEngine() {
    assertThat(new Summary(1, 1, 1, 0, 0, 0, 0, 0, Map.of()).engines()).isEmpty();
    assertThat(new Summary(1, 1, 1, 0, 0, 0, 0, 0, Map.of(), 3).engines()).isEmpty();
  }

  @Test
  void theShorterResultConstructorsNameNoEngine() {
    assertThat(new Result("a", null, null, null, null, null, null, List.of()).engine()).isNull();
    assertThat(new Result("a", null, null, null, null, null, null, List.of(), List.of()).engine())
        .isNull();
    assertThat(
            new Result("a", null, null, null, null, null, null, List.of(), List.of(), "fast")
                .engine())
        .isEqualTo("fast");
  }
}
