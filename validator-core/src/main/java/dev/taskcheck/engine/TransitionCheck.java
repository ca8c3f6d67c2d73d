package dev.taskcheck.engine;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.ParseFailure;
import dev.taskcheck.parse.ParseOutcome;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.source.LocatedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The transition rules over one update of a Task (its previous and its new version), for a server
 * that checks every update: no structure validation, no files, no threads; the two versions are
 * parsed, reduced to their {@link TaskVersion} snapshots and checked as a pair. Thread-safe.
 */
public final class TransitionCheck {

  private final TransitionEngine engine;
  private final Supplier<IssuePolicy> policy;
  private final @Nullable FhirRelease fixedRelease;

  /**
   * @param policy the policy of the moment (rule set, overrides, suppressions at today's date)
   * @param fixedRelease the release both versions are read as, or null to decide from their content
   */
  public TransitionCheck(
      TransitionEngine engine, Supplier<IssuePolicy> policy, @Nullable FhirRelease fixedRelease) {
    this.engine = Objects.requireNonNull(engine);
    this.policy = Objects.requireNonNull(policy);
    this.fixedRelease = fixedRelease;
  }

  /**
   * The transition findings of the update from {@code before} to {@code after} (FHIR JSON or XML of
   * a Task), located in {@code after} ({@code Task.status}, with its line).
   *
   * @throws IllegalArgumentException when a version does not parse or is not a Task, naming which
   *     and where
   */
  public List<Issue> check(String before, String after) {
    LocatedResource beforeTask = parse(before, "before");
    LocatedResource afterTask = parse(after, "after");
    ReleaseChoice afterRelease = release(afterTask);
    ReleaseChoice beforeRelease = release(beforeTask);
    if (beforeRelease.release() != afterRelease.release()) {
      // a Task does not change release between versions; read both as the newer one's
      beforeRelease = new ReleaseChoice(afterRelease.release(), "as the after version");
    }
    TaskVersion b =
        VersionReader.read(beforeTask, "before", beforeRelease.release(), beforeRelease.reason());
    TaskVersion a =
        VersionReader.read(afterTask, "after", afterRelease.release(), afterRelease.reason());
    TaskHistory pair = Histories.given(List.of(b, a), TaskHistory.Kind.PAIR);
    Map<TaskVersion, List<Issue>> found = engine.check(pair);
    List<Issue> out = new ArrayList<>();
    for (TaskVersion v : pair.versions()) {
      List<Issue> issues = found.get(v);
      if (issues != null) {
        out.addAll(policy.get().apply(issues, v.taskPath(), false, v.source()).kept());
      }
    }
    return out;
  }

  private ReleaseChoice release(LocatedResource task) {
    return fixedRelease != null
        ? new ReleaseChoice(fixedRelease, "set by the fhirVersion option")
        : ReleaseDetector.detect(List.of(task));
  }

  private static LocatedResource parse(String text, String which) {
    Objects.requireNonNull(text, which);
    ParseOutcome outcome = DocumentParser.parseText(text, 1);
    if (outcome instanceof ParseFailure f) {
      throw new IllegalArgumentException(
          which + ":" + f.line() + ":" + f.column() + ": " + f.message());
    }
    ParsedDocument doc = (ParsedDocument) outcome;
    if (!"Task".equals(doc.resourceType())) {
      throw new IllegalArgumentException(which + ": expected a Task, got a " + doc.resourceType());
    }
    return new LocatedResource(doc.root(), "Task", null, doc.root().line());
  }
}
