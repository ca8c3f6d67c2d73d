package dev.taskcheck.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.IValidationContext;
import dev.taskcheck.model.FhirRelease;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.jspecify.annotations.Nullable;

/**
 * HAPI's {@link FhirInstanceValidator} (its worker context over the validation support chain, its
 * policy advisor, its settings), driven by TaskCheck instead of HAPI's per-call wrapper, for three
 * reasons:
 *
 * <ul>
 *   <li>TaskCheck gets the HL7 messages themselves (issue type, invariant key), which HAPI's
 *       simplified copies drop;
 *   <li>the profiles a resource claims come from TaskCheck's own parse tree: HAPI's wrapper
 *       re-reads the JSON with Gson and fails on {@code "profile": [null]}, which is valid FHIR
 *       JSON (a primitive array whose values are all in {@code _profile});
 *   <li>the HL7 {@code InstanceValidator} can be reused for a number of validations on the same
 *       thread: HAPI builds a new one per resource, and its constructor parses a 1.5 MB OID
 *       registry each time (about two thirds of the time per resource). A reused validator keeps
 *       per-resource state, so it is replaced after {@code reuseLimit} validations to keep memory
 *       bounded;
 *   <li>the HL7 JSON parser finds a property by the hash of its name alone, so a key with the same
 *       {@link String#hashCode} as an element name ({@code "tUatus"} for {@code status}) was taken
 *       for that element and never reported: such keys are renamed (same length, so positions stay)
 *       before the text is handed over, and named again in the messages ({@link CollidingKeys}).
 * </ul>
 *
 * The configuration of each {@code InstanceValidator} and the handling of its messages are those of
 * HAPI 8.8.1's wrapper, and {@code ReferenceDriverTest} checks that both give the same messages on
 * the corpus.
 */
final class RawInstanceValidator extends FhirInstanceValidator {

  private final int reuseLimit;
  private volatile CollidingKeys.@Nullable Names names;
  private final ThreadLocal<Reused> perThread = ThreadLocal.withInitial(Reused::new);

  /** A thread's current instance validator and how many documents it has validated. */
  private static final class Reused {
    @Nullable InstanceValidator validator;
    int uses;
  }

  /**
   * @param reuseLimit how many documents one {@code InstanceValidator} validates before it is
   *     replaced; 1 builds a new one for every document, as HAPI does
   */
  RawInstanceValidator(IValidationSupport support, int reuseLimit) {
    super(support);
    if (reuseLimit < 1) {
      throw new IllegalArgumentException("reuseLimit must be at least 1");
    }
    this.reuseLimit = reuseLimit;
  }

