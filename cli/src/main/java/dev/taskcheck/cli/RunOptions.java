package dev.taskcheck.cli;

import dev.taskcheck.ConfigFiles;
import dev.taskcheck.Instants;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TaskCheckException;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.Durations;
import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.RunTotals;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.model.Timings;
import dev.taskcheck.report.OutputFormat;
import dev.taskcheck.report.RenderOptions;
import dev.taskcheck.report.ReportOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options {@code validate} and {@code diff} share (rules, clock, transitions, reports, exit
 * level) and the run they drive: a picocli mixin, so each option is declared and parsed once.
 */
final class RunOptions {

  /** The command the options are mixed into, for its usage errors. */
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--fhir-version",
      paramLabel = "1.4.0|STU3|R4|R4B|R5|auto",
      defaultValue = "auto",
      description =
          "FHIR release to validate against; auto (default) decides per document from its content"
              + " and falls back to R4.")
  private String fhirVersion = "auto";

  @Option(
      names = "--engine",
      paramLabel = "auto|fast|reference",
      defaultValue = "auto",
      description =
          "Structure engine: auto (default: fast where it covers the document, reference"
              + " elsewhere), fast (TaskCheck's compiled engine; a document it does not cover gets a"
              + " warning), or reference (the HL7 instance validator). See"
              + " docs/engines/fast-engine.md.")
  private String engine = "auto";

  @Option(
      names = "--rule-set",
      paramLabel = "SET",
      defaultValue = "recommended",
      description =
          "Which rules run and at which severity: core, recommended (default), strict, or an"
              + " implementation guide's set: cow, hrex, au-erequesting.")
  private String ruleSet = "recommended";

  @Option(
      names = "--rule",
      paramLabel = "ID=LEVEL",
      description =
          "Override one rule: ID=off|information|warning|error (repeatable), e.g. --rule status-8=off.")
  private List<String> ruleOverrides = new ArrayList<>();

  @Option(
      names = "--suppressions",
      paramLabel = "FILE",
      description =
          "Suppressions file (JSON): rule id, expression pattern, reason, optional file pattern and"
              + " expiry date. Suppressed findings are listed, with their reason, in the JSON report.")
  private @Nullable Path suppressionsFile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Rule configuration (JSON): progress output types, over-delivery, clock skew, counted outputs.")
  private @Nullable Path configFile;

  @Option(
      names = "--state-machine",
      paramLabel = "FILE",
      description =
          "Transition table (JSON) to judge status changes between versions with, instead of the rule"
              + " set's built-in one, for the FHIR versions it lists (format: docs/state-machines.md).")
  private @Nullable Path stateMachineFile;

  @Option(
      names = "--stuck-after",
      paramLabel = "DURATION",
      description =
          "Report Tasks not in a terminal status whose latest version was last modified longer ago than"
              + " this, measured from --now (transition-15), and list them in the lifecycle metrics: 7d, 12h, 30m, 2w"
              + " or ISO-8601 (P7D, PT12H). Off by default.")
  private @Nullable String stuckAfter;

  @Option(
      names = "--format",
      paramLabel = "text|json|operationoutcome|junit|sarif|xml|html",
      split = ",",
      description =
          "Report format; repeat or separate with commas for several (they then need --output)."
              + " Default: text.")
  private List<String> formats = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "Write each format to a file in DIR (taskcheck.txt, taskcheck.json,"
              + " taskcheck.operationoutcome.json, TEST-taskcheck.xml, taskcheck.sarif, taskcheck.xml, taskcheck.html),"
              + " atomically.")
  private @Nullable Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "fatal|error|warning|information|none",
      defaultValue = "error",
      description = "Exit with 1 when a finding is at or above this severity (default: error).")
  private String failOn = "error";

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description = "The clock for time-relative rules, e.g. 2026-11-21T10:00:00Z (default: now).")
  private @Nullable String now;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads (default: all cores; at most 4 per core and 256 are used, more than "
              + MAX_THREADS
              + " is refused).")
  private @Nullable Integer threads;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description =
          "Per-document limit: the deepest nesting of JSON objects and arrays or XML elements"
              + " (default: 100, at most 200); deeper documents get a limit-depth fatal.")
  private @Nullable Integer maxDepth;

  @Option(
      names = "--max-keys",
      paramLabel = "N",
      description =
          "Per-document limit: the most properties of one JSON object or XML element"
              + " (default: 1000); more gives a limit-keys fatal.")
  private @Nullable Integer maxKeys;

  @Option(
      names = "--max-contained-depth",
      paramLabel = "N",
      description =
          "Per-document limit: the deepest nesting of contained resources (default: 5);"
              + " deeper gives a limit-contained-depth fatal.")
  private @Nullable Integer maxContainedDepth;

  @Option(
      names = "--max-elements",
      paramLabel = "N",
      description =
          "Per-document work limit: the most elements in one document (default: 1000000);"
              + " more gives a limit-work fatal.")
  private @Nullable Integer maxElements;

  @Option(
      names = "--ig",
      paramLabel = "PACKAGE",
      description =
          "An IG package to check Tasks against (repeatable): a package .tgz (or a .jar or .zip"
              + " holding one), a package folder, or id#version from the local FHIR package cache (FHIR_PACKAGE_CACHE or"
              + " ~/.fhir/packages). Never downloaded. Tasks are checked against the profiles of these"
              + " packages that their meta.profile claims.")
  private List<String> igs = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "URL",
      description =
          "Check every Task against this profile, claimed or not (repeatable); a package given"
              + " with --ig must define it.")
  private List<String> profiles = new ArrayList<>();

  @picocli.CommandLine.Mixin private CustomRuleOptions customRules = new CustomRuleOptions();

  @Option(
      names = "--advisor-file",
      paramLabel = "FILE",
      description =
          "An HL7 validator advisor file (repeatable): JSON {\"suppress\": [\"messageId\","
              + " \"messageId@path\"]} or text lines '- messageId[@path]'; its rules suppress"
              + " structure findings.")
  private List<Path> advisorFiles = new ArrayList<>();

  /** The largest --threads accepted; the library uses at most 4 per core and 256 in any case. */
  static final int MAX_THREADS = 1024;

  @Option(names = "--quiet", description = "Print findings only: no progress, no summary.")
  private boolean quiet;

  @Option(
      names = "--debug",
      description = "Show internal details and stack traces on standard error.")
  private boolean debugFlag;

  /**
   * Builds TaskCheck from the options, validates {@code request} into the chosen reports and
   * returns the exit code: {@link Main#OK}, or {@link Main#FINDINGS} when something is at or above
   * {@code --fail-on}.
   *
   * @param history group the Tasks of all inputs into histories ({@code --history}, {@code diff})
   * @throws CommandLine.ParameterException for a bad option value (exit 2)
   * @throws TaskCheckException for a setup fault: a bad file, a report that cannot be written (exit
   *     2)
   */
  int run(
      ValidationRequest request, boolean history, PrintStream out, PrintStream err, boolean debug) {
    if (quiet && debugFlag) {
      throw usage("--quiet and --debug cannot be used together");
    }
    List<OutputFormat> chosen = parseFormats();
    Severity failLevel = parseFailOn();
    Instant runNow = parseNow();
    Duration stuck = parseStuckAfter();
    TaskCheck.Builder builder =
        TaskCheck.builder()
            .fhirVersion(parseFhirVersion())
            .engine(parseEngine())
            .ruleSet(parseRuleSet())
            .now(runNow)
            .history(history)
            .stuckAfter(stuck)
            .onInternalError(
                t -> {
                  if (debug) {
                    synchronized (err) {
                      err.println(
                          "taskcheck: internal error (the document was reported and the run went on):");
                      t.printStackTrace(err);
                    }
                  }
                });
    for (String o : ruleOverrides) {
      try {
        builder.rule(o);
      } catch (IllegalArgumentException e) {
        throw usage("--rule " + e.getMessage());
      }
    }
    if (configFile != null) {
      builder.config(ConfigFiles.readConfig(configFile));
    }
    if (stateMachineFile != null) {
      try {
        builder.stateMachine(stateMachineFile);
      } catch (IllegalArgumentException e) {
        // file:line: what is wrong
        throw new TaskCheckException("--state-machine " + e.getMessage(), e);
      }
    }
    if (suppressionsFile != null) {
      List<Suppression> list = ConfigFiles.readSuppressions(suppressionsFile);
      try {
        builder.suppressions(list);
      } catch (IllegalArgumentException e) {
        throw new TaskCheckException("--suppressions " + e.getMessage(), e);
      }
      Instant clock = runNow != null ? runNow : Instant.now();
      for (Suppression s : list) {
        if (s.isExpired(clock) && !quiet) {
          err.println(
              "taskcheck: warning: the suppression at "
                  + s.origin()
                  + " ("
                  + s.ruleId()
                  + " at "
                  + s.expression()
                  + ") expired on "
                  + s.expires()
                  + " and no longer applies");
        }
      }
    }
    if (threads != null) {
      if (threads < 1) {
        throw usage("--threads must be at least 1");
      }
      if (threads > MAX_THREADS) {
        throw usage(
            "--threads must be at most "
                + MAX_THREADS
                + " (a run uses at most 4 per core, 256 in all, whatever is asked)");
      }
      builder.threads(threads);
    }
    limit("--max-depth", maxDepth, builder::maxDepth);
    limit("--max-keys", maxKeys, builder::maxKeysPerObject);
    limit("--max-contained-depth", maxContainedDepth, builder::maxContainedDepth);
    limit("--max-elements", maxElements, builder::maxElementsPerDocument);
    igs.forEach(builder::ig);
    profiles.forEach(builder::profile);
    customRules.applyTo(builder);
    advisorFiles.forEach(builder::advisorFile);
    TaskCheck taskCheck;
    try {
      taskCheck = builder.build();
    } catch (IllegalArgumentException e) {
      String option = customRules.optionOf(String.valueOf(e.getMessage()));
      for (Path f : advisorFiles) {
        if (String.valueOf(e.getMessage()).startsWith(f.toString())) {
          option = "--advisor-file";
        }
      }
      if (option != null) {
        // a rule file that cannot be read or compiled, or a plug-in with bad metadata: setup
        throw new TaskCheckException(option + " " + e.getMessage(), e);
      }
      if (igs.isEmpty() && profiles.isEmpty()) {
        throw e;
      }
      // a package that cannot be read or resolved, or a profile nobody defines: setup (exit 2)
      throw new TaskCheckException((igs.isEmpty() ? "--profile: " : "--ig: ") + e.getMessage(), e);
    }

    List<ReportOutput> outputs = openOutputs(chosen, out, failLevel);
    Progress progress = new Progress(err, !quiet);
    List<ReportListener> listeners = new ArrayList<>(outputs);
    listeners.add(progress);
    RunTotals totals;
    try {
      totals = taskCheck.validate(request, ReportListener.all(listeners));
    } catch (RuntimeException e) {
      progress.stop();
      closeQuietly(outputs);
      throw e instanceof UncheckedIOException u
          ? new TaskCheckException(
              "cannot write the report: " + Objects.requireNonNull(u.getCause()).getMessage(), u)
          : e;
    }
    progress.stop();
    for (ReportOutput o : outputs) {
      try {
        o.close();
      } catch (IOException e) {
        throw new TaskCheckException("cannot write the report: " + e.getMessage(), e);
      }
    }
    if (output != null && !quiet) {
      out.println(
          "Reports written to "
              + output
              + ": "
              + String.join(", ", chosen.stream().map(OutputFormat::fileName).toList()));
    }
    out.flush();
    if (failLevel == null) {
      return Main.OK;
    }
    return totals.summary().countAtLeast(failLevel) > 0 ? Main.FINDINGS : Main.OK;
  }

  /** {@code --stuck-after}: positive, {@code 7d} or ISO-8601; null when not given. */
  private @Nullable Duration parseStuckAfter() {
    if (stuckAfter == null) {
      return null;
    }
    Duration d;
    try {
      d = Durations.parse(stuckAfter);
    } catch (IllegalArgumentException e) {
      throw usage("--stuck-after: " + e.getMessage());
    }
    if (d.isNegative() || d.isZero()) {
      throw usage(
          "--stuck-after: '"
              + stuckAfter
              + "' is not a positive duration (expected e.g. 7d, 12h or P7D)");
    }
    return d;
  }

  /** A usage error (exit 2) of the command these options belong to. */
  /** Applies a per-document limit option when given; a value out of range is a usage error. */
  private void limit(String option, @Nullable Integer value, java.util.function.IntConsumer apply) {
    if (value == null) {
      return;
    }
    try {
      apply.accept(value);
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private List<ReportOutput> openOutputs(
      List<OutputFormat> chosen, PrintStream out, @Nullable Severity failLevel) {
    List<ReportOutput> outputs = new ArrayList<>();
    if (output == null) {
      boolean color = Terminal.colorsOnStdout();
      outputs.add(chosen.get(0).toStream(out, new RenderOptions(color, !quiet, failLevel)));
      return outputs;
    }
    try {
      if (Files.exists(output) && !Files.isDirectory(output)) {
        throw new TaskCheckException("--output " + output + " exists and is not a directory");
      }
      Files.createDirectories(output);
      // one set: all reports of this run appear, or all previous ones stay
      Map<OutputFormat, Path> files = new LinkedHashMap<>();
      for (OutputFormat f : chosen) {
        files.put(f, output.resolve(f.fileName()));
      }
      outputs.add(OutputFormat.toFiles(files, new RenderOptions(false, true, failLevel)));
      if (!quiet) {
        outputs.add(summaryOnly(out));
      }
    } catch (IOException e) {
      closeQuietly(outputs);
      throw new TaskCheckException("cannot write reports to " + output + ": " + e.getMessage(), e);
    }
    return outputs;
  }

  /**
   * The text format's summary alone (no findings), for standard output when the reports go to
   * files.
   */
  private static ReportOutput summaryOnly(PrintStream out) {
    ReportOutput text = OutputFormat.TEXT.toStream(out, new RenderOptions(false, true));
    return new ReportOutput() {
      @Override
      public void start(RunInfo run) {
        text.start(run);
      }

      @Override
      public void result(Result result) {
        // findings go to the files; only the summary is printed
      }

      @Override
      public void metrics(LifecycleMetrics metrics) {
        text.metrics(metrics);
      }

      @Override
      public void finish(Summary summary, Timings timings) {
        text.finish(summary, timings);
      }

      @Override
      public void close() throws IOException {
        text.close();
      }
    };
  }

  private List<OutputFormat> parseFormats() {
    Set<OutputFormat> out = new LinkedHashSet<>();
    for (String f : formats) {
      try {
        out.add(OutputFormat.fromCode(f));
      } catch (IllegalArgumentException e) {
        throw usage("--format: " + e.getMessage());
      }
    }
    if (out.isEmpty()) {
      out.add(OutputFormat.TEXT);
    }
    if (out.size() > 1 && output == null) {
      throw usage("several --format values need --output DIR (standard output takes one format)");
    }
    return List.copyOf(out);
  }

  private @Nullable FhirRelease parseFhirVersion() {
    if (fhirVersion.equalsIgnoreCase("auto")) {
      return null;
    }
    try {
      return FhirRelease.parse(fhirVersion);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw usage(
          "--fhir-version: "
              + message.replace(
                  "(expected 1.4.0, STU3, R4, R4B or R5)",
                  "(expected 1.4.0, STU3, R4, R4B, R5 or auto)"));
    }
  }

  private EngineChoice parseEngine() {
    try {
      return EngineChoice.fromCode(engine);
    } catch (IllegalArgumentException e) {
      throw usage("--engine: " + e.getMessage());
    }
  }

  private RuleSet parseRuleSet() {
    try {
      return RuleSet.fromCode(ruleSet);
    } catch (IllegalArgumentException e) {
      throw usage("--rule-set: " + e.getMessage());
    }
  }

  private @Nullable Severity parseFailOn() {
    if (failOn.equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return Severity.fromCode(failOn);
    } catch (IllegalArgumentException e) {
      throw usage(
          "--fail-on: unknown level '"
              + failOn
              + "' (expected fatal, error, warning, information or none)");
    }
  }

  private @Nullable Instant parseNow() {
    if (now == null) {
      return null;
    }
    try {
      return Instants.parse(now);
    } catch (IllegalArgumentException e) {
      throw usage("--now: " + e.getMessage());
    }
  }

  private static void closeQuietly(List<ReportOutput> outputs) {
    for (ReportOutput o : outputs) {
      try {
        o.close();
      } catch (IOException | RuntimeException ignored) {
        // discarding an unfinished report: nothing more to do
      }
    }
  }
}
