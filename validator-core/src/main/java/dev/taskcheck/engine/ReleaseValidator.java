package dev.taskcheck.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.i18n.HapiLocalizer;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.ValidationContext;
import ca.uhn.fhir.validation.ValidationOptions;
import dev.taskcheck.engine.packages.IgPackage;
import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.fhir.ResourceTypes;
import dev.taskcheck.model.FhirRelease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * HAPI's instance validator for one FHIR release, fully offline: core definitions from the {@code
 * hapi-fhir-validation-resources-*} jars, TaskCheck's profiles package, in-memory terminology with
 * the common code systems (UCUM, languages, MIME types, ...), snapshot generation. No remote
 * terminology server, no resource fetcher: nothing is ever fetched. Built once per release and
 * shared by all threads.
 */
final class ReleaseValidator {

  /**
   * One validator per release for the whole process: definitions load once, however many {@link
   * dev.taskcheck.TaskCheck} instances there are. The validators hold no per-run state and are
   * configured identically, so sharing them is safe; this is a cache of immutable values, filled
   * lazily.
   */
  private static final Map<String, FutureTask<ReleaseValidator>> SHARED = new HashMap<>();

  /**
   * The process's validator for a release, built by the first thread that needs it while others
   * wait.
   */
  static ReleaseValidator shared(FhirRelease release) {
    return shared(release, IgSet.NONE);
  }

