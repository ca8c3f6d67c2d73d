package dev.taskcheck.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * HAPI's instance validator for one release over an offline chain: the core definitions, the
 * package the jar holds (loaded the way the engine does, through {@code .index.json}), in-memory
 * terminology with the common code systems. No snapshot generation in the chain: the package's
 * snapshots must be enough. One per release for the whole test JVM (the R5 core definitions take a
 * while to load).
 */
final class TaskValidator {

  private static final Map<Release, TaskValidator> SHARED = new EnumMap<>(Release.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static synchronized TaskValidator of(Release release) {
    return SHARED.computeIfAbsent(release, TaskValidator::new);
  }

  /**
   * One message as HL7 reports it; {@code key} is the invariant key when the message is one of
   * ours.
   */
  record Message(
      ResultSeverityEnum severity, String location, String key, String messageId, String text) {
    boolean ours() {
      return key != null;
    }

    @Override
    public String toString() {
      return severity + " @ " + location + (key == null ? "" : " [" + key + "]") + ": " + text;
    }
  }

  private final FhirValidator validator;
  private final FhirValidator hintingValidator;

  private TaskValidator(Release release) {
    FhirContext context = release.newContext();
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(context);
    String folder = release.jarFolder();
    for (String file : filenames(read(folder + ".index.json"))) {
      ours.addResource(context.newJsonParser().parseResource(read(folder + file)));
    }
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(context),
            ours,
            new InMemoryTerminologyServerValidationSupport(context),
            new CommonCodeSystemsTerminologyService(context));
    validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    // HAPI's default reports HL7's best-practice checks as warnings; this one reports them as
    // information
    FhirInstanceValidator hinting = new FhirInstanceValidator(chain);
    hinting.setBestPracticeWarningLevel(BestPracticeWarningLevel.Hint);
    hintingValidator = context.newValidator().registerValidatorModule(hinting);
  }

  /** The messages for a Task validated against the TaskCheck Task profile. */
  List<Message> withProfile(String json) {
    return validate(validator, json, new ValidationOptions().addProfile(Release.TASK_PROFILE));
  }

  /** The messages for a Task validated against the core definitions only. */
  List<Message> withoutProfile(String json) {
    return validate(validator, json, new ValidationOptions());
  }

  /**
   * As {@link #withProfile}, with HL7's best-practice checks reported as information instead of
   * warnings.
   */
  List<Message> withProfileBestPracticeAsHints(String json) {
    return validate(
        hintingValidator, json, new ValidationOptions().addProfile(Release.TASK_PROFILE));
  }

  private static List<Message> validate(
      FhirValidator validator, String json, ValidationOptions options) {
    List<Message> out = new ArrayList<>();
    for (SingleValidationMessage m : validator.validateWithResult(json, options).getMessages()) {
      String id = m.getMessageId();
      String key = null;
      // HL7 names a failed invariant <constraint.source>#<key>
      if (id != null
          && id.startsWith(Release.CANONICAL + "/StructureDefinition/")
          && id.contains("#")) {
        key = id.substring(id.indexOf('#') + 1);
      }
      out.add(new Message(m.getSeverity(), m.getLocationString(), key, id, m.getMessage()));
    }
    return out;
  }

  static List<String> filenames(String indexJson) {
    List<String> out = new ArrayList<>();
    try {
      for (JsonNode f : JSON.readTree(indexJson).path("files")) {
        out.add(f.path("filename").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String read(String resource) {
    try (InputStream in = TaskValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
