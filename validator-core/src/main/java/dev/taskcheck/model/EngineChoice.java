package dev.taskcheck.model;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Which structure engine checks documents: the fast one, the reference one (the HL7 validator), or
 * the fast one wherever it covers the document and the reference one elsewhere.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public enum EngineChoice {
  /**
   * The fast engine where it covers the document, the reference engine elsewhere (loaded only when
   * a document needs it): the default.
   */
  AUTO,
  /**
   * Only the fast engine; a document it does not cover gets a warning saying it was not checked.
   */
  FAST,
  /** Only the reference engine (the HL7 instance validator, as HAPI FHIR drives it). */
  REFERENCE;

  /** {@code auto}, {@code fast} or {@code reference}: read for every document, made once. */
  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }

  /** {@code auto}, {@code fast} or {@code reference}, in any case. */
  public static EngineChoice fromCode(String code) {
    for (EngineChoice e : values()) {
      if (e.code().equalsIgnoreCase(code.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown engine '" + code + "' (expected auto, fast or reference)");
  }
}
