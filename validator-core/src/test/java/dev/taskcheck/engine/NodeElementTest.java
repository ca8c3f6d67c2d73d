package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TestData;
import dev.taskcheck.fhir.FhirElement;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.ParsedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The parse tree's adapter finds named elements as the interface's default walk does. */
class NodeElementTest {

  /** The element as the interface alone sees it: {@link FhirElement#findNamed}'s default. */
  private record Plain(FhirElement e) implements FhirElement {
    @Override
    public String name() {
      return e.name();
    }

    @Override
    public @Nullable String value() {
      return e.value();
    }

    @Override
    public List<Plain> children() {
      return e.children().stream().map(Plain::new).toList();
    }
  }

  private static final List<Set<String>> NAMES =
      List.of(
          Set.of("period", "executionPeriod", "requestedPeriod", "during", "valuePeriod"),
          Set.of("coding", "reference"),
          Set.of("extension"),
          Set.of("status", "id"),
          Set.of());

  private static final List<Set<String>> NOT_HERE =
      List.of(Set.of(), Set.of("contained", "text"), Set.of("input", "output", "identifier"));

  private static List<String> found(FhirElement root, Set<String> names, Set<String> notHere) {
    List<String> out = new ArrayList<>();
    root.findNamed(
        names,
        notHere,
        way -> {
          FhirElement e = root;
          StringBuilder b = new StringBuilder();
          for (int p : way) {
            e = e.children().get(p);
            b.append('/').append(p).append(':').append(e.name());
          }
          assertThat(names).contains(e.name());
          out.add(b.toString());
        });
    return out;
  }

  @Test
  void findsWhatTheDefaultWalkFindsInEveryTestdataDocument() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(TestData.root())) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int documents = 0;
    int hits = 0;
    for (Path f : files) {
      if (!(DocumentParser.parse(read(f), 1) instanceof ParsedDocument d)) {
        continue;
      }
      documents++;
      NodeElement root = new NodeElement(d.root());
      for (Set<String> names : NAMES) {
        for (Set<String> notHere : NOT_HERE) {
          List<String> fast = found(root, names, notHere);
          assertThat(fast)
              .as("%s %s %s", f, names, notHere)
              .isEqualTo(found(new Plain(root), names, notHere));
          hits += fast.size();
        }
      }
    }
    assertThat(documents).isGreaterThan(1_000);
    assertThat(hits).isGreaterThan(10_000);
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
