package dev.taskcheck.cli;

import dev.taskcheck.ValidationRequest;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code taskcheck diff BEFORE AFTER}: two versions of a Task, checked as one history in that
 * order.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks the change between two versions of a Task, BEFORE then AFTER.",
      "Status transitions are judged against the state machine, and fields that must not change, progress and"
          + " outputs are compared (transition rules). The two files are taken in the order given, whatever"
          + " their versionId or lastModified say; Tasks are matched by id, or by a shared identifier. Each"
          + " file is also validated on its own, as by 'validate'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the fail level",
      "1:findings at or above the fail level",
      "2:usage or setup error (including a missing file)"
    })
final class DiffCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean debug;

  @Parameters(
      index = "0",
      paramLabel = "BEFORE",
      description = "The earlier version: a JSON or XML file, or - for stdin.")
  private String before = "";

  @Parameters(
      index = "1",
      paramLabel = "AFTER",
      description = "The later version: a JSON or XML file, or - for stdin.")
  private String after = "";

  @Mixin private RunOptions options = new RunOptions();

  DiffCommand(PrintStream out, PrintStream err, boolean debug) {
    this.out = out;
    this.err = err;
    this.debug = debug;
  }

  @Override
  public Integer call() {
    if (before.equals("-") && after.equals("-")) {
      throw options.usage("BEFORE and AFTER cannot both be - (standard input)");
    }
    List<String> files = new ArrayList<>();
    files.add(checked("BEFORE", before));
    files.add(checked("AFTER", after));
    ValidationRequest request =
        ValidationRequest.builder().inputs(files).versionsInGivenOrder(true).build();
    return options.run(request, true, out, err, debug);
  }

  /**
   * A file that exists (or {@code -}): diff compares two documents, not directories or patterns.
   */
  private String checked(String which, String path) {
    if (path.equals("-")) {
      return path;
    }
    Path p = Path.of(path);
    if (Files.isDirectory(p)) {
      throw options.usage(which + " '" + path + "' is a directory (diff takes two files)");
    }
    if (!Files.isRegularFile(p)) {
      throw options.usage(which + " file '" + path + "' does not exist");
    }
    return path;
  }
}
