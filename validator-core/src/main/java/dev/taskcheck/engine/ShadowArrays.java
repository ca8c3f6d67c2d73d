package dev.taskcheck.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Finds primitive arrays whose {@code _name} partner has another length ({@code "profile": [a],
 * "_profile": [{...}, {...}]}). FHIR JSON requires them to line up; HL7 core 6.7.9 throws a
 * NullPointerException when the partner is longer and says nothing when it is shorter, so the
 * reference engine checks this itself before handing the text over.
 */
final class ShadowArrays {

  private static final JsonFactory FACTORY = new JsonFactory();

  private ShadowArrays() {}

  /**
   * One misaligned pair.
   *
   * @param path the FHIRPath of the element ({@code Task.meta.profile})
   * @param shadowKeyOffset the character offset of the {@code _name} key's opening quote
   */
  record Misaligned(String path, String name, int values, int shadows, long shadowKeyOffset) {}

  /**
   * Every misaligned pair in a JSON document, {@code segment} turning a property name into its path
   * segment ({@code valueHumanName} into {@code value.ofType(HumanName)}); empty when it cannot be
   * read (reported elsewhere).
   */
  static List<Misaligned> find(String json, UnaryOperator<String> segment) {
    List<Misaligned> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        object(p, null, out, segment);
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return out;
  }

  /** Reads an object whose START_OBJECT was just read; returns its resourceType, if any. */
  private static @Nullable String object(
      JsonParser p, @Nullable String path, List<Misaligned> out, UnaryOperator<String> segment)
      throws IOException {
    Map<String, Integer> arrays = new HashMap<>();
    Map<String, Long> offsets = new HashMap<>();
    List<Misaligned> inner = new ArrayList<>();
    String resourceType = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      long offset = p.currentTokenLocation().getCharOffset();
      JsonToken t = p.nextToken();
      String child = (path == null ? "\u0000" : path) + "." + segment.apply(name);
      if (t == JsonToken.START_ARRAY) {
        int count = 0;
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          if (item == JsonToken.START_OBJECT) {
            object(p, child + "[" + count + "]", inner, segment);
          } else if (item == JsonToken.START_ARRAY) {
            p.skipChildren();
          }
          count++;
        }
        arrays.put(name, count);
        offsets.put(name, offset);
      } else if (t == JsonToken.START_OBJECT) {
        object(p, child, inner, segment);
      } else if (name.equals("resourceType") && t == JsonToken.VALUE_STRING) {
        resourceType = p.getText();
      }
    }
    String self = path == null ? (resourceType == null ? "" : resourceType) : path;
    for (Map.Entry<String, Integer> e : arrays.entrySet()) {
      String name = e.getKey();
      Integer shadows = name.startsWith("_") ? null : arrays.get("_" + name);
      if (shadows != null && shadows.intValue() != e.getValue()) {
        out.add(
            new Misaligned(
                self + "." + name,
                name,
                e.getValue(),
                shadows,
                offsets.getOrDefault("_" + name, -1L)));
      }
    }
    if (path == null) {
      for (Misaligned m : inner) {
        out.add(
            new Misaligned(
                m.path().replace("\u0000", self),
                m.name(),
                m.values(),
                m.shadows(),
                m.shadowKeyOffset()));
      }
    } else {
      out.addAll(inner);
    }
    return resourceType;
  }
}
