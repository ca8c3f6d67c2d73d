package dev.taskcheck.engine.fast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskcheck.TestData;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParsedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link Narratives} over a whole JSON document as the walker will: every resource inside a
 * Task (the document's Task, Task entries of a Bundle, their contained resources), with txt-1 and
 * txt-2 reported as failed invariants; and tells which findings of a report are the narrative
 * checks'.
 */
final class NarrativeTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The message ids of the narrative checks. */
  static final Set<String> MESSAGE_IDS = messageIds();

  private NarrativeTestSupport() {}

  private static Set<String> messageIds() {
    Set<String> ids = new HashSet<>();
    for (NarrativeCheck c : NarrativeCheck.values()) {
      if (c.messageId != null) {
        ids.add(c.messageId);
      }
    }
    return Set.copyOf(ids);
  }

  /** Whether a finding is one of the narrative checks' (including txt-1 and txt-2). */
  static boolean isNarrative(Issue i) {
    if (i.ruleId().equals("txt-1") || i.ruleId().equals("txt-2")) {
      return true;
    }
    if (i.messageId() != null) {
      return MESSAGE_IDS.contains(i.messageId());
    }
    return i.ruleId().equals("structure-other")
        && i.expression() != null
        && i.expression().endsWith("text.div");
  }

  /** A finding as the comparisons see it. */
  static String key(Issue i) {
    return i.ruleId()
        + " | "
        + i.severity().code()
        + " | "
        + i.expression()
        + " | "
        + i.line()
        + ":"
        + i.column()
        + " | "
        + i.messageId();
  }

  /** The base probe Task (valid, with a narrative), as JSON text with another div and language. */
  static String task(String div, @Nullable String language) {
    try {
      ObjectNode task =
          (ObjectNode)
              JSON.readTree(Files.readString(TestData.path("probes/narrative/table.json")));
      ObjectNode text = (ObjectNode) task.get("text");
      text.put("div", div);
      if (language != null) {
        ObjectNode reordered = JSON.createObjectNode();
        reordered.put("resourceType", "Task");
        reordered.put("id", task.get("id").asText());
        reordered.put("language", language);
        task.fieldNames()
            .forEachRemaining(
                f -> {
                  if (!f.equals("resourceType") && !f.equals("id")) {
                    reordered.set(f, task.get(f));
                  }
                });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(task);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the narrative checks give for a document: the findings, and the fragments the divs link
   * to.
   */
  record Run(List<Issue> issues, Set<String> references) {

    List<String> keys() {
      return issues.stream().map(NarrativeTestSupport::key).sorted().toList();
    }
  }

  /**
   * The narrative checks of a document, with the TaskCheck profile pass (the recommended rule set).
   */
  static Run run(String json) {
    return run(json, true);
  }

  /**
   * The narrative checks of a document.
   *
   * @param profilePass whether the reference engine's TaskCheck profile pass runs (not with the
   *     core rule set)
   */
  static Run run(String json, boolean profilePass) {
    if (!(DocumentParser.parseText(json, 1) instanceof ParsedDocument doc)) {
      return new Run(List.of(), Set.of());
    }
    Node root = doc.root();
    Findings out = new Findings(root);
    Set<String> references = new LinkedHashSet<>();
    if ("Bundle".equals(root.resourceType())) {
      List<Node> entries = root.children("entry");
      for (int i = 0; i < entries.size(); i++) {
        Node resource = entries.get(i).child("resource");
        if (resource != null && "Task".equals(resource.resourceType())) {
          Narratives.LinkScope base = new Narratives.LinkScope(resource, List.of(root));
          Narratives.LinkScope profile = new Narratives.LinkScope(root, List.of());
          String expression = "Bundle.entry[" + i + "].resource";
          narrative(
              resource,
              expression,
              profilePass ? List.of(base, profile) : List.of(base),
              out,
              references);
          contained(
              resource,
              expression,
              profilePass ? List.of(profile) : List.of(base),
              out,
              references);
        }
      }
    } else if ("Task".equals(root.resourceType())) {
      List<Narratives.LinkScope> scopes = List.of(new Narratives.LinkScope(root, List.of()));
      narrative(root, root.name(), scopes, out, references);
      contained(root, root.name(), scopes, out, references);
    }
    return new Run(out.issues(), references);
  }

  private static void contained(
      Node resource,
      String expression,
      List<Narratives.LinkScope> scopes,
      Findings out,
      Set<String> references) {
    List<Node> contained = resource.children("contained");
    for (int i = 0; i < contained.size(); i++) {
      narrative(contained.get(i), expression + ".contained[" + i + "]", scopes, out, references);
    }
  }

  private static void narrative(
      Node resource,
      String expression,
      List<Narratives.LinkScope> scopes,
      Findings out,
      Set<String> references) {
    Node text = resource.child("text");
    Node div = text == null ? null : text.child("div");
    if (div == null || div.value() == null) {
      return;
    }
    String divExpression = expression + ".text.div";
    Loc at = Loc.root(expression);
    Narratives.Outcome o =
        new Narratives()
            .check(
                Objects.requireNonNull(div.value()),
                at.child("text").child("div"),
                at,
                resource.childValue("language"),
                scopes,
                out);
    references.addAll(o.localReferences());
    if (!o.txt1()) {
      out.invariant(
          "txt-1",
          Severity.ERROR,
          divExpression,
          "narrative",
          IssueSource.STRUCTURE,
          "http://hl7.org/fhir/StructureDefinition/Narrative#txt-1");
    }
    if (!o.txt2()) {
      out.invariant(
          "txt-2",
          Severity.ERROR,
          divExpression,
          "narrative",
          IssueSource.STRUCTURE,
          "http://hl7.org/fhir/StructureDefinition/Narrative#txt-2");
    }
  }

  /** The narrative findings of a reference report, as keys. */
  static List<String> narrativeKeys(List<Issue> issues) {
    List<String> out = new ArrayList<>();
    for (Issue i : issues) {
      if (isNarrative(i)) {
        out.add(key(i));
      }
    }
    return out.stream().sorted().toList();
  }
}
