package dev.taskcheck.testdata.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationCorpusTest {

  private final MutationCorpus corpus = MutationCorpus.of(Testdata.folder());

  @Test
  void twoCorporaWithTheSameSeedGiveTheSameBytes() {
    MutationCorpus other = MutationCorpus.of(Testdata.folder());
    Iterator<Mutant> a = corpus.iterator(1, 1000);
    Iterator<Mutant> b = other.iterator(1, 1000);
    while (a.hasNext()) {
      Mutant x = a.next();
      Mutant y = b.next();
      assertThat(y.text()).isEqualTo(x.text());
      assertThat(y.manifestLine()).isEqualTo(x.manifestLine());
    }
    assertThat(b.hasNext()).isFalse();
  }

  @Test
  void aMutantMadeAloneIsTheOneInTheStream() {
    List<Mutant> slice;
    try (Stream<Mutant> s = corpus.stream(1, 300)) {
      slice = s.toList();
    }
    assertThat(slice).hasSize(300);
    for (int n : new int[] {1, 57, 250, 300}) {
      assertThat(corpus.mutant(1, n)).isEqualTo(slice.get(n - 1));
      assertThat(slice.get(n - 1).number()).isEqualTo(n);
    }
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    int same = 0;
    for (int n = 1; n <= 100; n++) {
      same += corpus.mutant(1, n).text().equals(corpus.mutant(2, n).text()) ? 1 : 0;
    }
    assertThat(same).isLessThan(10);
  }

  @Test
  void writtenFilesAndManifestAreTheMutantsAndTheSameInEveryRun(@TempDir Path tmp)
      throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    corpus.write(one, 5, 400);
    MutationCorpus.of(Testdata.folder()).write(two, 5, 400);
    List<String> files;
    try (Stream<Path> s = Files.list(one)) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files).hasSize(401).contains("manifest.tsv");
    for (String f : files) {
      assertThat(Files.readAllBytes(two.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(one.resolve(f)));
    }
    List<String> lines = Files.readAllLines(one.resolve("manifest.tsv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(401);
    assertThat(lines.get(0)).isEqualTo(MutationCorpus.MANIFEST_HEADER);
    Map<String, Seed> seeds = new TreeMap<>();
    corpus.seeds().forEach(s -> seeds.put(s.file(), s));
    for (int n = 1; n <= 400; n++) {
      String[] cols = lines.get(n).split("\t", -1);
      assertThat(cols).hasSize(MutationCorpus.MANIFEST_HEADER.split("\t").length);
      Mutant m = corpus.mutant(5, n);
      Seed seed = seeds.get(cols[1]);
      assertThat(seed).as(cols[1]).isNotNull();
      assertThat(cols[0])
          .isEqualTo(m.fileName())
          .startsWith(String.format("%05d-%s-", n, cols[4]))
          .endsWith("-" + seed.stem() + ".json");
      assertThat(cols[2]).isEqualTo(seed.release().name());
      assertThat(cols[3]).isEqualTo(seed.licence());
      assertThat(MutationCorpus.operators()).contains(cols[4]);
      assertThat(cols[8]).isEqualTo(cols[4].equals("syntax") ? "yes" : "no");
      assertThat(Files.readString(one.resolve(cols[0]), StandardCharsets.UTF_8))
          .isEqualTo(m.text());
    }
  }

  /**
   * The corpus the differential test uses: 20,000 mutants, each valid for its operator, changing
   * only the object it names, every operator with its fair share and several variants, every
   * release present. The time to make them is published in the test report (speed is measured, not
   * asserted).
   */
  @Test
  void twentyThousandMutants(TestReporter reporter) {
    long start = System.nanoTime();
    MutationCorpus fresh = MutationCorpus.of(Testdata.folder());
    List<Mutant> all = new ArrayList<>();
    fresh.iterator(1, 20_000).forEachRemaining(all::add);
    long millis = (System.nanoTime() - start) / 1_000_000;
    reporter.publishEntry(
        "20000 mutants, seeds read and indexed included (ms)", Long.toString(millis));

    Map<String, Integer> perOperator = new TreeMap<>();
    Map<String, Set<String>> variants = new TreeMap<>();
    Map<Release, Integer> perRelease = new TreeMap<>();
    Set<String> names = new HashSet<>();
    Map<String, JsonText.Value> parsedSeeds = new HashMap<>();
    for (Mutant m : all) {
      MutatorTest.assertValid(m.seed(), m.mutation());
      assertUntouchedOutside(
          m, parsedSeeds.computeIfAbsent(m.seed().file(), f -> JsonText.parse(m.seed().text())));
      perOperator.merge(m.mutation().operator(), 1, Integer::sum);
      variants
          .computeIfAbsent(m.mutation().operator(), k -> new TreeSet<>())
          .add(m.mutation().variant());
      perRelease.merge(m.release(), 1, Integer::sum);
      assertThat(names.add(m.fileName())).isTrue();
    }
    int totalWeight = Operators.ALL.stream().mapToInt(Operator::weight).sum();
    for (Operator op : Operators.ALL) {
      double fair = 20_000.0 * op.weight() / totalWeight;
      assertThat(perOperator.getOrDefault(op.name(), 0))
          .as(op.name())
          .isBetween((int) (fair - 1), (int) (fair + 2));
      assertThat(variants.get(op.name())).as(op.name()).hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(perOperator.get("syntax")).isLessThan(500);
    for (Release r : Release.values()) {
      assertThat(perRelease.get(r)).as(r.name()).isGreaterThan(1000);
    }
  }

  /**
   * Outside the object (or array) that holds the changed value, the mutant is the seed byte for
   * byte: the common prefix reaches at least to that object's start, the common suffix from its
   * end.
   */
  private static void assertUntouchedOutside(Mutant m, JsonText.Value seedRoot) {
    String seed = m.seed().text();
    String text = m.text();
    int prefix = 0;
    int max = Math.min(seed.length(), text.length());
    while (prefix < max && seed.charAt(prefix) == text.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && seed.charAt(seed.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
      suffix++;
    }
    JsonText.Value holder = holder(seedRoot, m.mutation().pointer());
    assertThat(prefix)
        .as(m.fileName() + " changed before " + m.mutation().pointer())
        .isGreaterThanOrEqualTo(holder.start());
    assertThat(seed.length() - suffix)
        .as(m.fileName() + " changed after " + m.mutation().pointer())
        .isLessThanOrEqualTo(holder.end());
  }

  /**
   * The object or array holding the deepest value of the seed the pointer reaches (the root for the
   * root).
   */
  private static JsonText.Value holder(JsonText.Value root, String pointer) {
    JsonText.Value parent = root;
    JsonText.Value at = root;
    for (String raw : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      JsonText.Value next = null;
      if (at.isObject()) {
        next = at.get(seg);
      } else if (at.isArray()
          && seg.matches("[0-9]+")
          && Integer.parseInt(seg) < at.items().size()) {
        next = at.items().get(Integer.parseInt(seg));
      }
      if (next == null) {
        break;
      }
      parent = at;
      at = next;
    }
    return at == root ? root : parent;
  }

  @Test
  void theCommandWritesTheCorpusAndRefusesBadArguments(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
    String seeds = Testdata.folder().toString();
    assertThat(MutationCorpus.run(new String[] {"--seeds", seeds}, ps)).isEqualTo(2);
    assertThat(MutationCorpus.run(new String[] {"--out", tmp.toString(), "--count", "0"}, ps))
        .isEqualTo(2);
    assertThat(MutationCorpus.run(new String[] {"--out", tmp.toString(), "--bogus", "1"}, ps))
        .isEqualTo(2);
    assertThat(
            MutationCorpus.run(
                new String[] {"--out", tmp.toString(), "--seeds", tmp.toString()}, ps))
        .isEqualTo(2);
    assertThat(MutationCorpus.run(new String[] {"--help"}, ps)).isZero();
    Path out = tmp.resolve("out");
    assertThat(
            MutationCorpus.run(
                new String[] {
                  "--seeds", seeds, "--count=25", "--seed", "3", "--out", out.toString()
                },
                ps))
        .isZero();
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.count()).isEqualTo(26);
    }
    assertThat(
            Files.readString(out.resolve(corpus.mutant(3, 25).fileName()), StandardCharsets.UTF_8))
        .isEqualTo(corpus.mutant(3, 25).text());
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThat(
            MutationCorpus.run(
                new String[] {"--seeds", seeds, "--count", "2", "--out", file.toString()}, ps))
        .isEqualTo(1);
  }
}