  /** The process's validator for a release with these IG packages loaded. */
  static ReleaseValidator shared(FhirRelease release, IgSet igs) {
    FutureTask<ReleaseValidator> task;
    boolean mine = false;
    // one validator per release and set of IG packages (those of the release only count)
    String key = release.name() + "/" + igs.key();
    synchronized (SHARED) {
      task = SHARED.get(key);
      if (task == null) {
        task = new FutureTask<>(() -> new ReleaseValidator(release, DEFAULT_REUSE, igs));
        SHARED.put(key, task);
        mine = true;
      }
    }
    if (mine) {
      task.run();
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while loading the FHIR " + release.code() + " definitions", e);
    } catch (ExecutionException e) {
      synchronized (SHARED) {
        // a failed load is not cached: the next caller tries again and sees the error itself
        SHARED.remove(key, task);
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(
          "cannot load the FHIR " + release.code() + " definitions", cause);
    }
  }

  private final FhirRelease release;
  private final FhirContext context;
  private final RawInstanceValidator validator;
  private final TaskProfileAdvisor advisor;

  /** False for 1.4.0, for which TaskCheck has no Task profile. */
  private final boolean hasTaskProfile;

  /**
   * How many documents one HL7 instance validator checks before it is replaced (see
   * RawInstanceValidator). The system property {@code taskcheck.reference.reuse} sets it for
   * benchmarks: 1 behaves as HAPI does, a new instance validator per document.
   */
  static final int DEFAULT_REUSE =
      Math.max(1, Integer.getInteger("taskcheck.reference.reuse", 250));

  ReleaseValidator(FhirRelease release) {
    this(release, DEFAULT_REUSE);
  }

  ReleaseValidator(FhirRelease release, int reuseLimit) {
    this(release, reuseLimit, IgSet.NONE);
  }

  /**
   * @param igs IG packages whose conformance resources (of this release) are loaded beside the core
   *     definitions and TaskCheck's profiles
   */
  ReleaseValidator(FhirRelease release, int reuseLimit, IgSet igs) {
    this(release, reuseLimit, igs, IgSnapshotCache.root());
  }

  /** What the snapshot cache did when this validator was built (none without IG packages). */
  private IgSnapshots.Outcome snapshots = new IgSnapshots.Outcome(List.of(), 0, 0);

  IgSnapshots.Outcome snapshots() {
    return snapshots;
  }

  /**
   * @param snapshotCache the folder of the IG snapshot cache, or null for none
   */
  ReleaseValidator(
      FhirRelease release,
      int reuseLimit,
      IgSet igs,
      @org.jspecify.annotations.Nullable Path snapshotCache) {
    this.release = release;
    this.context =
        switch (release) {
          // 1.4.0 is validated in an R5 context holding the 1.4.0 definitions (Fhir140Definitions)
          case V1_4_0, R5 -> FhirContext.forR5();
          case STU3 -> FhirContext.forDstu3();
          case R4 -> FhirContext.forR4();
          case R4B -> FhirContext.forR4B();
        };
    // HL7 messages are formatted in the JVM's default locale unless told otherwise; TaskCheck reads
    // them in
    // English whatever the machine's locale, so reports and id mapping never depend on it
    context.setLocalizer(new EnglishLocalizer());

    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(context);
    // TaskCheck has no 1.4.0 package: its 1.4.0 rules are Java rules
    this.hasTaskProfile = release != FhirRelease.V1_4_0;
    if (hasTaskProfile) {
      for (IBaseResource r : ProfilePackage.load(release, context)) {
        ours.addResource(r);
      }
    }
    List<IBaseResource> igResources = new java.util.ArrayList<>();
    for (IgPackage p : igs.forRelease(release)) {
      for (IgPackage.Resource r : p.resources()) {
        igResources.add(parse(context, p, r));
      }
    }
    IValidationSupport core =
        release == FhirRelease.V1_4_0
            ? Fhir140Definitions.load(context)
            : new DefaultProfileValidationSupport(context);
    if (!igResources.isEmpty()) {
      // differential-only profiles: snapshots from the disk cache, or generated once and cached
      IgSnapshots.Outcome snapshots =
          IgSnapshots.apply(
              context,
              release,
              igs,
              igResources,
              snapshotCache,
              resources ->
                  new ValidationSupportChain(
                      core,
                      ours,
                      prePopulated(context, resources),
                      new CommonCodeSystemsTerminologyService(context),
                      new InMemoryTerminologyServerValidationSupport(context),
                      new SnapshotGeneratingValidationSupport(context)));
      igResources = snapshots.resources();
      this.snapshots = snapshots;
    }
    PrePopulatedValidationSupport fromIgs = prePopulated(context, igResources);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            ValidationSupportChain.CacheConfiguration.defaultValues()
                .setCacheSize(10_000)
                .setCacheTimeout(Duration.ofDays(365)),
            core,
            ours,
            fromIgs,
            new CommonCodeSystemsTerminologyService(context),
            new InMemoryTerminologyServerValidationSupport(context),
            new SnapshotGeneratingValidationSupport(context));

    RawInstanceValidator v = new RawInstanceValidator(chain, reuseLimit);
    v.setAnyExtensionsAllowed(true);
    // a profile the payload claims but nobody gave us is a warning: offline, it cannot be checked
    v.setErrorForUnknownProfiles(false);
    // check the type a reference URL implies (requester -> Medication/x) without resolving it, as
    // the HL7
    // validator does; references to resources outside the input are not errors
    v.setAssumeValidRestReferences(true);
    // every Task is also checked against TaskCheck's Task profile: its invariants are catalog rules
    this.advisor = new TaskProfileAdvisor(v::workerContext);
    if (hasTaskProfile) {
      v.setValidatorPolicyAdvisor(advisor);
    }
    this.validator = v;
    // the first validation loads the definitions Task needs (lazily, inside HAPI); doing it here,
    // once and
    // on one thread, keeps worker threads from each loading the same definitions at the same time
    validate(WARM_UP, false, List.of());
  }

  private static PrePopulatedValidationSupport prePopulated(
      FhirContext context, List<IBaseResource> resources) {
    PrePopulatedValidationSupport out = new PrePopulatedValidationSupport(context);
    for (IBaseResource r : resources) {
      out.addResource(r);
    }
    return out;
  }

