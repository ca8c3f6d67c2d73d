package dev.taskcheck.engine;

import dev.taskcheck.fhir.OutputView;
import dev.taskcheck.fhir.QuantityView;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.NodePath;
import dev.taskcheck.source.LocatedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Takes the snapshot of one Task version the transition rules compare ({@link TaskVersion}) from
 * its parse tree.
 */
final class VersionReader {

  /** The elements transition rules report on, relative to the Task; their positions are kept. */
  private static final List<String> REPORTED =
      List.of(
          "Task",
          "Task.status",
          "Task.intent",
          "Task.authoredOn",
          "Task.created",
          "Task.lastModified",
          "Task.executionPeriod.start",
          "Task.statusReason",
          "Task.businessStatus",
          "Task.output",
          "Task.meta.versionId",
          "Task.meta.lastUpdated");

  /**
   * Left out of the content hash: {@code meta} changes with every version, {@code text} is
   * generated.
   */
  private static final Set<String> NOT_CONTENT = Set.of("meta", "text");

  private VersionReader() {}

  static TaskVersion read(
      LocatedResource task, String source, FhirRelease release, String releaseReason) {
    Node node = task.node();
    TaskView view = TaskView.of(new NodeElement(node), release);
    Node meta = node.child("meta");
    List<String> identifiers = new ArrayList<>();
    for (Node id : node.children("identifier")) {
      String value = id.childValue("value");
      if (value != null) {
        String system = id.childValue("system");
        identifiers.add((system == null ? "" : system) + "|" + value);
      }
    }
    List<String> outputs = new ArrayList<>();
    for (Node o : node.children("output")) {
      outputs.add(canonical(o));
    }
    List<TaskVersion.Progress> progress = new ArrayList<>();
    Map<String, int[]> positions = new HashMap<>();
    int untyped = 0;
    for (OutputView o : view.outputs()) {
      if (o.ratio() == null) {
        continue;
      }
      String key =
          o.codedType() != null
              ? o.codedType().system() + "|" + o.codedType().code()
              : "#" + untyped++;
      QuantityView n = o.ratio().numerator();
      QuantityView d = o.ratio().denominator();
      String expression = n != null ? n.expression() : o.ratio().expression();
      progress.add(
          new TaskVersion.Progress(
              key,
              expression,
              n == null ? null : n.value(),
              n == null ? null : n.unitKey(),
              d == null ? null : d.value(),
              d == null ? null : d.unitKey()));
      positions.put(expression, NodePath.position(node, expression));
    }
    for (String expression : REPORTED) {
      positions.put(expression, position(node, expression));
    }
    String statusCode = trimmed(node.childValue("status"));
    Node reason = node.child("statusReason");
    Node business = node.child("businessStatus");
    Node period = node.child("executionPeriod");
    return new TaskVersion(
        source,
        task.path(),
        task.location(),
        task.line(),
        task.label(),
        release,
        releaseReason,
        trimmed(node.childValue("id")),
        identifiers,
        meta == null ? null : trimmed(meta.childValue("versionId")),
        meta == null ? null : trimmed(meta.childValue("lastUpdated")),
        statusCode,
        TaskStatus.fromCode(statusCode),
        trimmed(node.childValue("intent")),
        // 1.4.0 calls authoredOn created
        trimmed(node.childValue(release == FhirRelease.V1_4_0 ? "created" : "authoredOn")),
        trimmed(node.childValue("lastModified")),
        period == null ? null : trimmed(period.childValue("start")),
        reason == null ? null : canonical(reason),
        business == null ? null : canonical(business),
        outputs,
        progress,
        contentHash(node),
        positions);
  }

  /**
   * Where a reported element is: {@code Task.x} or {@code Task.x.y} looked up directly (the first
   * of a repeating element), at its property; an absent element is placed at the deepest element
   * present.
   */
  private static int[] position(Node task, String expression) {
    Node at = task;
    int[] pos = {task.line(), task.column()};
    String[] steps = expression.split("\\.", -1);
    for (int i = 1; i < steps.length; i++) {
      Node next = at.child(steps[i]);
      if (next == null) {
        break;
      }
      at = next;
      pos = new int[] {next.memberLine(), next.memberColumn()};
    }
    return pos;
  }

  private static @Nullable String trimmed(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }

  /**
   * A canonical text of an element: its name, value and children, with the children in name order
   * (the order of repeating elements kept), so JSON and XML of the same content read the same.
   */
  static String canonical(Node node) {
    StringBuilder b = new StringBuilder();
    canonical(node, b);
    return b.toString();
  }

  private static void canonical(Node node, StringBuilder b) {
    String name = node.name().startsWith("_") ? node.name().substring(1) : node.name();
    b.append(name);
    if (node.value() != null) {
      b.append('=').append(node.value().length()).append(':').append(node.value());
    }
    if (!node.children().isEmpty()) {
      List<Node> children = new ArrayList<>(node.children());
      children.sort((x, y) -> key(x).compareTo(key(y)));
      b.append('{');
      for (Node c : children) {
        canonical(c, b);
        b.append(';');
      }
      b.append('}');
    }
  }

  private static String key(Node n) {
    return n.name().startsWith("_") ? n.name().substring(1) : n.name();
  }

  /**
   * A 64-bit FNV-1a hash of the Task's content without {@code meta} and {@code text}, over names
   * and values in document order (FHIR fixes the element order, in JSON and XML alike), as 16 hex
   * digits. Cheap enough for every update a server checks; collisions only matter between two
   * versions with the same versionId.
   */
  private static String contentHash(Node task) {
    long h = 0xcbf29ce484222325L;
    for (Node c : task.children()) {
      if (!NOT_CONTENT.contains(c.name())) {
        h = hash(c, h);
      }
    }
    return HexFormat.of().toHexDigits(h);
  }

  private static long hash(Node node, long h) {
    h = mix(h, node.name());
    if (node.value() != null) {
      h = mix(h, node.value());
    }
    for (Node c : node.children()) {
      h = hash(c, h);
    }
    return mix(h, ")");
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= 0xff; // a separator, so "ab" + "c" differs from "a" + "bc"
    return h * 0x100000001b3L;
  }
}
