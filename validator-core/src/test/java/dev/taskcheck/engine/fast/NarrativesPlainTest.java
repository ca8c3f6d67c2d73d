package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.parse.Node;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A div {@link Narratives#plain} takes without reading it gets what reading it gives: {@link
 * Narratives#PLAIN}, and no finding; and the near misses are read.
 */
class NarrativesPlainTest {

  private static final String START = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";

  /**
   * Paragraphs of text drawn from every character plain takes: ASCII's printable ones but the three
   * it refuses, spaces often, and any of U+00A0 to U+D7FF (no-break and other spaces, line and
   * paragraph separators, letters of every script).
   */
  @Provide
  Arbitrary<String> plainDivs() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("abc XYZ 019 .,;:!?'\"/()[]{}=+-_*#%$@^`|~\\")
            .withChars('\u00A0', '\u2028', '\u2029', '\u3000', 'é', 'ж', '中', '\uD7FF')
            .withCharRange('\u00A0', '\uD7FF')
            .ofMinLength(0)
            .ofMaxLength(30)
            .map(t -> t + "x");
    return text.list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(ps -> START + String.join("", ps.stream().map(p -> "<p>" + p + "</p>").toList()))
        .map(d -> d + "</div>");
  }

  @Property(tries = 2000)
  void aPlainDivIsReadToWhatPlainGives(@ForAll("plainDivs") String div) {
    assertThat(Narratives.plain(div)).as(div).isTrue();
    assertThat(read(div)).as(div).isEqualTo(Narratives.PLAIN);
  }

  /** Divs plain does not take: each differs from a plain one in one thing. */
  @Example
  void nearMissesAreRead() {
    String p = "<p>Draw blood</p>";
    for (String div :
        List.of(
            START + "</div>",
            START + "<p> </p></div>",
            START + "<p></p></div>",
            START + p + "</div> ",
            START + p + "</div><p>x</p>",
            START + p,
            START + "<p>a &amp; b</p></div>",
            START + "<p>a > b</p></div>",
            START + "<p>a\tb</p></div>",
            START + "<p>a\u0085b</p></div>",
            START + "<p>a\uD83D\uDE00b</p></div>",
            START + "<p>a<b>b</b></p></div>",
            START + "<p>x</P></div>",
            "<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">" + p + "</div>",
            "<div>" + p + "</div>",
            "<DIV xmlns=\"http://www.w3.org/1999/xhtml\">" + p + "</DIV>")) {
      assertThat(Narratives.plain(div)).as(div).isFalse();
    }
    assertThat(Narratives.plain(START + p + p + "</div>")).isTrue();
  }

  /** What reading the div gives, with its findings (none expected) failing the test. */
  private static Narratives.Outcome read(String div) {
    Node root = Node.jsonShaped("Task", null, "Task", 1, 1, List.of(), Node.Kind.OBJECT, false);
    Findings out = new Findings(root);
    Loc task = Loc.root("Task");
    Narratives.Outcome outcome =
        new Narratives()
            .read(
                div,
                task.child("text").child("div"),
                task,
                null,
                List.of(new Narratives.LinkScope(root, List.of())),
                out);
    assertThat(out.issues()).as(div).isEmpty();
    return outcome;
  }
}
