package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;

import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The expensive launches over {@code testdata/samples}, shared by several IT classes and run once
 * per test JVM. Each validates R4 and R5 content (the R5 definitions alone take 15-30 s to load),
 * so the first request for any of them starts all three in the background, where they run side by
 * side:
 *
 * <ul>
 *   <li>{@link #quickStart()}: {@code taskcheck validate testdata/samples}, the README's quick
 *       start;
 *   <li>{@link #reports()}: the samples and the three DOCTYPE/XXE bad inputs, with {@code --output
 *       DIR} and all three formats;
 *   <li>{@link #trapped()}: the same inputs as {@link #reports()}, {@code --format json} to
 *       standard output, with every outbound connection routed to a {@link CliNetworkTrapSupport}
 *       (for {@code NoNetworkIT}).
 * </ul>
 */
final class CliSamplesSupport {

  /**
   * The inputs of {@link #reports()} and {@link #trapped()}: the samples, then XML that asks for
   * entities.
   */
  static final List<String> REPORT_INPUTS =
      List.of(
          "testdata/samples",
          "testdata/bad-input/xxe-remote.xml",
          "testdata/bad-input/xxe.xml",
          "testdata/bad-input/doctype.xml");

  /** A launch with --output and every format: the folder it wrote to, and the launch. */
  record ReportsRun(CliRun run, Path directory) {
    Path file(String name) {
      return directory.resolve(name);
    }
  }

  /** The launch behind the network trap and how many connections the trap saw during it. */
  record TrappedRun(CliRun run, int connections) {}

  private static CompletableFuture<CliRun> quickStart;
  private static CompletableFuture<ReportsRun> reports;
  private static CompletableFuture<TrappedRun> trapped;

  private CliSamplesSupport() {}

  /** {@code taskcheck validate testdata/samples} in the repository root. */
  static CliRun quickStart() {
    startAll();
    return CliProcessSupport.join(quickStart);
  }

  static ReportsRun reports() {
    startAll();
    return CliProcessSupport.join(reports);
  }

  static TrappedRun trapped() {
    startAll();
    return CliProcessSupport.join(trapped);
  }

  /** Starts the three launches (once); they run in the background while other tests go on. */
  static synchronized void startAll() {
    if (quickStart != null) {
      return;
    }
    quickStart = taskcheck("validate", "testdata/samples").start();

    // --output names a folder that does not exist yet: the CLI creates it
    Path out = CliProcessSupport.workDirectory("samples-reports").resolve("out");
    List<String> args =
        new ArrayList<>(
            List.of(
                "validate",
                "--output",
                out.toString(),
                "--format",
                "text",
                "--format",
                "json",
                "--format",
                "operationoutcome"));
    args.addAll(REPORT_INPUTS);
    reports = taskcheck(args).start().thenApply(run -> new ReportsRun(run, out));

    List<String> trappedArgs = new ArrayList<>(List.of("validate", "--format", "json"));
    trappedArgs.addAll(REPORT_INPUTS);
    CliNetworkTrapSupport trap = new CliNetworkTrapSupport();
    trapped =
        taskcheck(trappedArgs)
            .jvm(trap.jvmOptions())
            .start()
            .thenApply(run -> new TrappedRun(run, trap.connections()))
            .whenComplete((r, e) -> trap.close());
  }
}
