package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodePathTest {

  private static final Node ROOT =
      ((ParsedDocument)
              DocumentParser.parseText(
                  """
      {"resourceType": "Bundle", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p"}},
        {"resource": {"resourceType": "Task", "id": "t",
          "status": "draft",
          "_status": {"extension": [{"url": "u", "valueCode": "x"}]},
          "input": [
            {"type": {"text": "a"}, "valueRatio": {"numerator": {"value": 4}}},
            {"type": {"text": "b"}, "valueQuantity": {"value": 1}}
          ]}}
      ]}""",
                  1))
          .root();

  @Test
  void walksNamesIndexesAndChoices() {
    assertThat(NodePath.resolve(ROOT, "Bundle.entry[1].resource").line()).isEqualTo(3);
    Node ratio =
        NodePath.resolve(ROOT, "Bundle.entry[1].resource/*Task/t*/.input[0].value.ofType(Ratio)");
    assertThat(ratio.name()).isEqualTo("valueRatio");
    Node quantity =
        NodePath.resolve(ROOT, "Bundle.entry[1].resource.input[1].value.ofType(Quantity).value");
    assertThat(quantity.value()).isEqualTo("1");
    assertThat(quantity.line()).isEqualTo(8);
  }

  @Test
  void missingElementsResolveToTheirParent() {
    Node n =
        NodePath.resolve(ROOT, "Bundle.entry[1].resource.input[0].value.ofType(Ratio).denominator");
    assertThat(n.name()).isEqualTo("valueRatio");
    assertThat(NodePath.resolve(ROOT, "Bundle.entry[7].resource").name()).isEqualTo("Bundle");
  }

  @Test
  void primitiveExtensionsLiveInTheUnderscoreSibling() {
    Node ext = NodePath.resolve(ROOT, "Bundle.entry[1].resource.status.extension[0]");
    assertThat(ext.name()).isEqualTo("extension");
    assertThat(ext.line()).isEqualTo(5);
  }

  @Test
  void stripsEngineComments() {
    assertThat(NodePath.stripComments("Bundle.entry[0].resource/*Task/x*/.status"))
        .isEqualTo("Bundle.entry[0].resource.status");
  }

  @Test
  void pathAtFindsTheElementAtAPosition() {
    Node xml =
        ((ParsedDocument)
                DocumentParser.parseText(
                    """
        <Bundle xmlns="http://hl7.org/fhir">
          <entry><resource><Patient><id value="p"/></Patient></resource></entry>
          <entry>
            <resource>
              <Task>
                <status value="draft"/>
                <input><type><text value="a"/></type><odd value="2"/></input>
              </Task>
            </resource>
          </entry>
        </Bundle>""",
                    1))
            .root();
    assertThat(NodePath.pathAt(xml, 6, 30)).isEqualTo("Bundle.entry[1].resource.status");
    assertThat(NodePath.pathAt(xml, 7, 60)).isEqualTo("Bundle.entry[1].resource.input[0].odd");
    assertThat(NodePath.pathAt(xml, 1, 1)).isEqualTo("Bundle");
  }

  @Test
  void anUnindexedRepeatingElementPointsAtItsProperty() {
    Node task =
        ((ParsedDocument)
                DocumentParser.parseText(
                    "{\"resourceType\":\"Task\",\n  \"note\": [\n    {\"text\": \"a\"},\n    {\"text\": \"b\"}]}",
                    1))
            .root();
    assertThat(NodePath.position(task, "Task.note")).containsExactly(2, 3);
    assertThat(NodePath.position(task, "Task.note[1]")).containsExactly(4, 5);
    assertThat(NodePath.position(task, "Task.note[1].text")).containsExactly(4, 6);
  }

  /**
   * Reading the steps in place gives the positions the split form gave ({@link SplitNodePath}), for
   * the paths of every node of the samples and of this class's Bundle, and for those paths bent the
   * ways findings and odd input bend them: indexes out of range or malformed, choice types, engine
   * comments, functions, partners, stray dots, names that are not there.
   */
  @Test
  void readsStepsInPlaceAsTheSplitFormDid() throws IOException {
    List<Node> roots = new ArrayList<>(List.of(ROOT));
    for (String sample :
        List.of(
            "spec-r4-Task-example1.json",
            "spec-r5-Task-example2.json",
            "bundle-cardiology-workup.json",
            "davinci-pcde-task-requested.xml")) {
      Path file = Path.of("../testdata/samples", sample);
      roots.add(((ParsedDocument) DocumentParser.parseText(Files.readString(file), 1)).root());
    }
    String[] bends = {
      "",
      ".missing",
      "[9]",
      "[-1]",
      "[x]",
      "[]",
      ".extension[0]",
      ".id",
      "/*Task/x*/",
      ".ofType(Ratio)",
      ".ofType(Quantity).value",
      ".where(a.b = 'c')",
      ".resolve()",
      ".",
      "..",
      ".value",
      ".coding[0].code",
      ".extension('u').value"
    };
    Random random = new Random(20261207);
    int compared = 0;
    for (Node root : roots) {
      List<String> paths = new ArrayList<>();
      paths(root, root.resourceType() != null ? root.resourceType() : root.name(), paths);
      for (String path : paths) {
        List<String> expressions = new ArrayList<>();
        expressions.add(path);
        expressions.add("." + path);
        for (int i = 0; i < 4; i++) {
          expressions.add(path + bends[random.nextInt(bends.length)]);
          expressions.add(
              path + bends[random.nextInt(bends.length)] + bends[random.nextInt(bends.length)]);
        }
        int dot = path.lastIndexOf('.');
        if (dot > 0) {
          // the last step as a choice's base with its type, and as a primitive's partner
          String last = path.substring(dot + 1);
          expressions.add(path.substring(0, dot) + "._" + last);
          if (last.startsWith("value") && last.length() > 5) {
            expressions.add(path.substring(0, dot) + ".value.ofType(" + last.substring(5) + ")");
          }
        }
        for (String e : expressions) {
          assertThat(NodePath.position(root, e))
              .as(e)
              .containsExactly(SplitNodePath.position(root, e));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(2_000);
  }

  /** The path of every node below {@code n}, indexed among siblings of the same name. */
  private static void paths(Node n, String path, List<String> out) {
    out.add(path);
    List<Node> children = n.children();
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
      int index = 0;
      for (int j = 0; j < i; j++) {
        if (children.get(j).name().equals(c.name())) {
          index++;
        }
      }
      String step = c.name() == null || c.name().isEmpty() ? "item" : c.name();
      paths(c, path + "." + step + (c.inArray() || index > 0 ? "[" + index + "]" : ""), out);
    }
  }
}
