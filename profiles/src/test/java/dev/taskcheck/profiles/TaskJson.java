package dev.taskcheck.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small Task documents for the profile tests: {@link #clean(Release)} is a complete Task that
 * passes every TaskCheck invariant (narrative, status in-progress, owner, execution start, a UCUM
 * progress Ratio 4/10), and the methods change one thing at a time.
 */
final class TaskJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Release release;
  private final ObjectNode task;

  private TaskJson(Release release, ObjectNode task) {
    this.release = release;
    this.task = task;
  }

  static TaskJson clean(Release release) {
    return new TaskJson(
        release,
        (ObjectNode)
            parse(
                """
        {
          "resourceType": "Task",
          "id": "t1",
          "text": {
            "status": "generated",
            "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Session series, 4 of 10 done</div>"
          },
          "status": "in-progress",
          "intent": "order",
          "priority": "routine",
          "description": "Physiotherapy session series",
          "for": { "reference": "Patient/p1" },
          "authoredOn": "2024-01-01T09:00:00Z",
          "owner": { "reference": "Practitioner/pr1" },
          "executionPeriod": { "start": "2024-01-01T10:00:00Z" },
          "output": [
            {
              "type": { "text": "progress" },
              "valueRatio": {
                "numerator": { "value": 4, "unit": "session", "system": "http://unitsofmeasure.org", "code": "{session}" },
                "denominator": { "value": 10, "unit": "session", "system": "http://unitsofmeasure.org", "code": "{session}" }
              }
            }
          ]
        }
        """));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  TaskJson set(String field, String json) {
    task.set(field, parse(json));
    return this;
  }

  TaskJson status(String status) {
    task.put("status", status);
    return this;
  }

  TaskJson remove(String... fields) {
    for (String f : fields) {
      task.remove(f);
    }
    return this;
  }

  TaskJson period(String start, String end) {
    ObjectNode p = task.putObject("executionPeriod");
    if (start != null) {
      p.put("start", start);
    }
    if (end != null) {
      p.put("end", end);
    }
    return this;
  }

  /** A statusReason that is a CodeableConcept in R4/R4B and a CodeableReference.concept in R5. */
  TaskJson statusReasonConcept(String conceptJson) {
    task.set(
        "statusReason",
        release == Release.R5
            ? JSON.createObjectNode().set("concept", parse(conceptJson))
            : parse(conceptJson));
    return this;
  }

  TaskJson statusReasonText(String text) {
    return statusReasonConcept("{\"text\": \"" + text + "\"}");
  }

  /** Replaces the outputs by these {@code Task.output} entries (each one JSON object). */
  TaskJson outputs(String... outputJson) {
    ArrayNode a = task.putArray("output");
    for (String o : outputJson) {
      a.add(parse(o));
    }
    return this;
  }

  TaskJson inputs(String... inputJson) {
    ArrayNode a = task.putArray("input");
    for (String o : inputJson) {
      a.add(parse(o));
    }
    return this;
  }

  static String ratioOutput(String ratioJson) {
    return "{\"type\": {\"text\": \"progress\"}, \"valueRatio\": " + ratioJson + "}";
  }

  static String quantityOutput(String quantityJson) {
    return "{\"type\": {\"text\": \"progress\"}, \"valueQuantity\": " + quantityJson + "}";
  }

  static String ratio(String numerator, String denominator) {
    StringBuilder b = new StringBuilder("{");
    if (numerator != null) {
      b.append("\"numerator\": ").append(numerator);
    }
    if (denominator != null) {
      b.append(numerator != null ? ", " : "").append("\"denominator\": ").append(denominator);
    }
    return b.append('}').toString();
  }

  static String sessions(String valueAndMore) {
    return "{"
        + valueAndMore
        + ", \"unit\": \"session\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"{session}\"}";
  }

  String json() {
    return task.toPrettyString();
  }

  @Override
  public String toString() {
    return json();
  }
}
