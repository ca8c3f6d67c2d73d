package dev.taskcheck.engine.fast;

import dev.taskcheck.engine.DocumentUnit;
import dev.taskcheck.engine.IssueSink;
import dev.taskcheck.engine.ReleaseDetector;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Format;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.XmlFacts;
import dev.taskcheck.plan.Plan;
import dev.taskcheck.plan.Plans;
import dev.taskcheck.plan.TypeDef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The fast structure engine (stages 1 and 2): validates a document from the plan compiled from the
 * definitions, with no HAPI or HL7 class, and reports what the reference engine reports for it
 * (docs/engines/reference-behaviour.md). A document holding something it does not cover is not
 * checked here: {@link #tryCheck} says so, and the caller sends it to the reference engine.
 */
public final class FastEngine implements Stage {

  /**
   * The profile TaskCheck applies to every Task in a second pass (its invariants are catalog
   * rules).
   */
  public static final String TASK_PROFILE =
      "https://taskcheck.dev/fhir/StructureDefinition/taskcheck-task";

  private final boolean taskProfile;

  /**
   * The engines made, by release, read without a lock: every document asks for its engine, and a
   * lock shared by the worker threads was taken and released per document. Replaced whole, under
   * {@link #making}, when an engine is made; a map once published is never changed.
   */
  private volatile Map<FhirRelease, Engine> engines = new EnumMap<>(FhirRelease.class);

  private final Object making = new Object();

  /**
   * @param taskProfile whether each Task is also checked against TaskCheck's Task profile (false
   *     when no profile rule can report in the run)
   */
  public FastEngine(boolean taskProfile) {
    this(taskProfile, IgProfiles.NONE, false);
  }

  /**
   * @param taskProfile whether each Task is also checked against TaskCheck's Task profile
   * @param igProfiles the profiles of the loaded IG packages: a Task that claims one is covered
   *     when it conforms to it ({@link IgConformance}) and the packages compile, else left to the
   *     reference engine
   * @param runProfiles whether every Task is checked against profiles given for the run ({@code
   *     --profile}): then no document is covered
   */
  public FastEngine(boolean taskProfile, IgProfiles igProfiles, boolean runProfiles) {
    this.taskProfile = taskProfile;
    this.fromPackages = igProfiles::defines;
    this.igProfiles = igProfiles;
    this.runProfiles = runProfiles;
  }

  /** Whether a canonical URL names a StructureDefinition of a loaded IG package. */
  private final Predicate<String> fromPackages;

  private final IgProfiles igProfiles;
  private final boolean runProfiles;

  @Override
  public String name() {
    return "fast";
  }

  // package-private: the tests read its tables of walked values
  Engine engine(FhirRelease release) {
    Engine known = engines.get(release);
    if (known != null) {
      return known;
    }
    synchronized (making) {
      known = engines.get(release);
      if (known == null) {
        known =
            new Engine(
                release,
                Plans.of(release),
                url -> igProfiles.codeSystem(release, url),
                fromPackages);
        Map<FhirRelease, Engine> next = new EnumMap<>(engines);
        next.put(release, known);
        engines = next;
      }
      return known;
    }
  }

  /**
   * Loads the plan of a release now rather than on the first document that needs it (nothing for a
   * release without a plan: its documents are not covered).
   */
  public void preload(FhirRelease release) {
    if (Plans.exists(release)) {
      engine(release);
    }
  }

  /**
   * Checks the document, or leaves it: returns null when the findings were added to {@code sink},
   * or the reason the fast engine does not cover the document (then nothing was added).
   */
  public @Nullable String tryCheck(DocumentUnit unit, IssueSink sink) {
    List<Issue> issues;
    try {
      issues = check(unit);
    } catch (NotCovered e) {
      return e.getMessage();
    }
    for (Issue i : issues) {
      sink.add(i);
    }
    return null;
  }

  @Override
  public void check(DocumentUnit unit, IssueSink sink) {
    String reason = tryCheck(unit, sink);
    if (reason != null) {
      throw new IllegalStateException(
          "the fast engine does not cover " + unit.source() + ": " + reason);
    }
    sink.checkedBy(name());
  }

  private List<Issue> check(DocumentUnit unit) {
    if (runProfiles) {
      throw new NotCovered("profiles given for the run (--profile)");
    }
    Node source = unit.document().root();
    boolean bundle = "Bundle".equals(source.resourceType());
    if (!bundle && !"Task".equals(source.resourceType())) {
      throw new NotCovered("a " + source.resourceType() + " document");
    }
    FhirRelease release = unit.release().release();
    if (!Plans.exists(release)) {
      throw new NotCovered(
          "an " + release.code() + " document (the fast engine has no plan for it)");
    }
    Engine engine = engine(release);
    XmlFacts facts = unit.document().xml();
    if (unit.document().format() != Format.JSON && facts == null) {
      throw new NotCovered("an XML document without its parser's facts");
    }
    // an XML document is walked in its JSON form; positions stay those of its XML tree
    Node root = facts == null ? source : XmlShape.reshape(source, facts, engine.types());
    Bundles.Targets targets =
        bundle ? Bundles.taskEntries(root, release, engine.types()) : Bundles.Targets.none();
    Findings out = new Findings(source);
    boolean baseOnly = true;
    if (bundle) {
      // the Bundle's own: a known profile is not covered, an unknown one is a warning about the
      // Bundle, which the routing drops (reference-behaviour.md §4, profile/unknown-on-bundle)
      declaredProfiles(engine, root, "Bundle", out, fromPackages);
      List<Node> all = root.children("entry");
      for (int i = 0; i < all.size(); i++) {
        Node resource = all.get(i).child("resource");
        if (resource != null) {
          declaredProfiles(engine, resource, "Bundle.entry[" + i + "].resource", out, fromPackages);
        }
      }
    } else {
      baseOnly = declaredProfiles(engine, root, out, fromPackages);
    }
    IgClaims claims = bundle ? IgClaims.NONE : igClaims(root, release);
    // the plan's definitions are kept by URL once looked up (Types.type)
    TypeDef profile = taskProfile ? engine.types().type(TASK_PROFILE) : null;
    if (taskProfile && profile == null) {
      throw new NotCovered("TaskCheck's Task profile is missing from the plan");
    }
    Document doc =
        new Document(root, baseOnly, profile, bundle ? root : null, targets, unit.tasks());
    Walker walker = new Walker(engine, doc, out);
    walker.resource(root, Loc.root(root.name()), null, true, profile);
    List<Issue> issues = postProcess(out.issues());
    if (!claims.profiles().isEmpty()) {
      for (Issue i : issues) {
        if (!sameUnderProfile(i)) {
          // the reference engine reports it against the profile as well, in other words
          throw new NotCovered(
              "a Task claiming an IG profile with the finding "
                  + i.ruleId()
                  + " at "
                  + i.expression());
        }
      }
      IgConformance conformance =
          new IgConformance(engine, java.util.Objects.requireNonNull(claims.plan()), root);
      for (TypeDef p : claims.profiles()) {
        conformance.check(p);
      }
    }
    return issues;
  }

  /**
   * Whether the reference engine reports a finding of the base walk once and alike when the Task
   * also claims an IG profile: a core invariant (the profile's snapshot inherits it with its
   * source, and the same finding from both passes is one) or one of TaskCheck's Task profile (its
   * own pass, whatever the Task claims). Others (a cardinality, a binding) come again from the
   * profile's pass, naming the profile.
   */
  private static boolean sameUnderProfile(Issue i) {
    String id = i.messageId();
    if (id == null) {
      return false;
    }
    return (id.startsWith(Types.CORE) && id.indexOf('#') > 0) || id.startsWith(TASK_PROFILE + "#");
  }

  /** The IG profiles a Task claims, compiled, and the plan of the packages (null for none). */
  private record IgClaims(@Nullable Plan plan, List<TypeDef> profiles) {
    static final IgClaims NONE = new IgClaims(null, List.of());
  }

  /**
   * The IG profiles the document's Task claims, compiled; {@link NotCovered} when one is not (the
   * packages' snapshots are not cached yet, or the claimed version is another).
   */
  private IgClaims igClaims(Node root, FhirRelease release) {
    Node meta = root.child("meta");
    if (meta == null || meta.kind() != Node.Kind.OBJECT) {
      return IgClaims.NONE;
    }
    Plan ig = null;
    List<TypeDef> out = new ArrayList<>();
    for (Node p : meta.children("profile")) {
      String url = p.value();
      if (url == null || !fromPackages.test(url)) {
        continue;
      }
      if (ig == null) {
        ig = igProfiles.plan(release);
      }
      if (ig == null) {
        throw new NotCovered("a profile of a loaded IG package not compiled yet (" + url + ")");
      }
      int bar = url.indexOf('|');
      TypeDef def = ig.definition(bar < 0 ? url : url.substring(0, bar));
      if (def == null || (bar >= 0 && !url.substring(bar + 1).equals(def.version()))) {
        throw new NotCovered("a profile of a loaded IG package the plan lacks (" + url + ")");
      }
      out.add(def);
    }
    return out.isEmpty() ? IgClaims.NONE : new IgClaims(ig, out);
  }

  /**
   * The profiles the Task declares: an unknown one is a warning; a known one changes how the
   * reference engine validates the document, which is not covered. Returns whether none is known
   * (the "base only" mode).
   */
  private static boolean declaredProfiles(
      Engine engine, Node root, Findings out, Predicate<String> fromPackages) {
    declaredProfiles(engine, root, "Task", out, fromPackages);
    List<Node> contained = root.children("contained");
    for (int i = 0; i < contained.size(); i++) {
      Node resource = contained.get(i);
      if (resource.kind() == Node.Kind.OBJECT) {
        String at = contained.get(0).inArray() ? "Task.contained[" + i + "]" : "Task.contained";
        declaredProfiles(engine, resource, at, out, fromPackages);
      }
    }
    return true;
  }

  /**
   * The profiles one resource declares, the document's Task or a resource it contains (the
   * reference engine checks both the same way, reference-behaviour.md §15), at {@code at}.
   */
  private static final String CORE_PREFIX = "http://hl7.org/fhir/StructureDefinition/";

  private static void declaredProfiles(
      Engine engine, Node root, String at, Findings out, Predicate<String> fromPackages) {
    Node meta = root.child("meta");
    if (meta == null || meta.kind() != Node.Kind.OBJECT) {
      return;
    }
    List<Node> profiles = new ArrayList<>();
    for (Node c : ParserReads.read(meta)) {
      if (c.name().equals("profile")) {
        profiles.add(c);
      }
    }
    if (!profiles.isEmpty() && !profiles.get(0).inArray()) {
      throw new NotCovered("a meta.profile that is not an array");
    }
    // meta written as an array, or a "_profile" that is not an array (null, {}): the reference
    // engine's parser drops the profiles, and the ones it still finds in the JSON are reported on
    // the resource (type processing; reference-behaviour.md §15)
    Node profileShadow = meta.child("_profile");
    boolean unlocated = meta.inArray() || (profileShadow != null && !profileShadow.inArray());
    if (unlocated && at.startsWith("Bundle.")) {
      // the reference engine reports such profiles on a document's Task, not on a Bundle entry
      throw new NotCovered("a Bundle entry whose meta profiles the parser drops");
    }
    for (int i = 0; i < profiles.size(); i++) {
      Node p = profiles.get(i);
      String url = p.value();
      if (url == null || p.kind() != Node.Kind.STRING) {
        throw new NotCovered("a meta.profile entry without a string value");
      }
      if (ReleaseDetector.namesCoreRelease(url, engine.release())
          && url.startsWith(CORE_PREFIX + root.resourceType() + "|")
          && !at.startsWith("Bundle.")) {
        // the core definition of its own type, for this release: checked anyway; in a Bundle
        // entry the reference engine does not know it by its version, and warns as below (the
        // mutation seed bundle-collection-r4b)
        continue;
      }
      if (fromPackages.test(url)) {
        if (!at.equals("Task")) {
          throw new NotCovered("a profile of a loaded IG package (" + url + ")");
        }
        // the document's Task: checked against it after the walk (igClaims)
        continue;
      }
      if (!url.contains("|") && engine.types().plan().definition(url) != null) {
        throw new NotCovered("a declared profile the definitions know (" + url + ")");
      }
      out.issue(
          "structure-other",
          Severity.WARNING,
          unlocated ? "processing" : "structure",
          unlocated ? at : at + ".meta.profile[" + i + "]",
          "the profile "
              + url
              + " is not known here, so the resource was not checked against it (give the IG"
              + " package that defines it with --ig)",
          IssueSource.STRUCTURE,
          "Validation_VAL_Profile_Unknown");
    }
  }

  /**
   * What the reference engine removes after mapping: a pass-through "unknown code" finding where a
   * binding finding of the same severity stands at the same element.
   */
  private static List<Issue> postProcess(List<Issue> issues) {
    Set<String> bindingAt = new HashSet<>();
    for (Issue i : issues) {
      if (i.ruleId().equals("structure-binding")
          && !"Terminology_PassThrough_TX_Message".equals(i.messageId())) {
        bindingAt.add(i.expression() + "|" + i.severity());
      }
    }
    List<Issue> out = new ArrayList<>(issues.size());
    for (Issue i : issues) {
      if (i.ruleId().equals("structure-binding")
          && "Terminology_PassThrough_TX_Message".equals(i.messageId())
          && bindingAt.contains(i.expression() + "|" + i.severity())) {
        continue;
      }
      out.add(i);
    }
    return out;
  }
}
