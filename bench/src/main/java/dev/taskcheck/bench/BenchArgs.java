package dev.taskcheck.bench;

import dev.taskcheck.testdata.TaskGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmarks share: their arguments, the generated Tasks and a median. No TaskCheck or
 * HAPI class here, so that {@link PairBench} can load TaskCheck in class loaders of its own.
 */
final class BenchArgs {

  private BenchArgs() {}

  /**
   * The benchmark's Tasks: {@code count} generated R4 Tasks, {@code defectRate} of them defective.
   */
  static List<String> generate(int count, double defectRate) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TaskGenerator(42).writeNdjson(bytes, count, defectRate);
    List<String> out = new ArrayList<>(count);
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
  }

  static double doubleArg(String[] args, String name, double fallback) {
    return Double.parseDouble(arg(args, name, Double.toString(fallback)));
  }

  /**
   * What a benchmark in rounds reads from its arguments ({@code --engine}, {@code --count}, {@code
   * --defect-rate}, {@code --rounds}, {@code --warm-up}), with its own defaults, and the Tasks
   * generated from them.
   */
  record Rounds(String engine, List<String> tasks, int rounds, double warmUpSeconds) {

    static Rounds read(String[] args, int count, int rounds, double warmUpSeconds)
        throws IOException {
      return new Rounds(
          arg(args, "--engine", "auto"),
          generate(intArg(args, "--count", count), doubleArg(args, "--defect-rate", 0.4)),
          intArg(args, "--rounds", rounds),
          doubleArg(args, "--warm-up", warmUpSeconds));
    }
  }

  static double median(double[] values) {
    Arrays.sort(values);
    int m = values.length / 2;
    return values.length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
  }
}