  /** A package resource as HAPI's model; a resource HAPI cannot read is a setup error. */
  private static IBaseResource parse(FhirContext context, IgPackage p, IgPackage.Resource r) {
    String text = new String(r.bytes(), StandardCharsets.UTF_8);
    try {
      return (r.xml() ? context.newXmlParser() : context.newJsonParser()).parseResource(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "package "
              + p.name()
              + " ("
              + p.origin()
              + "): "
              + r.path()
              + " cannot be read as FHIR "
              + context.getVersion().getVersion().name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A small Task touching the common datatypes, validated once when the validator is built. */
  private static final String WARM_UP =
      "{\"resourceType\":\"Task\",\"id\":\"warm-up\","
          + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">w</div>\"},"
          + "\"identifier\":[{\"system\":\"urn:ietf:rfc:3986\",\"value\":\"urn:uuid:1\"}],"
          + "\"status\":\"in-progress\",\"intent\":\"order\",\"priority\":\"routine\","
          + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/CodeSystem/task-code\",\"code\":\"fulfill\"}]},"
          + "\"for\":{\"reference\":\"Patient/p\"},\"authoredOn\":\"2024-01-01T00:00:00Z\","
          + "\"lastModified\":\"2024-01-02\",\"executionPeriod\":{\"start\":\"2024-01-01\"},"
          + "\"input\":[{\"type\":{\"text\":\"t\"},\"valueQuantity\":{\"value\":1,"
          + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg\"}}],"
          + "\"output\":[{\"type\":{\"text\":\"p\"},\"valueRatio\":{\"numerator\":{\"value\":1},"
          + "\"denominator\":{\"value\":2}}}]}";

  FhirRelease release() {
    return release;
  }

  /**
   * The HL7 messages for one document.
   *
   * @param declaredProfiles the canonical URLs of the document's root {@code meta.profile}
   */
  List<ValidationMessage> validate(String text, boolean xml, List<String> declaredProfiles) {
    return validate(text, xml, declaredProfiles, true);
  }

  /**
   * The HL7 messages for one document, with or without TaskCheck's Task profile (whose invariants
   * are catalog rules; without it, no profile rule can report and the profile's second pass is
   * saved).
   */
  List<ValidationMessage> validate(
      String text, boolean xml, List<String> declaredProfiles, boolean taskProfile) {
    List<ValidationMessage> messages =
        advisor.withTaskProfile(
            taskProfile && hasTaskProfile, () -> validator.validate(text, xml, declaredProfiles));
    return withoutResourceTypeDoubts(messages);
  }

  /**
   * The HL7 validator doubts a reference {@code Type/id} whose type is not one of its context's
   * resource names. 1.4.0 is validated in an R5 context, whose names are R5's: a 1.4.0 reference to
   * a resource type R5 no longer has ({@code MedicationOrder/1}) would get "looks incorrect". The
   * doubt is dropped where the type is a 1.4.0 resource type and the id is valid. (STU3's context
   * has STU3's names.)
   */
  private List<ValidationMessage> withoutResourceTypeDoubts(List<ValidationMessage> messages) {
    if (release != FhirRelease.V1_4_0) {
      return messages;
    }
    List<ValidationMessage> out = new java.util.ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      if (!I18nConstants.REFERENCE_REF_SUSPICIOUS.equals(m.getMessageId())
          || !isReferenceOf(m.getMessage(), release)) {
        out.add(m);
      }
    }
    return out;
  }

  /** A resource id as FHIR defines it. */
  private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private static boolean isReferenceOf(String message, FhirRelease release) {
    int open = message.indexOf('\'');
    int close = message.indexOf('\'', open + 1);
    if (open < 0 || close < 0) {
      return false;
    }
    String ref = message.substring(open + 1, close);
    int slash = ref.indexOf('/');
    return slash > 0
        && ref.indexOf('/', slash + 1) < 0
        && ResourceTypes.of(release).contains(ref.substring(0, slash))
        && RESOURCE_ID.matcher(ref.substring(slash + 1)).matches();
  }

  /** The messages HAPI's own wrapper gives for the same text (for the differential test). */
  List<ValidationMessage> validateAsHapiDoes(String text) {
    IValidationContext<IBaseResource> vc =
        ValidationContext.forText(context, text, new ValidationOptions());
    return withoutResourceTypeDoubts(validator.validateAsHapiDoes(vc));
  }

  /** HAPI's localizer, fixed to English. */
  private static final class EnglishLocalizer extends HapiLocalizer {
    @Override
    public Locale getLocale() {
      return Locale.ENGLISH;
    }
  }
}
