package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A reference's parts are those {@code String.split("/")} gives, as the reference engine splits.
 */
class ReferencePartsTest {

  @Provide
  Arbitrary<String> references() {
    // slashes, empty parts, "_history" and a character split treats no differently
    return Arbitraries.of("/", "/", "a", "Patient", "1", "_history", "_hist", "", "é", ".")
        .list()
        .ofMaxSize(8)
        .map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void partsAreSplitsParts(@ForAll("references") String text) {
    assertSameAsSplit(text);
  }

  @Example
  void edgeCases() {
    for (String text :
        List.of("", "/", "//", "a", "a/", "a//", "/a", "//a", "a//b", "Patient/1/_history/2/")) {
      assertSameAsSplit(text);
    }
    assertThatThrownBy(() -> new References.Parts("a/b").get(2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static void assertSameAsSplit(String text) {
    @SuppressWarnings("StringSplitter") // the behaviour Parts must have
    String[] split = text.split("/");
    References.Parts parts = new References.Parts(text);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      got.add(parts.get(i));
      for (String probe : List.of("_history", "", split[i])) {
        assertThat(parts.is(i, probe))
            .as("%s part %d is '%s'", text, i, probe)
            .isEqualTo(split[i].equals(probe));
      }
    }
    assertThat(got).as(text).containsExactly(split);
  }
}
