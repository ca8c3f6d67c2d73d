package dev.taskcheck.cli;

import dev.taskcheck.TaskCheck;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code taskcheck}: validates FHIR Task resources. Exit codes: 0 clean, 1 findings, 2 usage or
 * setup error.
 */
@Command(
    name = "taskcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Validates FHIR Task resources: base-spec structure, profiles and Task rules, offline.",
    subcommands = {
      ValidateCommand.class,
      DiffCommand.class,
      RulesCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the fail level",
      "1:findings at or above the fail level (--fail-on, default error)",
      "2:usage or setup error"
    })
public final class Main implements Runnable {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    // no subcommand: say what there is
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required, such as 'validate'");
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    configureLogging(debug);
    CommandLine cli = new CommandLine(new Main(), new Factory(out, err, debug));
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          PrintWriter w = e.getCommandLine().getErr();
          w.println("taskcheck: " + e.getMessage());
          w.println(
              "Run '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for the options.");
          w.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          w.println(
              "taskcheck: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
          if (debug) {
            e.printStackTrace(w);
          }
          w.flush();
          return USAGE;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "taskcheck: out of memory. The FHIR definitions alone need about 256 MB of heap (R5: about"
              + " 700 MB); run java with a larger heap, for example: java -Xmx1g -jar taskcheck.jar ...");
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return USAGE;
    }
  }

  /**
   * HAPI and the HL7 libraries log through SLF4J; a command line user sees TaskCheck's output only,
   * unless {@code --debug}. Must run before any logger exists.
   */
  private static void configureLogging(boolean debug) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "off");
    System.setProperty("org.slf4j.simpleLogger.log.dev.taskcheck", debug ? "debug" : "off");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
  }

  /** {@code taskcheck --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "taskcheck " + TaskCheck.version(),
        "HAPI FHIR " + hapiVersion() + ", Java " + System.getProperty("java.version")
      };
    }

    private static String hapiVersion() {
      return TaskCheck.hapiVersion();
    }
  }

  /** Creates the commands with the process's streams (tests pass their own). */
  static final class Factory implements CommandLine.IFactory {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean debug;

    Factory(PrintStream out, PrintStream err, boolean debug) {
      this.out = out;
      this.err = err;
      this.debug = debug;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ValidateCommand.class) {
        return type.cast(new ValidateCommand(out, err, debug));
      }
      if (type == DiffCommand.class) {
        return type.cast(new DiffCommand(out, err, debug));
      }
      if (type == RulesCommand.class) {
        return type.cast(new RulesCommand(out));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
