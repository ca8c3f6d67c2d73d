package dev.taskcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The stable TaskCheck ids of structure findings, and the table ({@code structure-ids.properties})
 * that maps the reference engine's message ids onto them.
 */
public final class StructureIds {

  public static final String PARSE = "structure-parse";
  public static final String UNKNOWN_ELEMENT = "structure-unknown-element";
  public static final String TYPE = "structure-type";
  public static final String CARDINALITY = "structure-cardinality";
  public static final String BINDING = "structure-binding";
  public static final String REFERENCE = "structure-reference";
  public static final String SLICING = "structure-slicing";
  public static final String OTHER = "structure-other";

  /**
   * An input that could not be read at all: a missing path, an unreadable file, an oversized
   * document.
   */
  public static final String INPUT = "input-unreadable";

  /** TaskCheck itself failed on this document; the run goes on. */
  public static final String INTERNAL = "internal-error";

  /** Every id above, with a one-line summary, for the catalog and the documentation. */
  public static final Map<String, String> SUMMARIES = summaries();

  private static Map<String, String> summaries() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(PARSE, "The document does not parse as FHIR JSON or XML (fatal)");
    m.put(UNKNOWN_ELEMENT, "An element the resource's definition does not have");
    m.put(TYPE, "Wrong JSON or XML shape for an element, or a primitive value in the wrong format");
    m.put(CARDINALITY, "An element occurs fewer or more times than its definition allows");
    m.put(BINDING, "A code that is not in the value set its element is bound to");
    m.put(
        REFERENCE,
        "A reference that does not resolve where it must, or points at the wrong resource type");
    m.put(
        SLICING,
        "A sliced element that matches no slice, more than one, or a required slice that is missing"
            + " (a profile's slicing)");
    m.put(
        OTHER,
        "Any other finding of the structure engine; the issue keeps the engine's message id");
    m.put(INPUT, "An input that cannot be read: missing, unreadable, or too large (fatal)");
    m.put(
        INTERNAL, "TaskCheck failed while checking this document; the run went on with the others");
    return java.util.Collections.unmodifiableMap(m);
  }

  private final Map<String, String> exact;
  private final List<Map.Entry<String, String>> prefixes;

  private StructureIds(Map<String, String> exact, List<Map.Entry<String, String>> prefixes) {
    this.exact = exact;
    this.prefixes = prefixes;
  }

  static StructureIds load() {
    Properties p = new Properties();
    try (InputStream in = StructureIds.class.getResourceAsStream("structure-ids.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "structure-ids.properties is missing from the TaskCheck jar");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> exact = new HashMap<>();
    List<Map.Entry<String, String>> prefixes = new ArrayList<>();
    for (String key : p.stringPropertyNames()) {
      String id = p.getProperty(key).trim();
      String k = key.trim().toLowerCase(Locale.ROOT);
      if (k.endsWith("*")) {
        prefixes.add(Map.entry(k.substring(0, k.length() - 1), id));
      } else {
        exact.put(k, id);
      }
    }
    prefixes.sort(
        Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    return new StructureIds(Map.copyOf(exact), List.copyOf(prefixes));
  }

  /** The TaskCheck id for an HL7 message id, or null when the table does not list it. */
  @Nullable String lookup(String messageId) {
    String k = messageId.toLowerCase(Locale.ROOT);
    String id = exact.get(k);
    if (id != null) {
      return id;
    }
    for (Map.Entry<String, String> e : prefixes) {
      if (k.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }
}
