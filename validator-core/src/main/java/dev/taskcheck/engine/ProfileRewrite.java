package dev.taskcheck.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Works around an HL7 core 6.7.9 failure: a {@code meta.profile} entry without a value (valid FHIR
 * JSON, {@code "profile": [null], "_profile": [{"extension": [...]}]}, as in data-absent examples)
 * makes the instance validator throw a NullPointerException, so the resource gets no structure
 * check at all. This removes such entries (and their {@code _profile} partners) so the rest of the
 * resource can be checked; the engine says what was left out.
 */
final class ProfileRewrite {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProfileRewrite() {}

  /**
   * The rewritten JSON text and the paths of the entries removed, or null when there is nothing to
   * do.
   */
  record Rewritten(String text, List<String> removed) {}

  static @Nullable Rewritten withoutValuelessProfiles(String json, String rootName) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
    List<String> removed = new ArrayList<>();
    walk(root, rootName, removed);
    if (removed.isEmpty()) {
      return null;
    }
    try {
      return new Rewritten(JSON.writeValueAsString(root), List.copyOf(removed));
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void walk(JsonNode node, String path, List<String> removed) {
    if (node instanceof ObjectNode object) {
      JsonNode meta = object.get("meta");
      if (meta instanceof ObjectNode m && m.get("profile") instanceof ArrayNode profiles) {
        JsonNode shadow = m.get("_profile");
        for (int i = profiles.size() - 1; i >= 0; i--) {
          if (profiles.get(i).isNull()) {
            profiles.remove(i);
            if (shadow instanceof ArrayNode s && i < s.size()) {
              s.remove(i);
            }
            removed.add(0, path + ".meta.profile[" + i + "]");
          }
        }
        if (profiles.isEmpty()) {
          m.remove("profile");
          m.remove("_profile");
        }
      }
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (e.getKey().equals("meta")) {
          continue;
        }
        JsonNode child = e.getValue();
        if (child.isArray()) {
          for (int i = 0; i < child.size(); i++) {
            walk(child.get(i), path + "." + e.getKey() + "[" + i + "]", removed);
          }
        } else if (child.isObject()) {
          walk(child, path + "." + e.getKey(), removed);
        }
      }
    }
  }
}
