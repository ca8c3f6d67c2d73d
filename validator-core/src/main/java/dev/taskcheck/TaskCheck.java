package dev.taskcheck;

import dev.taskcheck.engine.AdvisorFile;
import dev.taskcheck.engine.DocumentProcessor;
import dev.taskcheck.engine.IgSnapshotCache;
import dev.taskcheck.engine.IssuePolicy;
import dev.taskcheck.engine.Pipeline;
import dev.taskcheck.engine.ReferenceEngine;
import dev.taskcheck.engine.RuleStage;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.engine.StateMachineFiles;
import dev.taskcheck.engine.StructureIds;
import dev.taskcheck.engine.TransitionCheck;
import dev.taskcheck.engine.TransitionEngine;
import dev.taskcheck.engine.custom.CustomRules;
import dev.taskcheck.engine.fast.AutoEngine;
import dev.taskcheck.engine.fast.FastEngine;
import dev.taskcheck.engine.fast.IgProfiles;
import dev.taskcheck.engine.packages.IgPackages;
import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.UcumUnits;
import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.RunTotals;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.parse.DocumentLimits;
import dev.taskcheck.rules.catalog.BuiltInRules;
import dev.taskcheck.rules.catalog.RuleCatalog;
import dev.taskcheck.source.SourceLimits;
import dev.taskcheck.source.Sources;
import dev.taskcheck.source.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The TaskCheck library. Build one with {@link #builder()}, then validate any number of inputs with
 * it, from any number of threads: it is immutable and thread-safe, definitions load once (on first
 * use of each FHIR release) and the validators are reused.
 *
 * <pre>{@code
 * TaskCheck taskCheck = TaskCheck.builder().build();
 * Report report = taskCheck.validate(ValidationRequest.of("payloads/"));
 * if (report.hasIssuesAtLeast(Severity.ERROR)) { ... }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TaskCheck {

  private static final Properties BUILD = readBuildProperties();
  private static final String VERSION = BUILD.getProperty("version", "unknown");

  private final @Nullable FhirRelease fhirVersion;
  private final RuleSet ruleSet;
  private final Clock clock;
  private final @Nullable Instant now;
  private final int threads;
  private final SourceLimits limits;
  private final DocumentLimits documentLimits;
  private final Consumer<Throwable> internalErrors;
  private final RuleConfig config;
  private final Map<String, Severity> severities;
  private final Set<String> off;
  private final List<Suppression> suppressions;
  private final @Nullable StateMachine stateMachine;
  private final @Nullable Duration stuckAfter;
  private final boolean history;
  private final EngineChoice engineChoice;
  private final FastEngine fastEngine;
  private final AutoEngine engine;

  /**
   * The reference engine, created when a document first needs it (a run the fast engine covers
   * never loads HAPI).
   */
  private final java.util.function.Supplier<ReferenceEngine> reference;

  private final TransitionCheck transitionCheck;

  /** The IG packages loaded beside the core definitions ({@code --ig}), dependencies included. */
  private final IgSet igs;

  /** Canonical URLs every Task is checked against ({@code --profile}). */
  private final List<String> profiles;

  /** The rules of the rule files ({@code --rules}) and of the plug-ins found. */
  private final CustomRules custom;

  /** HL7 advisor files ({@code --advisor-file}) whose rules suppress structure findings. */
  private final List<AdvisorFile> advisors;

  /**
   * With IG packages or run profiles, loads the definitions of their releases now, so that a
   * package HAPI cannot read, or a run profile nobody defines, is a setup error of {@link
   * Builder#build()} rather than a finding on every document.
   */
  private void checkProfiles() {
    if (igs.isEmpty() && profiles.isEmpty()) {
      return;
    }
    java.util.Set<FhirRelease> releases = new java.util.TreeSet<>();
    for (var p : igs.packages()) {
      releases.add(p.release());
    }
    if (fhirVersion != null) {
      releases.add(fhirVersion);
    }
    if (releases.isEmpty()) {
      releases.add(FhirRelease.R4);
    }
    for (String url : profiles) {
      if (!igs.definesProfile(url) && !url.startsWith("http://hl7.org/fhir/StructureDefinition/")) {
        throw new IllegalArgumentException(
            "the profile "
                + url
                + " is defined by none of the IG packages given"
                + (igs.isEmpty()
                    ? " (none was given: add the package that defines it with --ig)"
                    : " (" + igs.packages().size() + " loaded: " + names(igs) + ")"));
      }
    }
    if (warmFastPath(releases)) {
      // the fast engine checks what conforms to the packages' profiles from their cached
      // snapshots; the reference engine loads on the first document it must check
      return;
    }
    for (FhirRelease r : releases) {
      reference.get().preload(r);
    }
  }

  /**
   * Whether the fast engine may check Tasks claiming the packages' profiles without the reference
   * engine: engine auto, no profile for the whole run, and a complete snapshot-cache entry for the
   * packages of each release (written by an earlier run that loaded them without error).
   */
  private boolean warmFastPath(java.util.Set<FhirRelease> releases) {
    if (engineChoice == EngineChoice.REFERENCE || !profiles.isEmpty() || igs.isEmpty()) {
      return false;
    }
    for (FhirRelease r : releases) {
      if (!igs.forRelease(r).isEmpty() && IgSnapshotCache.entry(r, igs) == null) {
        return false;
      }
    }
    return true;
  }

  private static String names(IgSet set) {
    java.util.StringJoiner j = new java.util.StringJoiner(", ");
    for (var p : set.packages()) {
      j.add(p.name());
    }
    return j.toString();
  }

  /**
   * The policy of {@link #checkTransition}: rebuilt when the day changes, for suppressions that
   * expire.
   */
  private volatile IssuePolicy pairPolicy;

  private TaskCheck(Builder b) {
    this.fhirVersion = b.fhirVersion;
    this.ruleSet = b.ruleSet;
    this.clock = b.clock;
    this.now = b.now;
    this.threads = b.threads;
    this.limits = b.limits;
    this.documentLimits = b.documentLimits;
    this.internalErrors = b.internalErrors;
    this.config = b.config;
    this.severities = Map.copyOf(b.severities);
    this.off = Set.copyOf(b.off);
    this.suppressions = List.copyOf(b.suppressions);
    this.stateMachine = b.stateMachine;
    this.stuckAfter = b.stuckAfter;
    this.history = b.history;
    this.custom = b.loadCustomRules();
    List<AdvisorFile> advised = new ArrayList<>();
    for (Path f : b.advisorFiles) {
      advised.add(AdvisorFile.read(f, f.toString()));
    }
    this.advisors = List.copyOf(advised);
    IssuePolicy policy = policy(List.of(), Instant.EPOCH);
    // an expression of a rule file that does not compile is a setup error now, not on first use
    custom.fileRuleStage(id -> true);
    boolean anyProfileRule = BuiltInRules.PROFILE.stream().anyMatch(p -> policy.runs(p.id()));
    this.engineChoice = b.engineChoice;
    this.igs = b.loadIgs();
    this.profiles = List.copyOf(b.profiles);
    IgSet packages = igs;
    this.fastEngine =
        new FastEngine(
            anyProfileRule,
            packages.isEmpty()
                ? IgProfiles.NONE
                : new IgProfiles(packages, release -> IgSnapshotCache.entry(release, packages)),
            !profiles.isEmpty());
    this.reference =
        new java.util.function.Supplier<>() {
          private volatile @Nullable ReferenceEngine made;

          @Override
          public ReferenceEngine get() {
            ReferenceEngine r = made;
            if (r == null) {
              synchronized (this) {
                r = made;
                if (r == null) {
                  r = new ReferenceEngine(internalErrors, anyProfileRule, packages, profiles);
                  made = r;
                }
              }
            }
            return r;
          }
        };
    this.engine = new AutoEngine(engineChoice, fastEngine, reference);
    checkProfiles();
    if (engineChoice != EngineChoice.REFERENCE) {
      // the fast path reads UCUM for Quantity units and progress rules: read it meanwhile
      UcumUnits.warmUp();
    }
    this.pairPolicy = policy(suppressions, now());
    // a pair is not checked for being stuck, so the engine's clock reading is never used
    this.transitionCheck =
        new TransitionCheck(
            new TransitionEngine(
                config,
                Instant.EPOCH,
                policy::runs,
                this::stateMachine,
                null,
                internalErrors,
                custom::transitionRules),
            this::pairPolicy,
            fhirVersion);
  }

  /**
   * The pipeline of one run: the structure engine, then the rules, then the policy, at the run's
   * "now".
   */
  /** A processor and what it was made for. */
  private record MadeProcessor(Instant now, boolean collectVersions, DocumentProcessor processor) {}

  /**
   * The processor of the previous run, kept while runs read the same instant (a TaskCheck with a
   * fixed {@code now}, such as a server's or a test's): a processor is immutable and thread-safe,
   * and making one instantiates every rule.
   */
  private final AtomicReference<@Nullable MadeProcessor> lastProcessor = new AtomicReference<>();

  private DocumentProcessor processorFor(Instant runNow, boolean collectVersions) {
    MadeProcessor last = lastProcessor.get();
    if (last != null && last.now().equals(runNow) && last.collectVersions() == collectVersions) {
      return last.processor();
    }
    DocumentProcessor made = processor(runNow, collectVersions);
    lastProcessor.set(new MadeProcessor(runNow, collectVersions, made));
    return made;
  }

  private DocumentProcessor processor(Instant runNow, boolean collectVersions) {
    IssuePolicy policy = policy(suppressions, runNow);
    List<Stage> stages = new ArrayList<>();
    stages.add(engine);
    stages.add(
        new RuleStage(
            config, runNow, policy::runs, internalErrors, this::stateMachine, custom::javaRules));
    Stage fileRules = custom.fileRuleStage(policy::runs);
    if (fileRules != null) {
      stages.add(fileRules);
    }
    TransitionEngine transitions =
        new TransitionEngine(
            config,
            runNow,
            policy::runs,
            this::stateMachine,
            stuckAfter,
            internalErrors,
            custom::transitionRules);
    return new DocumentProcessor(
        stages, fhirVersion, policy, internalErrors, transitions, collectVersions, documentLimits);
  }

  /** The issue policy of this instance's settings and custom rules, at {@code at}. */
  private IssuePolicy policy(List<Suppression> withSuppressions, Instant at) {
    return new IssuePolicy(
        ruleSet, severities, off, withSuppressions, at, custom.entries(), advisors);
  }

  /**
   * The state machine in force for a release: the user's table when it covers the release, else the
   * rule set's built-in one.
   */
  private StateMachine stateMachine(FhirRelease release) {
    if (stateMachine != null && stateMachine.appliesTo(release)) {
      return stateMachine;
    }
    return StateMachineFiles.builtIn(ruleSet, release);
  }

  private Instant now() {
    return now != null ? now : clock.instant();
  }

  private IssuePolicy pairPolicy() {
    IssuePolicy p = pairPolicy;
    Instant current = now();
    if (!p.sameDay(current)) {
      p = policy(suppressions, current);
      pairPolicy = p;
    }
    return p;
  }

  /**
   * The transition findings of one update of a Task, from its previous version to its new one: what
   * a server can run on every update (no structure validation; microseconds per call). Uses this
   * instance's rule set, overrides, suppressions and state machine. The findings are located in
   * {@code after}.
   *
   * @param before the previous version, FHIR JSON or XML
   * @param after the new version, FHIR JSON or XML
   * @throws IllegalArgumentException when a version does not parse or is not a Task
   * @see dev.taskcheck.hapi.HapiTasks#checkTransition for HAPI model objects
   */
  public List<Issue> checkTransition(String before, String after) {
    return transitionCheck.check(before, after);
  }

  /** The transition-15 threshold ({@code --stuck-after}), null when none is set. */
  public @Nullable Duration stuckAfter() {
    return stuckAfter;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The HAPI FHIR version the reference engine runs on. */
  public static String hapiVersion() {
    return BUILD.getProperty("hapi.version", "unknown");
  }

  /** The TaskCheck version, such as {@code 0.1.0}. */
  public static String version() {
    return VERSION;
  }

  /**
   * The catalog: every built-in rule, then the ids the structure engine reports under ({@code
   * structure-type}, ...). Base invariants keep their FHIR keys ({@code inv-1}) and are not listed.
   */
  public static List<RuleInfo> catalog() {
    List<RuleInfo> out = new ArrayList<>(RuleCatalog.builtIn());
    for (Map.Entry<String, String> e : StructureIds.SUMMARIES.entrySet()) {
      Severity severity =
          e.getKey().equals(StructureIds.PARSE)
                  || e.getKey().equals(StructureIds.INPUT)
                  || e.getKey().equals(StructureIds.INTERNAL)
              ? Severity.FATAL
              : Severity.ERROR;
      out.add(
          new RuleInfo(
              e.getKey(),
              engineName(e.getKey()),
              "structure",
              severity,
              List.of(FhirRelease.values()),
              e.getValue(),
              RuleInfo.Kind.ENGINE,
              List.of("SPEC"),
              "0.1.0"));
    }
    for (Map.Entry<String, String> e :
        new java.util.TreeMap<>(DocumentLimits.SUMMARIES).entrySet()) {
      out.add(
          new RuleInfo(
              e.getKey(),
              engineName(e.getKey()),
              "structure",
              Severity.FATAL,
              List.of(FhirRelease.values()),
              e.getValue(),
              RuleInfo.Kind.ENGINE,
              List.of("SPEC"),
              "0.2.0"));
    }
    return List.copyOf(out);
  }

  /**
   * The catalog of this instance: {@link #catalog()} with the custom rules (rule files, plug-ins)
   * after the built-in ones, at their default severities.
   */
  public List<RuleInfo> rules() {
    if (custom.isEmpty()) {
      return catalog();
    }
    List<RuleInfo> all = catalog();
    int builtIn = RuleCatalog.builtIn().size();
    List<RuleInfo> out = new ArrayList<>(all.subList(0, builtIn));
    out.addAll(custom.infos());
    out.addAll(all.subList(builtIn, all.size()));
    return List.copyOf(out);
  }

  private static String engineName(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-", -1)) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  /** The FHIR release every input is validated against, or null when it is decided per document. */
  public @Nullable FhirRelease fhirVersion() {
    return fhirVersion;
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** The suppressions in force, including expired ones (which no longer apply). */
  public List<Suppression> suppressions() {
    return suppressions;
  }

  /**
   * Checks that {@code id} can be overridden or suppressed: a catalog rule, a structure id that is
   * not fatal, or a base invariant key such as {@code dom-6}.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static void checkRuleId(String id) {
    if (RuleCatalog.find(id) != null) {
      return;
    }
    if (id.equals(StructureIds.PARSE)
        || id.equals(StructureIds.INPUT)
        || id.equals(StructureIds.INTERNAL)
        || DocumentLimits.SUMMARIES.containsKey(id)) {
      throw new IllegalArgumentException(
          "'"
              + id
              + "' reports input that cannot be read; it cannot be overridden"
              + " or suppressed");
    }
    if (StructureIds.SUMMARIES.containsKey(id)) {
      return;
    }
    if (RuleCatalog.isCatalogCategory(id) || !BASE_INVARIANT_KEY.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "unknown rule id '" + id + "' ('taskcheck rules' lists them)");
    }
  }

  /**
   * The form of a FHIR constraint key ({@code dom-6}, {@code tsk-1}, {@code ext-1}) or of a custom
   * rule's id ({@code acme-task-2}).
   */
  private static final Pattern BASE_INVARIANT_KEY =
      Pattern.compile("[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-[0-9]+");

  /**
   * Loads the definitions of a FHIR release now, rather than when the first document needs them
   * (useful in a server, so the first request does not pay for it).
   */
  public TaskCheck preload(FhirRelease release) {
    if (engineChoice != EngineChoice.FAST) {
      reference.get().preload(release);
    }
    if (engineChoice != EngineChoice.REFERENCE) {
      fastEngine.preload(release);
    }
    return this;
  }

  /**
   * Validates the request and keeps every result in memory. For large inputs, prefer the listener
   * form.
   */
  public Report validate(ValidationRequest request) {
    List<Result> results = new ArrayList<>();
    RunInfo[] info = new RunInfo[1];
    RunTotals outcome =
        validate(
            request,
            new ReportListener() {
              @Override
              public void start(RunInfo run) {
                info[0] = run;
              }

              @Override
              public void result(Result result) {
                results.add(result);
              }
            });
    return new Report(info[0], results, outcome.summary(), outcome.timings(), outcome.metrics());
  }

  /**
   * Validates the request, handing each result to {@code listener} in input order as soon as it is
   * ready; nothing is kept in memory. Returns the run's counts and timings.
   */
  public RunTotals validate(ValidationRequest request, ReportListener listener) {
    Objects.requireNonNull(request);
    Objects.requireNonNull(listener);
    RunInfo run =
        new RunInfo(
            "taskcheck",
            VERSION,
            fhirVersion == null ? "auto" : fhirVersion.code(),
            ruleSet,
            engine.name(),
            now != null ? now : clock.instant(),
            Instant.now(),
            rulesInForce(),
            absolute(request.workingDirectory()));
    return drive(request, run.now(), (pipeline, sources) -> pipeline.run(sources, run, listener));
  }

  /** What a {@link Pipeline} gives for the sources of a request. */
  private interface Drive<T> {
    T over(Pipeline pipeline, Sources sources) throws InterruptedException;
  }

  /**
   * Opens the request's sources and hands them, with the pipeline that checks them, to {@code d}.
   */
  private <T> T drive(ValidationRequest request, Instant runNow, Drive<T> d) {
    boolean given = request.versionsInGivenOrder();
    try (Sources sources =
        Sources.open(request.inputs(), request.workingDirectory(), request.stdin(), limits)) {
      Pipeline pipeline =
          new Pipeline(processorFor(runNow, history || given), threads)
              .histories(stuckAfter, given);
      return d.over(pipeline, sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCheckException("the validation was interrupted", e);
    }
  }

  /**
   * The results {@link #validate(ValidationRequest, ReportListener)} would hand its listener, in
   * order, without the run's information, counts, timings and metrics, which nobody reads here.
   */
  private List<Result> results(ValidationRequest request) {
    return drive(request, now != null ? now : clock.instant(), Pipeline::results);
  }

  /** A working directory and its absolute form. */
  private record Directory(Path given, String absolute) {}

  /**
   * The last directory {@link #absolute} made absolute: nearly every call gives the same one (the
   * process's), and making it absolute again cost 0.4% of a small Task's {@link #validateText}.
   */
  private static volatile @Nullable Directory lastDirectory;

  private static String absolute(Path directory) {
    Directory last = lastDirectory;
    if (last != null && last.given().equals(directory)) {
      return last.absolute();
    }
    String absolute = directory.toAbsolutePath().normalize().toString();
    lastDirectory = new Directory(directory, absolute);
    return absolute;
  }

  /**
   * The catalog entries this instance checks, each at the severity it has here (rule set and
   * overrides applied): the rules a report lists as checked.
   */
  public List<RuleInfo> rulesInForce() {
    List<RuleInfo> known = inForce;
    if (known == null) {
      known = computeRulesInForce();
      inForce = known; // the same list from any thread that races here
    }
    return known;
  }

  /** {@link #rulesInForce()}, computed once: the settings it reads never change. */
  private volatile @Nullable List<RuleInfo> inForce;

  private List<RuleInfo> computeRulesInForce() {
    IssuePolicy policy = policy(List.of(), Instant.EPOCH);
    List<RuleInfo> out = new ArrayList<>();
    for (RuleInfo r : rules()) {
      Severity s = policy.severityOf(r);
      if (s != null && (fhirVersion == null || r.versions().contains(fhirVersion))) {
        out.add(r.withSeverity(s));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Validates one document given as text (JSON, XML or NDJSON); {@code sourceName} names it in
   * results.
   */
  public List<Result> validateText(String text, String sourceName) {
    Objects.requireNonNull(text);
    ValidationRequest request =
        ValidationRequest.builder().input("-").stdin(() -> new TextInput(text)).build();
    List<Result> results = results(request);
    List<Result> renamed = new ArrayList<>(results.size());
    for (Result r : results) {
      renamed.add(
          new Result(
              sourceName,
              r.location(),
              r.line(),
              r.resource(),
              r.versionId(),
              r.fhirVersion(),
              r.fhirVersionReason(),
              r.issues(),
              r.suppressed(),
              r.engine()));
    }
    return renamed;
  }

  private static Properties readBuildProperties() {
    Properties p = new Properties();
    try (InputStream in = TaskCheck.class.getResourceAsStream("taskcheck.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Configures a {@link TaskCheck}; every setting has a default. */
  public static final class Builder {
    private @Nullable FhirRelease fhirVersion;
    private RuleSet ruleSet = RuleSet.RECOMMENDED;
    private Clock clock = Clock.systemUTC();
    private @Nullable Instant now;
    private int threads = Runtime.getRuntime().availableProcessors();
    private SourceLimits limits = SourceLimits.defaults();
    private DocumentLimits documentLimits = DocumentLimits.DEFAULTS;
    private Consumer<Throwable> internalErrors = t -> {};
    private RuleConfig config = RuleConfig.defaults();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final Set<String> off = new LinkedHashSet<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private @Nullable StateMachine stateMachine;
    private @Nullable Duration stuckAfter;
    private boolean history;
    private EngineChoice engineChoice = EngineChoice.AUTO;

    private Builder() {}

    /**
     * Which structure engine checks documents: {@code auto} (the default: the fast engine where it
     * covers a document, the reference engine, loaded only then, elsewhere), {@code fast} or {@code
     * reference}.
     */
    public Builder engine(EngineChoice choice) {
      this.engineChoice = Objects.requireNonNull(choice);
      return this;
    }

    /** {@code auto}, {@code fast} or {@code reference}. */
    public Builder engine(String choice) {
      return engine(EngineChoice.fromCode(choice));
    }

    /** What the rules need to know (progress output types, over-delivery, clock skew, counting). */
    public Builder config(RuleConfig c) {
      this.config = Objects.requireNonNull(c);
      return this;
    }

    /**
     * Sets one rule's severity, whatever the rule set says; this also switches on a rule the rule
     * set leaves out.
     *
     * @throws IllegalArgumentException for an unknown id or a fatal severity
     */
    public Builder ruleSeverity(String id, Severity severity) {
      checkRuleId(id);
      if (severity == Severity.FATAL) {
        throw new IllegalArgumentException("a rule cannot be made fatal (" + id + "): use error");
      }
      off.remove(id);
      severities.put(id, severity);
      return this;
    }

    /** Switches a rule off. @throws IllegalArgumentException for an unknown id */
    public Builder ruleOff(String id) {
      checkRuleId(id);
      severities.remove(id);
      off.add(id);
      return this;
    }

    /**
     * Applies an override written {@code ID=off|information|warning|error} (the CLI's {@code
     * --rule}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public Builder rule(String override) {
      int eq = override.indexOf('=');
      if (eq <= 0 || eq == override.length() - 1) {
        throw new IllegalArgumentException(
            "'" + override + "' is not ID=LEVEL (e.g. status-8=off, date-3=error)");
      }
      String id = override.substring(0, eq).trim();
      String level = override.substring(eq + 1).trim();
      if (level.equalsIgnoreCase("off")) {
        return ruleOff(id);
      }
      Severity s;
      try {
        s = Severity.fromCode(level);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'"
                + override
                + "': unknown level '"
                + level
                + "' (expected off, information, warning or error)",
            e);
      }
      return ruleSeverity(id, s);
    }

    /**
     * Adds suppressions (see {@link ConfigFiles#readSuppressions}).
     *
     * @throws IllegalArgumentException when one names an unknown rule id
     */
    public Builder suppressions(List<Suppression> list) {
      for (Suppression s : list) {
        try {
          checkRuleId(s.ruleId());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(s.origin() + ": " + e.getMessage(), e);
        }
      }
      suppressions.addAll(list);
      return this;
    }

    /**
     * Validate every input against this release; by default the release is decided per document.
     */
    public Builder fhirVersion(@Nullable FhirRelease release) {
      this.fhirVersion = release;
      return this;
    }

    /** {@code auto}, {@code R4}, {@code R4B} or {@code R5}. */
    public Builder fhirVersion(String release) {
      return fhirVersion(
          "auto".equalsIgnoreCase(release.trim()) ? null : FhirRelease.parse(release));
    }

    public Builder ruleSet(RuleSet set) {
      this.ruleSet = Objects.requireNonNull(set);
      return this;
    }

    /** The clock time-relative rules read; the system clock by default. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    /** A fixed "now" for time-relative rules (reproducible runs); overrides the clock. */
    public Builder now(@Nullable Instant instant) {
      this.now = instant;
      return this;
    }

    /** Worker threads; all cores by default, at most 4 per core and 256 used whatever is asked. */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + count);
      }
      this.threads = count;
      return this;
    }

    /** The largest document read into memory, in bytes (NDJSON lines are bounded separately). */
    public Builder maxDocumentBytes(long bytes) {
      this.limits = new SourceLimits(bytes, limits.maxLineBytes());
      return this;
    }

    /**
     * The deepest nesting of a document: JSON objects and arrays, or XML elements (narrative
     * included); 100 by default, at most 200. Deeper documents get a {@code limit-depth} fatal.
     */
    public Builder maxDepth(int levels) {
      this.documentLimits = documentLimits.withMaxDepth(levels);
      return this;
    }

    /**
     * The most properties of one JSON object (in XML: runs of differently named child elements of
     * one element); 1,000 by default. More gives a {@code limit-keys} fatal.
     */
    public Builder maxKeysPerObject(int keys) {
      this.documentLimits = documentLimits.withMaxKeysPerObject(keys);
      return this;
    }

    /**
     * The deepest nesting of contained resources; 5 by default. Deeper gives a {@code
     * limit-contained-depth} fatal.
     */
    public Builder maxContainedDepth(int levels) {
      this.documentLimits = documentLimits.withMaxContainedDepth(levels);
      return this;
    }

    /**
     * The work budget of one document: the most elements (properties, array items, XML elements) it
     * may have; 200,000 by default. More gives a {@code limit-work} fatal.
     */
    public Builder maxElementsPerDocument(int elements) {
      this.documentLimits = documentLimits.withMaxNodes(elements);
      return this;
    }

    /** The longest NDJSON line, in bytes. */
    public Builder maxLineBytes(int bytes) {
      this.limits = new SourceLimits(limits.maxDocumentBytes(), bytes);
      return this;
    }

    /**
     * Told about every failure of TaskCheck itself on a document (the document then gets an {@code
     * internal-error} issue and the run goes on). Nothing by default.
     */
    public Builder onInternalError(Consumer<Throwable> handler) {
      this.internalErrors = Objects.requireNonNull(handler);
      return this;
    }

    /**
     * Reads a state machine table ({@code --state-machine FILE}; the format is in
     * docs/state-machines.md).
     *
     * @throws IllegalArgumentException {@code file:line: what is wrong}
     */
    public Builder stateMachine(@Nullable Path file) {
      this.stateMachine = file == null ? null : StateMachineFiles.read(file);
      return this;
    }

    /**
     * Reports Tasks not in a terminal status whose latest version is older than this
     * (transition-15), and lists them in the lifecycle metrics; off (null) by default.
     */
    public Builder stuckAfter(@Nullable Duration threshold) {
      if (threshold != null && (threshold.isNegative() || threshold.isZero())) {
        throw new IllegalArgumentException(
            "the stuck threshold must be positive, got " + threshold);
      }
      this.stuckAfter = threshold;
      return this;
    }

    /**
     * Groups the Tasks of all inputs into histories (by id, or by a shared identifier when ids
     * differ) and checks the transitions between their versions ({@code --history}). A history
     * Bundle is always read as a history, with or without this.
     */
    public Builder history(boolean groupVersions) {
      this.history = groupVersions;
      return this;
    }

    /**
     * Loads an IG package beside the core definitions (repeatable; {@code --ig}): a {@code .tgz}, a
     * package folder, or {@code id#version} in the local FHIR package cache. Its dependencies are
     * found among the packages given and in the cache; nothing is ever downloaded. A Task is
     * checked against each profile of these packages that its {@code meta.profile} claims. Packages
     * are read by {@link #build()}, which throws {@link IllegalArgumentException} naming the
     * package and the problem.
     */
    public Builder ig(String spec) {
      igSpecs.add(Objects.requireNonNull(spec));
      return this;
    }

    /**
     * Checks every Task against this profile, claimed or not (repeatable; {@code --profile}); a
     * loaded IG package (or the core) must define it.
     */
    public Builder profile(String canonicalUrl) {
      profiles.add(Objects.requireNonNull(canonicalUrl));
      return this;
    }

    /**
     * The FHIR package cache to look {@code id#version} packages up in; {@code FHIR_PACKAGE_CACHE}
     * or {@code ~/.fhir/packages} by default. It is only read.
     */
    public Builder packageCache(Path directory) {
      this.packageCache = Objects.requireNonNull(directory);
      return this;
    }

    /**
     * The folder relative {@link #ig} paths are resolved against; the working directory by default.
     */
    public Builder packageBase(Path directory) {
      this.packageBase = Objects.requireNonNull(directory);
      return this;
    }

    /**
     * Adds a FHIRPath rule file, YAML or JSON (repeatable; {@code --rules}): its rules join the
     * catalog like built-in ones. Files are read by {@link #build()}, which throws {@link
     * IllegalArgumentException} naming the file, the line and the problem.
     */
    public Builder ruleFile(Path file) {
      ruleFiles.put(Objects.requireNonNull(file), file.toString());
      return this;
    }

    /**
     * Looks for rule plug-ins ({@code META-INF/services/dev.taskcheck.rules.Rule} or {@code
     * ...TransitionRule}) in this class loader too (repeatable; the CLI's {@code --plugin-path}).
     * The library's own class loader is always looked in. A plug-in with bad metadata makes {@link
     * #build()} throw {@link IllegalArgumentException} naming the class.
     */
    public Builder pluginLoader(ClassLoader loader) {
      pluginLoaders.add(Objects.requireNonNull(loader));
      return this;
    }

    /**
     * Reads an HL7 validator advisor file ({@code -advisor-file}; repeatable; {@code
     * --advisor-file}): JSON {@code {"suppress": ["messageId", "messageId@path"]}} or text lines
     * {@code - messageId[@path]}. Its rules suppress the structure engine's findings (either
     * engine); each suppressed finding is kept aside with the rule and its file and line. Read by
     * {@link #build()}, which throws {@link IllegalArgumentException} naming the file and the
     * problem.
     */
    public Builder advisorFile(Path file) {
      advisorFiles.add(Objects.requireNonNull(file));
      return this;
    }

    private final List<Path> advisorFiles = new ArrayList<>();

    private final Map<Path, String> ruleFiles = new LinkedHashMap<>();
    private final List<ClassLoader> pluginLoaders = new ArrayList<>();

    private CustomRules loadCustomRules() {
      List<ClassLoader> loaders = new ArrayList<>();
      loaders.add(TaskCheck.class.getClassLoader());
      loaders.addAll(pluginLoaders);
      return CustomRules.load(
          ruleFiles,
          loaders,
          id ->
              RuleCatalog.find(id) != null
                  || StructureIds.SUMMARIES.containsKey(id)
                  || DocumentLimits.SUMMARIES.containsKey(id));
    }

    private final List<String> igSpecs = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    private @Nullable Path packageCache;
    private Path packageBase = Path.of("");

    private IgSet loadIgs() {
      if (igSpecs.isEmpty()) {
        return IgSet.NONE;
      }
      return IgPackages.load(
          igSpecs, packageCache != null ? packageCache : IgPackages.defaultCache(), packageBase);
    }

    public TaskCheck build() {
      return new TaskCheck(this);
    }
  }
}
