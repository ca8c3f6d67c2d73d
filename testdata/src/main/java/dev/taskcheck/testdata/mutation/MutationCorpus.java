package dev.taskcheck.testdata.mutation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A corpus of mutants made from the real Task documents of testdata, the same for the same seed:
 * mutant {@code n} depends only on the seed, {@code n} and the seed documents, never on other
 * mutants or on the clock, so any slice can be made alone.
 *
 * <pre>
 * MutationCorpus corpus = MutationCorpus.of(Path.of("testdata"));
 * try (Stream&lt;Mutant&gt; s = corpus.stream(1, 300)) { ... }   // mutants 1..300, in memory
 * Mutant m = corpus.mutant(1, 1234);                            // one of them, alone
 * corpus.write(Path.of("target/mutants"), 1, 20_000);           // files + manifest.tsv
 * </pre>
 *
 * <p>How mutant {@code n} is chosen: operators take turns in shuffled rounds, each round holding
 * every operator as often as its weight (so the shares are exact); then, within the operator, a key
 * (an element, a type, a variant) is drawn evenly, then a source group of seeds with that key
 * ({@code corpus/gematik/... R4}, {@code corpus/spec-r5 R5}, ...), then a seed of the group, then a
 * target of the seed.
 *
 * <p>A corpus reads and indexes its seeds once (about 2 s for testdata); it does not change
 * afterwards, so mutants may be made from several threads at once.
 *
 * <p>Command line (exit 2 on a usage error, 1 when the output cannot be written):
 *
 * <pre>
 * java -cp taskcheck-testdata.jar dev.taskcheck.testdata.mutation.MutationCorpus \
 *     --seeds testdata --count 20000 --seed 1 --out DIR
 * </pre>
 */
public final class MutationCorpus {

  /** The columns of {@code manifest.tsv}, its first line. */
  public static final String MANIFEST_HEADER =
      String.join(
          "\t",
          "file",
          "seed",
          "release",
          "licence",
          "operator",
          "variant",
          "pointer",
          "fhirpath",
          "syntax",
          "description");

  private static final int ATTEMPTS = 64;

  private final List<Seed> seeds;
  private final List<Operator> schedule;

  /** Per operator: key to source group to the seeds' targets with that key. */
  private final Map<Operator, Map<String, Map<String, List<DocTargets>>>> index =
      new LinkedHashMap<>();

  private record DocTargets(Doc doc, List<Operator.Target> targets) {}

