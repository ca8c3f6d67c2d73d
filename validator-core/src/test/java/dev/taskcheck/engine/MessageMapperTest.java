package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParsedDocument;
import org.junit.jupiter.api.Test;

class MessageMapperTest {

  @Test
  void xpathLocationsBecomeFhirPath() {
    assertThat(MessageMapper.fromXPath("/f:Task")).isEqualTo("Task");
    assertThat(MessageMapper.fromXPath("/f:Task/f:input[2]/f:type"))
        .isEqualTo("Task.input[1].type");
    assertThat(MessageMapper.fromXPath("/f:Bundle/f:entry[3]/f:resource/f:Task/f:status"))
        .isEqualTo("Bundle.entry[2].resource.status");
  }

  @Test
  void aBundleEntryIsTakenFromThePositionForMessagesHl7PlacesAtTheFirstEntry() {
    Node pretty =
        root(
            """
            {"resourceType": "Bundle", "type": "history", "entry": [
              {"fullUrl": "http://x/Task/a/_history/2"},
              {"fullUrl": "http://x/Task/a/_history/1"}
            ]}
            """);
    assertThat(MessageMapper.entryAt(pretty, "Bundle.entry[0]", 3, 4)).isEqualTo("Bundle.entry[1]");
    assertThat(MessageMapper.entryAt(pretty, "Bundle.entry[0]", 2, 4)).isEqualTo("Bundle.entry[0]");
    assertThat(MessageMapper.entryAt(pretty, "Bundle.entry[0].fullUrl", 3, 4))
        .isEqualTo("Bundle.entry[1].fullUrl");
    assertThat(MessageMapper.entryAt(pretty, "Bundle.type", 3, 4)).isEqualTo("Bundle.type");
    Node oneLine =
        root(
            "{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": [{\"fullUrl\":"
                + " \"http://x/Task/a/_history/2\"}, {\"fullUrl\": \"http://x/Task/a/_history/1\"}]}");
    int second =
        "{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": [{\"fullUrl\":".length()
            + " \"http://x/Task/a/_history/2\"}, {".length();
    assertThat(MessageMapper.entryAt(oneLine, "Bundle.entry[0]", 1, second))
        .isEqualTo("Bundle.entry[1]");
    assertThat(MessageMapper.entryAt(oneLine, "Bundle.entry[0]", 1, 60))
        .isEqualTo("Bundle.entry[0]");
  }

  private static Node root(String json) {
    return ((ParsedDocument) DocumentParser.parseText(json, 1)).root();
  }

  @Test
  void parserMessagesGetTheirIdAndArguments() {
    ParserMessages messages = ParserMessages.load();
    ParserMessages.Match m = messages.match("Unrecognized property 'requestedPerformer'");
    assertThat(m).isNotNull();
    assertThat(m.key()).isEqualTo("Unrecognised_property_");
    assertThat(m.arguments()).containsExactly("requestedPerformer");
    ParserMessages.Match x = messages.match("Undefined element 'foo' at /f:Task");
    assertThat(x.key()).isEqualTo("Undefined_element_");
    assertThat(x.arguments()).containsExactly("foo", "/f:Task");
    assertThat(messages.match("something else entirely")).isNull();
  }

  @Test
  void theIdTableMapsExactIdsAndPrefixes() {
    StructureIds ids = StructureIds.load();
    assertThat(ids.lookup("Validation_VAL_Profile_Minimum")).isEqualTo(StructureIds.CARDINALITY);
    assertThat(ids.lookup("VALIDATION_VAL_PROFILE_MAXIMUM_other"))
        .isEqualTo(StructureIds.CARDINALITY);
    assertThat(ids.lookup("Type_Specific_Checks_DT_DateTime_Valid")).isEqualTo(StructureIds.TYPE);
    assertThat(ids.lookup("Terminology_TX_NoValid_16")).isEqualTo(StructureIds.BINDING);
    assertThat(ids.lookup("Reference_REF_BadTargetType2")).isEqualTo(StructureIds.REFERENCE);
    assertThat(ids.lookup("Unrecognised_property_")).isEqualTo(StructureIds.UNKNOWN_ELEMENT);
    assertThat(ids.lookup("XHTML_XHTML_DUPLICATE_IDS")).isNull();
    assertThat(ids.lookup("Type_Specific_Checks_DT_Integer_LT1")).isEqualTo(StructureIds.TYPE);
    assertThat(ids.lookup("Type_Specific_Checks_DT_Primitive_NotEmpty"))
        .isEqualTo(StructureIds.TYPE);
    // a best-practice note about UCUM annotations is not a type error
    assertThat(ids.lookup("TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS")).isNull();
    assertThat(ids.lookup("TYPE_SPECIFIC_CHECKS_DT_CANONICAL_RESOLVE")).isNull();
  }

  @Test
  void everyValueInTheTableIsADocumentedStructureId() throws java.io.IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = StructureIds.class.getResourceAsStream("structure-ids.properties")) {
      p.load(in);
    }
    assertThat(p).isNotEmpty();
    for (String key : p.stringPropertyNames()) {
      assertThat(StructureIds.SUMMARIES).as(key).containsKey(p.getProperty(key).trim());
    }
  }

  @Test
  void everyTableTargetIsAStructureId() {
    // the table may only name ids the catalog documents
    StructureIds ids = StructureIds.load();
    for (String probe :
        new String[] {
          "Unrecognised_property_",
          "This_property_must_be_an_Array_not_",
          "Validation_VAL_Profile_NotAllowed",
          "Terminology_TX_Code_ValueSet_Ext",
          "BUNDLE_BUNDLE_ENTRY_NOTFOUND",
          "UNABLE_TO_FIND_RESOURCETYPE_PROPERTY"
        }) {
      assertThat(StructureIds.SUMMARIES).containsKey(ids.lookup(probe));
    }
  }
}
