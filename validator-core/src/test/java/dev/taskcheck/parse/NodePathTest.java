package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

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
}
