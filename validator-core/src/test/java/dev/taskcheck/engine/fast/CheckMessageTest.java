package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link Check#message} shows its arguments as {@link MessageFormat} does, numbers included (it
 * formats numbers with a format of its own, kept per thread).
 */
class CheckMessageTest {

  @Test
  void everyCheckWordsItsArgumentsAsMessageFormatDoes() {
    Object[][] argumentSets = {
      {"Task.status", 1234567, 3L, new BigDecimal("12345.678"), 2.5, "x"},
      {-42, "a'b", 0.000123, Integer.MAX_VALUE, Long.MIN_VALUE, new BigDecimal("1E+3")},
      {"only one"},
    };
    int compared = 0;
    for (Check c : Check.values()) {
      for (Object[] args : argumentSets) {
        Object[] given = args.clone();
        String expected = new MessageFormat(c.template(), Locale.ROOT).format(args);
        assertThat(c.message(given)).as(c.name()).isEqualTo(expected);
        // the caller's arguments are left as they were
        assertThat(given).isEqualTo(args);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
    // a number is formatted (grouped), not shown by toString
    Check one =
        java.util.Arrays.stream(Check.values())
            .filter(c -> c.template().contains("{0}"))
            .findFirst()
            .orElseThrow();
    assertThat(one.message(1234567, 1234567, 1234567, 1234567)).contains("1,234,567");
  }
}
