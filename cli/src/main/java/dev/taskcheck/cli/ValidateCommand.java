package dev.taskcheck.cli;

import dev.taskcheck.ValidationRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taskcheck validate}: validates files, directories, glob patterns or standard input. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validates the FHIR Tasks in the given inputs and reports every finding.",
      "Inputs are files (JSON or XML, told apart by content), directories (read recursively: *.json, *.xml,"
          + " *.ndjson, *.jsonl), glob patterns ('data/**/*.json') or - for standard input. A Bundle is"
          + " unpacked; NDJSON is streamed one line at a time. A history Bundle is read as the versions of its"
          + " Tasks, and the changes between versions are checked (transition rules)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the fail level",
      "1:findings at or above the fail level",
      "2:usage or setup error"
    })
final class ValidateCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean debug;

  @Parameters(
      arity = "1..*",
      paramLabel = "<path>",
      description = "Files, directories, glob patterns, or - for stdin.")
  private List<String> inputs = new ArrayList<>();

  @Option(
      names = "--history",
      description =
          "Read the Tasks of all inputs as versions: group them into one history per Task (same id, or"
              + " a shared identifier), order each by meta.versionId, then lastModified, then meta.lastUpdated, and"
              + " check the changes between versions (transition rules). Without it, only history Bundles are read"
              + " as histories.")
  private boolean history;

  @Mixin private RunOptions options = new RunOptions();

  ValidateCommand(PrintStream out, PrintStream err, boolean debug) {
    this.out = out;
    this.err = err;
    this.debug = debug;
  }

  @Override
  public Integer call() {
    ValidationRequest request = ValidationRequest.builder().inputs(inputs).build();
    return options.run(request, history, out, err, debug);
  }
}
