package dev.taskcheck.engine;

import dev.taskcheck.fhir.ResourceTypes;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.DocumentLimits;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.ParseFailure;
import dev.taskcheck.parse.ParseOutcome;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.source.LocatedResource;
import dev.taskcheck.source.RawDocument;
import dev.taskcheck.source.ResourceLocator;
import dev.taskcheck.source.SourceItem;
import dev.taskcheck.source.SourceProblem;
import dev.taskcheck.source.TextDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything that happens to one source item, on a worker thread: parse, find the Tasks, choose the
 * release, run the stages, and put each finding on the Task it concerns. Never throws: a failure of
 * TaskCheck itself becomes an {@code internal-error} issue on that document.
 */
public final class DocumentProcessor {

  private static final Comparator<Issue> ORDER =
      Comparator.comparing((Issue i) -> i.line() == null ? Integer.MAX_VALUE : i.line())
          .thenComparing(i -> i.column() == null ? Integer.MAX_VALUE : i.column())
          .thenComparing(Issue::ruleId)
          .thenComparing(i -> Objects.toString(i.expression(), ""));

  private final List<Stage> stages;
  private final @Nullable FhirRelease fixedRelease;
  private final Consumer<Throwable> internalErrors;
  private final IssuePolicy policy;
  private final @Nullable TransitionEngine transitions;
  private final boolean collectVersions;
  private final DocumentLimits limits;

  /**
   * @param fixedRelease the release every document is validated against, or null to decide per
   *     document
   * @param policy what happens to each Task's findings after the stages (rule set, overrides,
   *     suppressions)
   * @param internalErrors told about every failure of TaskCheck itself (the CLI prints them with
   *     --debug)
   */
  public DocumentProcessor(
      List<Stage> stages,
      @Nullable FhirRelease fixedRelease,
      IssuePolicy policy,
      Consumer<Throwable> internalErrors) {
    this(stages, fixedRelease, policy, internalErrors, null, false);
  }

  /**
   * @param transitions the per-history stage: run on history Bundles, and on single Tasks for the
   *     stuck check; null for none
   * @param collectVersions true to hand every Task version to the pipeline, which groups them into
   *     histories across documents ({@code --history}) and calls {@link #histories}
   */
  public DocumentProcessor(
      List<Stage> stages,
      @Nullable FhirRelease fixedRelease,
      IssuePolicy policy,
      Consumer<Throwable> internalErrors,
      @Nullable TransitionEngine transitions,
      boolean collectVersions) {
    this(
        stages,
        fixedRelease,
        policy,
        internalErrors,
        transitions,
        collectVersions,
        DocumentLimits.DEFAULTS);
  }

  /**
   * @param limits the per-document budgets (depth, keys per object, contained depth, elements) the
   *     parser enforces; a document over one gets one fatal finding
   */
  public DocumentProcessor(
      List<Stage> stages,
      @Nullable FhirRelease fixedRelease,
      IssuePolicy policy,
      Consumer<Throwable> internalErrors,
      @Nullable TransitionEngine transitions,
      boolean collectVersions,
      DocumentLimits limits) {
    this.limits = java.util.Objects.requireNonNull(limits);
    this.stages = List.copyOf(stages);
    this.fixedRelease = fixedRelease;
    this.policy = policy;
    this.internalErrors = internalErrors;
    this.transitions = transitions;
    this.collectVersions = collectVersions && transitions != null;
  }

  /**
   * A processor with the default policy: the recommended rule set, no overrides, no suppressions.
   */
  public DocumentProcessor(
      List<Stage> stages, @Nullable FhirRelease fixedRelease, Consumer<Throwable> internalErrors) {
    this(
        stages,
        fixedRelease,
        new IssuePolicy(RuleSet.RECOMMENDED, Map.of(), Set.of(), List.of(), Instant.now()),
        internalErrors);
  }