  /**
   * The HL7 messages for one document.
   *
   * @param xml whether the text is XML (otherwise JSON)
   * @param declaredProfiles the canonical URLs in the document's root {@code meta.profile}
   */
  List<ValidationMessage> validate(String text, boolean xml, List<String> declaredProfiles) {
    IWorkerContext context = provideWorkerContext();
    List<StructureDefinition> profiles = new ArrayList<>();
    List<ValidationMessage> unknownProfiles = new ArrayList<>();
    FhirRelease release = releaseOf(context.getVersion());
    // "...StructureDefinition/Task|4.0.1" picks the release (README): it names the core definition
    Set<String> coreOfRelease = new HashSet<>();
    for (String declared : declaredProfiles) {
      if (release != null && ReleaseDetector.namesCoreRelease(declared, release)) {
        coreOfRelease.add(declared);
      }
    }
    for (String declared : declaredProfiles) {
      String url =
          release == null ? declared : ReleaseDetector.withoutCoreVersion(declared, release);
      StructureDefinition sd = context.fetchResource(StructureDefinition.class, url);
      if (sd != null) {
        profiles.add(sd);
      } else {
        ValidationMessage m = new ValidationMessage();
        m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
        m.setLevel(ValidationMessage.IssueSeverity.ERROR);
        m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
        unknownProfiles.add(m);
      }
    }
    List<ValidationMessage> messages = new ArrayList<>();
    Map<String, String> renamed = new HashMap<>();
    String handed = xml ? text : CollidingKeys.separate(text, elementNames(context), renamed);
    List<ShadowArrays.Misaligned> misaligned =
        xml ? List.of() : ShadowArrays.find(text, elementNames(context)::segment);
    Map<String, String> hidden = new HashMap<>();
    for (ShadowArrays.Misaligned a : misaligned) {
      if (a.shadows() > a.values()) {
        // HL7 core throws on a longer _name array: it does not see that one
        handed =
            CollidingKeys.renameAt(
                handed, a.shadowKeyOffset(), "_" + a.name(), elementNames(context), hidden);
      }
    }
    instanceValidator(context)
        .validate(
            null,
            messages,
            new ByteArrayInputStream(handed.getBytes(StandardCharsets.UTF_8)),
            xml ? Manager.FhirFormat.XML : Manager.FhirFormat.JSON,
            profiles);
    if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
      messages.addAll(unknownProfiles);
    }
    List<ValidationMessage> out = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      String id = m.getMessageId();
      // HAPI drops these two: a binding without a value set, and its own unsupported MIME-type
      // value set
      if (id != null
          && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
              || (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                  && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")))) {
        continue;
      }
      if (!hidden.isEmpty() && mentionsAny(m, hidden.keySet())) {
        continue;
      }
      if (!renamed.isEmpty()) {
        m.setMessage(CollidingKeys.restore(m.getMessage(), renamed));
      }
      if ((I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
              || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id))
          && mentionsAny(m, coreOfRelease)) {
        continue;
      }
      if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
          || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id)) {
        m.setLevel(
            isErrorForUnknownProfiles()
                ? ValidationMessage.IssueSeverity.ERROR
                : ValidationMessage.IssueSeverity.WARNING);
      }
      out.add(m);
    }
    for (ShadowArrays.Misaligned a : misaligned) {
      ValidationMessage m =
          new ValidationMessage(
              ValidationMessage.Source.InstanceValidator,
              ValidationMessage.IssueType.INVALID,
              a.path(),
              a.name()
                  + " has "
                  + a.values()
                  + " item(s) but _"
                  + a.name()
                  + " has "
                  + a.shadows()
                  + ": the ids and extensions in _"
                  + a.name()
                  + " must line up with the values, one item each (null where there is none)",
              ValidationMessage.IssueSeverity.ERROR);
      m.setMessageId(SHADOW_ARRAY_LENGTH);
      out.add(m);
    }
    return out;
  }

  /** TaskCheck's own message id for a primitive array and its {@code _name} of other lengths. */
  static final String SHADOW_ARRAY_LENGTH = "TASKCHECK_SHADOW_ARRAY_LENGTH";

  /** The release of a worker context's FHIR version ({@code 4.0.1}), or null. */
  private static @Nullable FhirRelease releaseOf(@Nullable String version) {
    if (version == null) {
      return null;
    }
    for (FhirRelease r : FhirRelease.values()) {
      if (version.equals(r.fhirVersion())
          || ReleaseDetector.namesCoreRelease(
              "http://hl7.org/fhir/StructureDefinition/Task|" + version, r)) {
        return r;
      }
    }
    return null;
  }

  private static boolean mentionsAny(ValidationMessage m, Set<String> names) {
    for (String n : names) {
      if ((m.getMessage() != null && m.getMessage().contains(n))
          || (m.getLocation() != null && m.getLocation().contains(n))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every property name the HL7 JSON parser may look up in this context: the last segment of every
   * element path of every structure definition, with and without {@code _}. Computed once.
   */
  private CollidingKeys.Names elementNames(IWorkerContext context) {
    CollidingKeys.Names n = names;
    if (n == null || n.context() != context) {
      synchronized (this) {
        n = names;
        if (n == null || n.context() != context) {
          Set<String> all = new HashSet<>();
          Set<String> types = new HashSet<>();
          for (StructureDefinition sd : context.fetchResourcesByType(StructureDefinition.class)) {
            if (sd.getKind() == StructureDefinition.StructureDefinitionKind.PRIMITIVETYPE
                || sd.getKind() == StructureDefinition.StructureDefinitionKind.COMPLEXTYPE) {
              types.add(sd.getType());
            }
            for (ElementDefinition ed : sd.getSnapshot().getElement()) {
              String path = ed.getPath();
              int dot = path == null ? -1 : path.lastIndexOf('.');
              if (dot >= 0) {
                String name = path.substring(dot + 1);
                all.add(name);
                all.add("_" + name);
              }
            }
          }
          n = new CollidingKeys.Names(context, all, types);
          names = n;
        }
      }
    }
    return n;
  }

  /** The worker context (definitions, terminology) the instance validators use. */
  IWorkerContext workerContext() {
    return provideWorkerContext();
  }

  /** HAPI's own path, for the differential test: a new InstanceValidator, HAPI's Gson pre-scan. */
  List<ValidationMessage> validateAsHapiDoes(IValidationContext<?> context) {
    return validate(context);
  }

  private InstanceValidator instanceValidator(IWorkerContext context) {
    Reused r = perThread.get();
    if (r.validator == null || r.uses >= reuseLimit) {
      r.validator = newInstanceValidator(context);
      r.uses = 0;
    }
    r.uses++;
    return r.validator;
  }

  /**
   * An HL7 instance validator configured as HAPI 8.8.1 configures it, with this validator's
   * settings.
   */
  private InstanceValidator newInstanceValidator(IWorkerContext context) {
    InstanceValidator v =
        new InstanceValidator(
            context,
            new FhirInstanceValidator.NullEvaluationContext(),
            new XVerExtensionManagerOld(context),
            new ValidatorSession(),
            new ValidatorSettings());
    v.setAssumeValidRestReferences(isAssumeValidRestReferences());
    v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
    v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
    v.setResourceIdRule(IdStatus.OPTIONAL);
    v.setNoTerminologyChecks(isNoTerminologyChecks());
    v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
    v.setUnknownCodeSystemsCauseErrors(true);
    v.getExtensionDomains().addAll(getExtensionDomains());
    v.setFetcher(getValidatorResourceFetcher());
    v.setPolicyAdvisor(getValidatorPolicyAdvisor());
    v.setNoExtensibleWarnings(isNoExtensibleWarnings());
    v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
    v.setAllowExamples(isAllowExamples());
    v.setAllowXsiLocation(true);
    return v;
  }
}
