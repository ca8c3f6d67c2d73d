package dev.taskcheck.rules.date;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.fhir.FhirTemporal;
import org.junit.jupiter.api.Test;

/** The dates the rules read, with the last few a thread read kept by the string's identity. */
class DatesTest {

  @Test
  @SuppressWarnings("StringOperationCanBeSimplified") // strings of their own, on purpose
  void aValueReadAgainGivesWhatItGaveAndOtherValuesTheirOwn() {
    String a = new String("2024-03-01T10:00:00Z");
    FhirTemporal first = Dates.parse(a);
    assertThat(first).isNotNull();
    assertThat(Dates.parse(a)).isSameAs(first);
    // an equal string of its own is read for itself, to the same value
    String b = new String("2024-03-01T10:00:00Z");
    assertThat(Dates.parse(b)).isNotSameAs(first).isEqualTo(first);
    // more values than the thread keeps, then the first again
    for (int day = 10; day < 30; day++) {
      String v = "2024-03-" + day;
      assertThat(Dates.parse(v)).extracting(FhirTemporal::text).isEqualTo(v);
    }
    assertThat(Dates.parse(a)).isEqualTo(first);
    // a value that is no date, twice
    String bad = new String("2024-02-30");
    assertThat(Dates.parse(bad)).isNull();
    assertThat(Dates.parse(bad)).isNull();
    assertThat(Dates.parse((String) null)).isNull();
  }
}
