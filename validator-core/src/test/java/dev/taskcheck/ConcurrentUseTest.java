package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library used from 8 threads at once gives exactly the sequential results (issue 14, point 5):
 * the documents of testdata's corpus, bad input and samples through one shared {@link TaskCheck}
 * (engine auto: fast and reference; of the documents that need the reference engine, every 4th),
 * and a slice of them through one instance per thread (engine reference), each thread in its own
 * order.
 */
class ConcurrentUseTest {

  private static final int THREADS = 8;
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

  @BeforeAll
  static void readDocuments() throws IOException {
    for (String folder : List.of("corpus", "bad-input", "samples")) {
      try (Stream<Path> files = Files.walk(TestData.path(folder))) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = p.getFileName().toString();
          if (!name.startsWith("_")
              && (name.endsWith(".json") || name.endsWith(".xml") || name.endsWith(".ndjson"))) {
            DOCUMENTS.put(
                TestData.root().relativize(p).toString(),
                new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertThat(DOCUMENTS).hasSizeGreaterThan(400);
  }

  private static TaskCheck build(String engine) {
    return TaskCheck.builder().engine(engine).now(NOW).build();
  }

  private static Map<String, List<Result>> sequential(TaskCheck taskCheck, List<String> names) {
    Map<String, List<Result>> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, taskCheck.validateText(DOCUMENTS.get(n), n));
    }
    return out;
  }

  /**
   * Runs the documents on 8 threads at once, each in its own shuffled order: every thread takes its
   * share of the documents (round robin) and, so that threads also meet on the same document, the
   * first {@code common} documents too.
   */
  private static List<Map<String, List<Result>>> concurrently(
      Supplier<TaskCheck> perThread, List<String> names, int common) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, List<Result>>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          if (i < common || i % THREADS == t) {
            order.add(names.get(i));
          }
        }
        Collections.shuffle(order, new Random(t));
        futures.add(pool.submit(() -> sequential(perThread.get(), order)));
      }
      List<Map<String, List<Result>>> out = new ArrayList<>();
      for (Future<Map<String, List<Result>>> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertSame(
      Map<String, List<Result>> expected, List<Map<String, List<Result>>> runs) {
    int seen = 0;
    for (Map<String, List<Result>> run : runs) {
      for (Map.Entry<String, List<Result>> e : run.entrySet()) {
        assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
        seen++;
      }
    }
    assertThat(seen).isGreaterThanOrEqualTo(expected.size());
  }

  /**
   * The documents for the shared-instance test: every one the fast engine checks or that does not
   * parse, and every 4th of those that need the reference engine (the slow one, which the
   * per-thread test below covers too): about a third of the time of all of them, with both engines
   * still meeting on one instance.
   */
  private static List<String> sharedSlice() {
    Map<String, List<Result>> fastOnly =
        sequential(build("fast"), new ArrayList<>(DOCUMENTS.keySet()));
    List<String> names = new ArrayList<>();
    int needReference = 0;
    for (Map.Entry<String, List<Result>> e : fastOnly.entrySet()) {
      boolean notCovered =
          e.getValue().stream()
              .flatMap(r -> r.issues().stream())
              .anyMatch(i -> "taskcheck-fast-not-covered".equals(i.messageId()));
      if (!notCovered || needReference++ % 4 == 0) {
        names.add(e.getKey());
      }
    }
    assertThat(needReference).as("documents the reference engine checks").isGreaterThan(40);
    return names;
  }

  @Test
  void oneSharedInstanceFromEightThreadsGivesTheSequentialResults() throws Exception {
    List<String> names = sharedSlice();
    TaskCheck shared = build("auto");
    Map<String, List<Result>> expected = sequential(build("auto"), names);
    assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(400);
    assertThat(expected.values().stream().flatMap(List::stream).map(Result::engine))
        .contains(Result.ENGINE_FAST, Result.ENGINE_REFERENCE);
    assertSame(expected, concurrently(() -> shared, names, 16));
  }

  @Test
  void oneInstancePerThreadWithTheReferenceEngineGivesTheSequentialResults() throws Exception {
    // the reference engine is the slow one: every 16th document keeps the test short
    List<String> names = new ArrayList<>();
    int i = 0;
    for (String n : DOCUMENTS.keySet()) {
      if (i++ % 16 == 0) {
        names.add(n);
      }
    }
    Map<String, List<Result>> expected = sequential(build("reference"), names);
    assertSame(expected, concurrently(() -> build("reference"), names, names.size()));
  }
}