  /** A corpus over these seeds. */
  public MutationCorpus(List<Seed> seeds) {
    this.seeds = List.copyOf(seeds);
    List<Doc> docs = new ArrayList<>();
    for (Seed s : this.seeds) {
      docs.add(new Doc(s));
    }
    List<Operator> slots = new ArrayList<>();
    for (Operator op : Operators.ALL) {
      Map<String, Map<String, List<DocTargets>>> byKey = new TreeMap<>();
      for (Doc d : docs) {
        for (Map.Entry<String, List<Operator.Target>> e : Mutator.byKey(d, op).entrySet()) {
          byKey
              .computeIfAbsent(e.getKey(), k -> new TreeMap<>())
              .computeIfAbsent(d.seed().group(), g -> new ArrayList<>())
              .add(new DocTargets(d, e.getValue()));
        }
      }
      index.put(op, byKey);
      if (!byKey.isEmpty()) {
        for (int i = 0; i < op.weight(); i++) {
          slots.add(op);
        }
      }
    }
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("no operator can act on these seeds");
    }
    this.schedule = List.copyOf(slots);
  }

  /** A corpus over the seeds of a testdata folder ({@link Seeds#discover}). */
  public static MutationCorpus of(Path testdata) {
    return new MutationCorpus(Seeds.discover(testdata));
  }

  /** The seeds, sorted by path. */
  public List<Seed> seeds() {
    return seeds;
  }

  /** The operator names, in catalogue order. */
  public static List<String> operators() {
    return Operators.ALL.stream().map(Operator::name).toList();
  }

  /** Mutant {@code number} (from 1) of the corpus with this seed. */
  public Mutant mutant(long seed, int number) {
    if (number < 1) {
      throw new IllegalArgumentException("mutants are numbered from 1, not " + number);
    }
    Operator first = operatorFor(seed, number);
    Rng rng = Rng.of(seed, number);
    int start = Operators.ALL.indexOf(first);
    for (int k = 0; k < Operators.ALL.size(); k++) {
      Operator op = Operators.ALL.get((start + k) % Operators.ALL.size());
      Map<String, Map<String, List<DocTargets>>> byKey = index.get(op);
      if (byKey.isEmpty()) {
        continue;
      }
      List<String> keys = new ArrayList<>(byKey.keySet());
      for (int i = 0; i < ATTEMPTS; i++) {
        Map<String, List<DocTargets>> groups = byKey.get(rng.pick(keys));
        List<DocTargets> docs = groups.get(rng.pick(new ArrayList<>(groups.keySet())));
        DocTargets d = rng.pick(docs);
        Mutation m = Mutator.apply(d.doc(), op, rng.pick(d.targets()), rng);
        if (m != null) {
          return new Mutant(number, fileName(number, op.name(), d.doc().seed()), d.doc().seed(), m);
        }
      }
    }
    throw new IllegalStateException("no mutation found for mutant " + number);
  }

  /**
   * The operator whose turn mutant {@code number} is: rounds of the weighted schedule, each
   * shuffled.
   */
  private Operator operatorFor(long seed, int number) {
    int round = (number - 1) / schedule.size();
    List<Operator> order = new ArrayList<>(schedule);
    Rng rng = Rng.of(~seed, round);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Operator o = order.get(i);
      order.set(i, order.get(j));
      order.set(j, o);
    }
    return order.get((number - 1) % schedule.size());
  }

  static String fileName(int number, String operator, Seed seed) {
    return String.format(Locale.ROOT, "%05d-%s-%s.json", number, operator, seed.stem());
  }

  /** Mutants 1 to {@code count}, made one at a time as the iterator is read. */
  public Iterator<Mutant> iterator(long seed, int count) {
    return new Iterator<>() {
      private int next = 1;

      @Override
      public boolean hasNext() {
        return next <= count;
      }

      @Override
      public Mutant next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return mutant(seed, next++);
      }
    };
  }

  /** Mutants 1 to {@code count} as a sequential stream. */
  public Stream<Mutant> stream(long seed, int count) {
    return StreamSupport.stream(
        Spliterators.spliterator(
            iterator(seed, count),
            count,
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED),
        false);
  }

  /**
   * Writes mutants 1 to {@code count} into {@code dir} (created if needed) as UTF-8 files, and
   * {@code dir/manifest.tsv}: the header {@link #MANIFEST_HEADER}, then one line per mutant.
   */
  public void write(Path dir, long seed, int count) throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter manifest =
        Files.newBufferedWriter(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
      manifest.write(MANIFEST_HEADER);
      manifest.write('\n');
      Iterator<Mutant> it = iterator(seed, count);
      while (it.hasNext()) {
        Mutant m = it.next();
        Files.writeString(dir.resolve(m.fileName()), m.text(), StandardCharsets.UTF_8);
        manifest.write(m.manifestLine());
        manifest.write('\n');
      }
    }
  }

  // ---- command line
  // ------------------------------------------------------------------------------

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -cp taskcheck-testdata.jar dev.taskcheck.testdata.mutation.MutationCorpus --out DIR",
          "           [--seeds TESTDATA] [--count N] [--seed S]",
          "Writes N mutants of the real Task documents of TESTDATA (one mutation each), the same for the",
          "same seed, named 00001-<operator>-<seed file>.json, and DIR/manifest.tsv.",
          "  --out DIR        output directory (created if needed)",
          "  --seeds DIR      the testdata folder (default: testdata)",
          "  --count N        number of mutants, 1 or more (default 20000)",
          "  --seed S         64-bit integer seed (default 1)",
          "  --help           print this text",
          "Operators: " + String.join(" ", operators()),
          "");

  public static void main(String[] args) {
    int code = run(args, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command: 0 done, 1 output not writable, 2 usage error; messages go to {@code err}. */
  static int run(String[] args, PrintStream err) {
    Map<String, String> options = new TreeMap<>();
    options.put("--seeds", "testdata");
    options.put("--count", "20000");
    options.put("--seed", "1");
    int count;
    long seed;
    Path out;
    Path seeds;
    try {
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--help") || args[i].equals("-h")) {
          err.print(USAGE);
          return 0;
        }
        String[] kv = args[i].contains("=") ? args[i].split("=", 2) : new String[] {args[i], null};
        if (!options.containsKey(kv[0]) && !kv[0].equals("--out")) {
          return usage(err, "unknown argument '" + args[i] + "'");
        }
        if (kv[1] == null && i + 1 >= args.length) {
          return usage(err, kv[0] + " needs a value");
        }
        options.put(kv[0], kv[1] != null ? kv[1] : args[++i]);
      }
      if (!options.containsKey("--out")) {
        return usage(err, "--out is required");
      }
      count = Integer.parseInt(options.get("--count"));
      seed = Long.parseLong(options.get("--seed"));
      out = Path.of(options.get("--out"));
      seeds = Path.of(options.get("--seeds"));
    } catch (NumberFormatException | InvalidPathException e) {
      return usage(err, "bad value: " + e.getMessage());
    }
    if (count < 1) {
      return usage(err, "--count must be 1 or more");
    }
    if (!Files.isRegularFile(seeds.resolve("corpus").resolve("INDEX.tsv"))) {
      return usage(err, "--seeds " + seeds + " is not a testdata folder (no corpus/INDEX.tsv)");
    }
    MutationCorpus corpus = MutationCorpus.of(seeds);
    try {
      corpus.write(out, seed, count);
    } catch (IOException | UncheckedIOException e) {
      err.println("mutation-corpus: cannot write " + out + ": " + e.getMessage());
      return 1;
    }
    err.println(
        "mutation-corpus: wrote "
            + count
            + " mutants of "
            + corpus.seeds().size()
            + " seeds (seed "
            + seed
            + ") and manifest.tsv to "
            + out);
    return 0;
  }

  private static int usage(PrintStream err, String message) {
    err.println("mutation-corpus: " + message);
    err.print(USAGE);
    return 2;
  }
}
