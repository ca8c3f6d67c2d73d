package dev.taskcheck.maven;

import dev.taskcheck.ConfigFiles;
import dev.taskcheck.Instants;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TaskCheckException;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.Durations;
import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.RunTotals;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.report.OutputFormat;
import dev.taskcheck.report.RenderOptions;
import dev.taskcheck.report.ReportOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs TaskCheck inside the plugin's isolated class loader (see {@link EngineLoader}) and answers
 * with JDK types only, so nothing of the engine's class path meets Maven's. It maps the request to
 * the library's builder and writes the reports; the Mojo decides pass or fail.
 *
 * <p>Request ({@link RunRequest#toMap}): the inputs, the working directory they are relative to,
 * the settings as the POM gives them (strings, lists, booleans), and a {@code log} consumer for
 * progress lines. Answer ({@link RunAnswer}): either {@code setupError} (a message naming the
 * parameter and what to fix), or the counts, the reports written and the first findings.
 */
public final class IsolatedRun implements Function<Map<String, Object>, Map<String, Object>> {

  /** How many findings the answer carries (for the build log and the failure message). */
  static final int MAX_FINDINGS = 200;

  /** How often a long run logs its progress. */
  private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

  @Override
  public Map<String, Object> apply(Map<String, Object> raw) {
    RunRequest request = RunRequest.fromMap(raw);
    Setup setup;
    try {
      setup = setUp(request);
    } catch (IllegalArgumentException | TaskCheckException | UncheckedIOException e) {
      return RunAnswer.setupError(e.getMessage()).toMap();
    }
    List<ReportOutput> outputs = new ArrayList<>();
    List<String> written = new ArrayList<>();
    Path outDir = Path.of(request.outputDirectory());
    RenderOptions render = new RenderOptions(false, true, setup.failOn());
    try {
      // one set: all reports of this run appear, or all previous ones stay
      Map<OutputFormat, Path> files = new LinkedHashMap<>();
      for (OutputFormat f : setup.formats()) {
        Path file = outDir.resolve(f.fileName());
        files.put(f, file);
        written.add(file.toString());
      }
      outputs.add(OutputFormat.toFiles(files, render));
    } catch (IOException e) {
      closeQuietly(outputs);
      return RunAnswer.setupError("cannot write the reports to " + outDir + ": " + e.getMessage())
          .toMap();
    }
    Collector collector = new Collector(setup.failOn(), request.log());
    List<ReportListener> listeners = new ArrayList<>(outputs);
    listeners.add(collector);
    ValidationRequest validation =
        ValidationRequest.builder()
            .inputs(request.inputs())
            .workingDirectory(Path.of(request.workingDirectory()))
            .build();
    RunTotals totals;
    try {
      totals = setup.taskCheck().validate(validation, ReportListener.all(listeners));
    } catch (UncheckedIOException e) {
      closeQuietly(outputs);
      String cause =
          Objects.requireNonNull(e.getCause())
              .getMessage(); // an UncheckedIOException always has one
      return RunAnswer.setupError("cannot write the reports to " + outDir + ": " + cause).toMap();
    } catch (RuntimeException e) {
      closeQuietly(outputs);
      throw e;
    }
    for (ReportOutput o : outputs) {
      try {
        o.close();
      } catch (IOException e) {
        return RunAnswer.setupError("cannot write the reports to " + outDir + ": " + e.getMessage())
            .toMap();
      }
    }
    Summary s = totals.summary();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      counts.put(severity.code(), s.count(severity));
    }
    counts.put("suppressed", s.suppressed());
    long failing = setup.failOn() == null ? 0 : s.countAtLeast(setup.failOn());
    return new RunAnswer(
            null,
            counts,
            s.inputs(),
            s.documents(),
            s.resources(),
            failing,
            written,
            collector.findings,
            totals.timings().elapsedMillis())
        .toMap();
  }

  /** The library instance and the settings the Mojo does not need to see. */
  private record Setup(
      TaskCheck taskCheck, List<OutputFormat> formats, @Nullable Severity failOn) {}

  private static Setup setUp(RunRequest r) {
    TaskCheck.Builder b = TaskCheck.builder();
    FhirRelease release =
        r.fhirVersion().equalsIgnoreCase("auto")
            ? null
            : setting("fhirVersion", r.fhirVersion(), FhirRelease::parse);
    b.fhirVersion(release);
    b.engine(setting("engine", r.engine(), EngineChoice::fromCode));
    b.ruleSet(setting("ruleSet", r.ruleSet(), RuleSet::fromCode));
    Severity failOn =
        r.failOn().equalsIgnoreCase("none")
            ? null
            : setting("failOn", r.failOn(), Severity::fromCode);
    Set<OutputFormat> formats = new LinkedHashSet<>();
    for (String f : r.formats()) {
      if (!f.isBlank()) {
        formats.add(setting("formats", f, OutputFormat::fromCode));
      }
    }
    for (String rule : r.rules()) {
      if (!rule.isBlank()) {
        accept("rules", rule, b::rule);
      }
    }
    if (r.config() != null) {
      b.config(ConfigFiles.readConfig(Path.of(r.config())));
    }
    List<Suppression> suppressions = new ArrayList<>();
    if (r.suppressionsFile() != null) {
      suppressions.addAll(ConfigFiles.readSuppressions(Path.of(r.suppressionsFile())));
    }
    for (int i = 0; i < r.suppressions().size(); i++) {
      suppressions.add(
          suppression(r.suppressions().get(i), r.pom() + " <suppressions>[" + (i + 1) + "]"));
    }
    accept("suppressions", suppressions, b::suppressions);
    if (r.stateMachine() != null) {
      accept("stateMachine", Path.of(r.stateMachine()), b::stateMachine);
    }
    if (r.stuckAfter() != null) {
      Duration d = setting("stuckAfter", r.stuckAfter(), Durations::parse);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "stuckAfter: '"
                + r.stuckAfter()
                + "' is not a positive duration"
                + " (expected e.g. 7d, 12h or P7D)");
      }
      b.stuckAfter(d);
    }
    b.history(r.history());
    if (r.now() != null) {
      b.now(setting("now", r.now(), Instants::parse));
    }
    if (r.threads() != null) {
      accept("threads", r.threads(), b::threads);
    }
    b.packageBase(Path.of(r.workingDirectory()));
    r.igs().forEach(b::ig);
    r.profiles().forEach(b::profile);
    Path base = Path.of(r.workingDirectory());
    for (String f : r.ruleFiles()) {
      b.ruleFile(base.resolve(f));
    }
    for (String f : r.advisorFiles()) {
      b.advisorFile(base.resolve(f));
    }
    TaskCheck built;
    try {
      built = b.build();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      for (String f : r.ruleFiles()) {
        if (message.startsWith(base.resolve(f) + ":")) {
          throw new IllegalArgumentException("ruleFiles: " + message, e);
        }
      }
      for (String f : r.advisorFiles()) {
        if (message.startsWith(base.resolve(f).toString())) {
          throw new IllegalArgumentException("advisorFiles: " + message, e);
        }
      }
      if (message.contains("plug-in")) {
        throw new IllegalArgumentException("plugin dependencies: " + message, e);
      }
      if (r.igs().isEmpty() && r.profiles().isEmpty()) {
        throw e;
      }
      // a package that cannot be read or resolved, or a profile no package defines
      throw new IllegalArgumentException(
          (r.igs().isEmpty() ? "profiles: " : "igs: ") + e.getMessage(), e);
    }
    return new Setup(built, List.copyOf(formats), failOn);
  }

  private static Suppression suppression(Map<String, String> entry, String origin) {
    String rule = entry.get("rule");
    String expression = entry.get("expression");
    String reason = entry.get("reason");
    if (rule == null || expression == null || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          origin + ": a suppression needs <rule>, <expression> and a <reason>");
    }
    try {
      TaskCheck.checkRuleId(rule);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
    LocalDate expires = null;
    String e = entry.get("expires");
    if (e != null) {
      try {
        expires = LocalDate.parse(e.trim());
      } catch (DateTimeParseException x) {
        throw new IllegalArgumentException(
            origin + ": <expires> '" + e + "' is not a date (expected 2027-03-31)", x);
      }
    }
    return new Suppression(rule, expression, entry.get("file"), reason, expires, origin);
  }

  /** Applies one setting, naming the parameter when its value is refused. */
  private static <T, R> R setting(String parameter, T value, Function<T, R> apply) {
    try {
      return apply.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(parameter + ": " + e.getMessage(), e);
    }
  }

  private static <T> void accept(String parameter, T value, Consumer<T> apply) {
    try {
      apply.accept(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(parameter + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(List<ReportOutput> outputs) {
    for (ReportOutput o : outputs) {
      try {
        o.close();
      } catch (IOException | RuntimeException e) {
        // the run already failed; the partial report is discarded by close
      }
    }
  }

  /**
   * Keeps the first findings (for the log and the failure message) and logs progress on long runs.
   */
  private static final class Collector implements ReportListener {
    private final @Nullable Severity failOn;
    private final Consumer<String> log;
    final List<List<String>> findings = new ArrayList<>();
    private final long started = System.nanoTime();
    private long lastProgress = started;

    Collector(@Nullable Severity failOn, Consumer<String> log) {
      this.failOn = failOn;
      this.log = log;
    }

    @Override
    public void result(Result r) {
      for (Issue i : r.issues()) {
        if (findings.size() >= MAX_FINDINGS) {
          return;
        }
        String where =
            r.source()
                + ":"
                + (i.line() == null ? (r.line() == null ? 1 : r.line()) : i.line())
                + (i.column() == null ? "" : ":" + i.column());
        boolean fails = failOn != null && i.severity().isAtLeast(failOn);
        findings.add(
            List.of(
                i.severity().code(),
                where,
                i.ruleId(),
                i.expression() == null ? "" : i.expression(),
                i.message(),
                Boolean.toString(fails)));
      }
    }

    @Override
    public void progress(long documents, long resources) {
      long t = System.nanoTime();
      if (t - lastProgress >= PROGRESS_EVERY_NANOS) {
        lastProgress = t;
        log.accept(
            documents
                + " documents, "
                + resources
                + " Tasks validated ("
                + (t - started) / 1_000_000_000L
                + " s)");
      }
    }
  }
}
