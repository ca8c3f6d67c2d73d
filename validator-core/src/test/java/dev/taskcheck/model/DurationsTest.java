package dev.taskcheck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Test
  void readsIsoAndFriendlyForms() {
    assertThat(Durations.parse("P7D")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("PT12H")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse("p1dt6h")).isEqualTo(Duration.ofHours(30));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse(" 45s ")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("7D")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("5min")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("PT0S")).isEqualTo(Duration.ZERO);
    assertThat(Durations.parse("36500d")).isEqualTo(Durations.MAX);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "7",
        "d",
        "7x",
        "7 days",
        "1.5d",
        "-7d",
        "P",
        "P7",
        "PT",
        "7d12h",
        "9999999999d",
        "PT-5M",
        "-P1D",
        "5 minutes",
        "P106751991167300D",
        "36501d",
        "P99999999999999999999D"
      })
  void refusesAnythingElse(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(text))
        .withMessageContaining(text.strip().isEmpty() ? "duration" : text.strip())
        .withMessageContaining("duration");
  }

  @Test
  void formatsInTheTwoLargestUnits() {
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Durations.format(Duration.ofDays(3).plusHours(4).plusMinutes(59)))
        .isEqualTo("3d 4h");
    assertThat(Durations.format(Duration.ofMinutes(125))).isEqualTo("2h 5m");
    assertThat(Durations.format(Duration.ofHours(5))).isEqualTo("5h");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m 30s");
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.ofMillis(400))).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofHours(-2))).isEqualTo("-2h");
  }
}