  public Processed process(SourceItem item) {
    try {
      if (item instanceof SourceProblem p) {
        Issue issue =
            new Issue(
                StructureIds.INPUT,
                p.severity(),
                p.issueType(),
                null,
                p.line(),
                null,
                "'" + p.source() + "': " + p.message(),
                IssueSource.PARSER,
                null);
        return new Processed(List.of(unparsed(p.source(), p.line(), issue)), 0, 0, 0, null);
      }
      if (item instanceof TextDocument t) {
        return processDocument(
            t.source(), t.firstLine(), DocumentParser.parseLine(t.text(), t.firstLine(), limits));
      }
      RawDocument raw = (RawDocument) item;
      return processDocument(
          raw.source(),
          raw.firstLine(),
          DocumentParser.parse(raw.bytes(), raw.firstLine(), limits));
    } catch (RuntimeException | StackOverflowError e) {
      internalErrors.accept(e);
      Integer line = item.documentLine();
      Issue issue =
          new Issue(
              StructureIds.INTERNAL,
              Severity.FATAL,
              "exception",
              null,
              line,
              null,
              "TaskCheck failed on this document ("
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage())
                  + "); the other documents were checked. Run with --debug for details, and please report it.",
              IssueSource.PARSER,
              null);
      return new Processed(List.of(unparsed(item.source(), line, issue)), 1, 0, 0, null);
    }
  }

  private Processed processDocument(String source, int firstLine, ParseOutcome outcome) {
    if (outcome instanceof ParseFailure f) {
      Issue issue =
          new Issue(
              f.ruleId(),
              Severity.FATAL,
              f.issueType(),
              null,
              f.line(),
              f.column(),
              f.message(),
              IssueSource.PARSER,
              null);
      return new Processed(List.of(unparsed(source, firstLine, issue)), 1, 0, 0, null);
    }
    ParsedDocument doc = (ParsedDocument) outcome;
    if (!ResourceTypes.isKnown(doc.resourceType())) {
      Issue issue =
          new Issue(
              StructureIds.PARSE,
              Severity.FATAL,
              "structure",
              null,
              doc.root().line(),
              doc.root().column(),
              "'"
                  + doc.resourceType()
                  + "' is not a FHIR resource type, so this is not a FHIR resource",
              IssueSource.PARSER,
              null);
      return new Processed(List.of(unparsed(source, firstLine, issue)), 1, 0, 0, null);
    }
    List<LocatedResource> all = ResourceLocator.resources(doc);
    List<LocatedResource> tasks = new ArrayList<>();
    for (LocatedResource r : all) {
      if (r.resourceType().equals("Task")) {
        tasks.add(r);
      }
    }
    int skipped = all.size() - tasks.size();
    if (tasks.isEmpty()) {
      return new Processed(List.of(), 1, 0, skipped, null);
    }
    ReleaseChoice release =
        fixedRelease != null
            ? new ReleaseChoice(fixedRelease, "set by the fhirVersion option")
            : ReleaseDetector.detect(tasks);
    DocumentUnit unit = new DocumentUnit(source, doc, release, tasks);

    List<List<Issue>> perTask = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      perTask.add(new ArrayList<>());
    }
    List<Issue> documentLevel = new ArrayList<>();
    DocumentSink sink = new DocumentSink(tasks, perTask, documentLevel);
    for (Stage stage : stages) {
      stage.check(unit, sink);
    }
    String engine = sink.engine;
    List<TaskVersion> versions = new ArrayList<>();
    List<MetricsCollector.HistoryMetrics> histories = new ArrayList<>();
    if (transitions != null) {
      checkHistories(unit, sink, versions, histories);
    }

    List<Result> results = new ArrayList<>(tasks.size() + 1);
    // most documents have no finding outside their Tasks: nothing to grade then
    IssuePolicy.Outcome envelopeOutcome =
        documentLevel.isEmpty()
            ? IssuePolicy.Outcome.NONE
            : policy.apply(
                documentLevel.stream().filter(i -> i.severity().isAtLeast(Severity.ERROR)).toList(),
                null,
                false,
                source);
    List<Issue> envelope = envelopeOutcome.kept();
    if (!envelope.isEmpty() || !envelopeOutcome.suppressed().isEmpty()) {
      // errors in a Bundle outside every Task (its type, its fullUrls): the Tasks' container is
      // broken
      String id = doc.root().childValue("id");
      results.add(
          new Result(
              source,
              null,
              doc.root().line(),
              id == null ? doc.resourceType() : doc.resourceType() + "/" + id,
              null,
              release.release(),
              release.reason(),
              sorted(envelope),
              envelopeOutcome.suppressed(),
              engine));
    }
    for (int i = 0; i < tasks.size(); i++) {
      LocatedResource t = tasks.get(i);
      boolean enteredInError = "entered-in-error".equals(t.node().childValue("status"));
      IssuePolicy.Outcome applied =
          policy.apply(withoutMissingReason(perTask.get(i), t), t.path(), enteredInError, source);
      results.add(
          new Result(
              source,
              t.location(),
              t.line(),
              t.label(),
              t.versionId(),
              release.release(),
              release.reason(),
              sorted(applied.kept()),
              applied.suppressed(),
              engine));
    }
    return new Processed(
        results, 1, tasks.size(), skipped, release.release(), versions, histories, engine);
  }

  /**
   * The findings of a Task without "no statusReason" (failure-2, failure-3) when the Task has a
   * statusReason the release cannot read (it holds only elements foreign to the release, as an R5
   * {@code concept} in an R4 Task): the reference engine then reads the statusReason as absent and
   * reports failure-2 or failure-3 beside failure-4 ("statusReason unreadable") and the unknown
   * element. A statusReason is there, so failure-4 alone says what is wrong with it (the fast
   * engine already reads it so).
   */
  private static List<Issue> withoutMissingReason(List<Issue> issues, LocatedResource task) {
    if (task.node().child("statusReason") == null) {
      return issues;
    }
    List<Issue> kept = new ArrayList<>(issues.size());
    for (Issue i : issues) {
      boolean missingReason =
          (i.ruleId().equals("failure-2") || i.ruleId().equals("failure-3"))
              && task.path().equals(i.expression());
      if (!missingReason) {
        kept.add(i);
      }
    }
    return kept;
  }

  /**
   * The per-history stage of one document: a history Bundle's Tasks are grouped into histories and
   * checked here; with {@code --history} every version is handed on instead; a Task on its own is
   * checked for being stuck when a threshold is set.
   */
  private void checkHistories(
      DocumentUnit unit,
      IssueSink sink,
      List<TaskVersion> collected,
      List<MetricsCollector.HistoryMetrics> histories) {
    TransitionEngine engine = Objects.requireNonNull(transitions);
    boolean historyBundle =
        "Bundle".equals(unit.document().resourceType())
            && "history".equals(unit.document().root().childValue("type"));
    if (!collectVersions && !historyBundle && engine.stuckAfter() == null) {
      return;
    }
    List<TaskVersion> versions = new ArrayList<>();
    for (int i = 0; i < unit.tasks().size(); i++) {
      versions.add(
          VersionReader.read(
              unit.tasks().get(i),
              unit.source(),
              unit.release().release(),
              unit.release().reason()));
    }
    if (collectVersions) {
      collected.addAll(versions);
      return;
    }
    List<TaskHistory> found = new ArrayList<>();
    if (historyBundle) {
      for (List<TaskVersion> group : Histories.group(versions)) {
        found.add(Histories.ordered(group));
      }
    } else {
      for (TaskVersion v : versions) {
        found.add(Histories.given(List.of(v), TaskHistory.Kind.SINGLE));
      }
    }
    for (TaskHistory h : found) {
      engine.check(h).values().forEach(list -> list.forEach(sink::add));
      LifecycleMetrics.StuckTask stuck = engine.stuck(h);
      if (h.kind() == TaskHistory.Kind.HISTORY || stuck != null) {
        histories.add(MetricsCollector.measure(h, stuck, engine::machine));
      }
    }
  }

  /**
   * The per-history stage over versions gathered from many documents ({@code --history}, {@code
   * diff}): groups them by Task (ordered by versionId, ..., or kept in the given order), checks
   * each history, and returns a result for every version with findings, plus the histories'
   * measures.
   */
  public Processed histories(List<TaskVersion> versions, boolean givenOrder) {
    TransitionEngine engine = Objects.requireNonNull(transitions);
    List<TaskHistory> found = new ArrayList<>();
    for (List<TaskVersion> group : Histories.group(versions)) {
      found.add(
          givenOrder ? Histories.given(group, TaskHistory.Kind.HISTORY) : Histories.ordered(group));
    }
    List<Result> results = new ArrayList<>();
    List<MetricsCollector.HistoryMetrics> measures = new ArrayList<>();
    for (TaskHistory h : found) {
      Map<TaskVersion, List<Issue>> issues = engine.check(h);
      for (TaskVersion v : h.versions()) {
        List<Issue> mine = issues.get(v);
        if (mine == null) {
          continue;
        }
        IssuePolicy.Outcome applied = policy.apply(mine, v.taskPath(), false, v.source());
        if (!applied.kept().isEmpty() || !applied.suppressed().isEmpty()) {
          results.add(
              new Result(
                  v.source(),
                  v.location(),
                  v.line(),
                  v.label(),
                  v.versionId(),
                  v.release(),
                  v.releaseReason(),
                  sorted(applied.kept()),
                  applied.suppressed()));
        }
      }
      measures.add(MetricsCollector.measure(h, engine.stuck(h), engine::machine));
    }
    return new Processed(results, 0, 0, 0, null, List.of(), measures);
  }

  /**
   * The sink of one document: routes each issue to its Task ({@link #route}) and keeps the
   * structure engine a stage said checked the document. Created per document and used by the thread
   * processing it only, so it needs no locking.
   */
  private static final class DocumentSink implements IssueSink {
    private final List<LocatedResource> tasks;
    private final List<List<Issue>> perTask;
    private final List<Issue> documentLevel;
    private @Nullable String engine;

    DocumentSink(
        List<LocatedResource> tasks, List<List<Issue>> perTask, List<Issue> documentLevel) {
      this.tasks = tasks;
      this.perTask = perTask;
      this.documentLevel = documentLevel;
    }

    @Override
    public void add(Issue issue) {
      route(issue, tasks, perTask, documentLevel);
    }

    @Override
    public void checkedBy(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }
  }

  /**
   * Puts an issue on the Task whose path its expression starts with. Issues about a Bundle entry's
   * own elements ({@code Bundle.entry[2].fullUrl}) belong to the Task in that entry; issues about
   * other resources in the document are dropped (those resources are skipped); the rest are
   * document-level.
   */
  private static void route(
      Issue issue,
      List<LocatedResource> tasks,
      List<List<Issue>> perTask,
      List<Issue> documentLevel) {
    String expr = issue.expression();
    if (expr == null) {
      documentLevel.add(issue);
      return;
    }
    int best = -1;
    int bestLength = -1;
    for (int i = 0; i < tasks.size(); i++) {
      String path = tasks.get(i).path();
      String entry =
          path.endsWith(".resource")
              ? path.substring(0, path.length() - ".resource".length())
              : path;
      if (within(expr, path) && path.length() > bestLength) {
        best = i;
        bestLength = path.length();
      } else if (!entry.equals(path) && within(expr, entry) && entry.length() > bestLength) {
        best = i;
        bestLength = entry.length();
      }
    }
    if (best >= 0) {
      perTask.get(best).add(issue);
      return;
    }
    if (tasks.size() == 1 && tasks.get(0).location() == null) {
      perTask.get(0).add(issue);
      return;
    }
    if (expr.startsWith("Bundle.entry[")) {
      return; // about another (skipped) resource of the Bundle, or its entry
    }
    documentLevel.add(issue);
  }

  private static boolean within(String expression, String path) {
    return expression.equals(path)
        || expression.startsWith(path + ".")
        || expression.startsWith(path + "[");
  }

  private static List<Issue> sorted(List<Issue> issues) {
    List<Issue> copy = new ArrayList<>(issues);
    copy.sort(ORDER);
    return copy;
  }

  private static Result unparsed(String source, @Nullable Integer line, Issue issue) {
    return new Result(source, null, line, null, null, null, null, List.of(issue));
  }
}
