package dev.taskcheck.fhirpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * A rough measurement, not a timed test (it cannot fail on time): ele-1 and a few other core
 * invariants on every element of real Tasks, 400 rounds, with the fastest and the median cost per
 * evaluation of the last 300 written to {@code target/fhirpath-speed.txt} and the test report. What
 * it asserts is the results.
 */
class EvaluationSpeedTest {

  private static final String ELE_1 = "hasValue() or (children().count() > id.count())";

  @Test
  void ele1OnEveryElementOfRealTasks(TestReporter report) throws IOException {
    CoreDefinitions defs = CoreDefinitions.r4();
    FhirPath fhirPath = FhirPath.builder(TypedTree.model(defs)).build();
    List<FhirNode> elements = new ArrayList<>();
    List<EvaluationContext> contexts = new ArrayList<>();
    int tasks = 0;
    for (Path f : TestData.files("corpus/spec-r4")) {
      FhirNode root =
          TypedTree.of(CoreDefinitions.parse(Files.readAllBytes(f), f.toString()), defs);
      tasks++;
      EvaluationContext context = EvaluationContext.of(root, root, Environment.defaults());
      int before = elements.size();
      collect(root, elements);
      for (int i = before; i < elements.size(); i++) {
        contexts.add(context);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String text :
        List.of(
            ELE_1,
            "extension.exists() != value.exists()",
            "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id)",
            "start.hasValue().not() or end.hasValue().not() or (start <= end)",
            "contained.contained.empty()")) {
      Expression e = fhirPath.compile(text);
      int errors = 0;
      int trueCount = 0;
      double[] perRound = new double[400];
      for (int round = 0; round < perRound.length; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < elements.size(); i++) {
          try {
            Truth t = e.test(elements.get(i), contexts.get(i));
            if (round == 0 && t != Truth.FALSE) {
              trueCount++;
            }
          } catch (FhirPathException ex) {
            errors++;
          }
        }
        perRound[round] = (System.nanoTime() - start) / (double) elements.size();
      }
      double[] measured = java.util.Arrays.copyOfRange(perRound, 100, perRound.length);
      java.util.Arrays.sort(measured);
      out.append(
          String.format(
              Locale.ROOT,
              "%8.1f ns (median %6.1f) per element  %s%n",
              measured[0],
              measured[measured.length / 2],
              text));
      assertThat(errors).as(text).isZero();
      if (text.equals(ELE_1)) {
        assertThat(trueCount)
            .as("ele-1 holds on every element of the spec examples")
            .isEqualTo(elements.size());
      }
    }
    out.append(elements.size())
        .append(" elements of ")
        .append(tasks)
        .append(" Tasks, one EvaluationContext per Task\n");
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "fhirpath-speed.txt"), out.toString());
    report.publishEntry("fhirpath speed", out.toString());
  }

  private static void collect(FhirNode node, List<FhirNode> out) {
    out.add(node);
    for (FhirNode c : node.children()) {
      collect(c, out);
    }
  }
}
