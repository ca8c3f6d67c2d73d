package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Primitives#isWhitespace}'s shortcut answers as its list of HL7 whitespace does. */
class PrimitivesWhitespaceTest {

  @Test
  void everyCharacterAsTheList() {
    int listed = 0;
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      boolean inList = Primitives.WHITESPACE.indexOf(c) >= 0;
      assertThat(Primitives.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(inList);
      if (inList) {
        listed++;
      }
    }
    assertThat(listed).isEqualTo(Primitives.WHITESPACE.length());
  }
}
