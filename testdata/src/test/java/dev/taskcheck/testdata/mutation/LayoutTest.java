package dev.taskcheck.testdata.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Edits keep the seed's layout: its indentation, colon spacing, line ends and array style. */
class LayoutTest {

  private static final String PRETTY =
      "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": \"x\"\n  },\n  \"d\": [\n    2\n  ]\n}";
  private static final String HAPI = "{\n  \"list\" : [ {\n    \"u\" : \"x\"\n  } ]\n}";

  private static String edit(
      String text, java.util.function.Function<Layout, List<Layout.Edit>> f) {
    return Layout.apply(text, f.apply(new Layout(text, JsonText.parse(text))));
  }

  @Test
  void removingAMemberTakesItsLineAndComma() {
    JsonText.Value root = JsonText.parse(PRETTY);
    assertThat(edit(PRETTY, l -> l.remove(root, Set.of("a"))))
        .isEqualTo("{\n  \"b\": {\n    \"c\": \"x\"\n  },\n  \"d\": [\n    2\n  ]\n}");
    assertThat(edit(PRETTY, l -> l.remove(root, Set.of("b"))))
        .isEqualTo("{\n  \"a\": 1,\n  \"d\": [\n    2\n  ]\n}");
    assertThat(edit(PRETTY, l -> l.remove(root, Set.of("d"))))
        .isEqualTo("{\n  \"a\": 1,\n  \"b\": {\n    \"c\": \"x\"\n  }\n}");
    assertThat(edit(PRETTY, l -> l.remove(root, Set.of("a", "d"))))
        .isEqualTo("{\n  \"b\": {\n    \"c\": \"x\"\n  }\n}");
    assertThat(edit(PRETTY, l -> l.remove(root, Set.of("a", "b", "d")))).isEqualTo("{}");
  }

  @Test
  void insertedMembersAreIndentedLikeTheirSiblings() {
    JsonText.Value root = JsonText.parse(PRETTY);
    assertThat(edit(PRETTY, l -> List.of(l.insert(root, 0, "n", "{\"m\":[true]}"))))
        .isEqualTo(
            "{\n  \"a\": 1,\n  \"n\": {\n    \"m\": [\n      true\n    ]\n  },\n  \"b\": {\n    \"c\": \"x\"\n"
                + "  },\n  \"d\": [\n    2\n  ]\n}");
    assertThat(edit(PRETTY, l -> List.of(l.insert(root, -1, "n", "0"))))
        .startsWith("{\n  \"n\": 0,\n  \"a\": 1,\n");
    JsonText.Value b = root.get("b");
    assertThat(edit(PRETTY, l -> List.of(l.insert(b, 0, "e", "\"y\""))))
        .contains("\"b\": {\n    \"c\": \"x\",\n    \"e\": \"y\"\n  },");
  }

  @Test
  void aCompactSeedStaysOnOneLine() {
    String text = "{\"a\":1,\"b\":{\"c\":\"x\"}}";
    JsonText.Value root = JsonText.parse(text);
    assertThat(edit(text, l -> List.of(l.insert(root, 1, "d", "{\"e\":[1,2]}"))))
        .isEqualTo("{\"a\":1,\"b\":{\"c\":\"x\"},\"d\":{\"e\":[1,2]}}");
    assertThat(edit(text, l -> l.remove(root, Set.of("a")))).isEqualTo("{\"b\":{\"c\":\"x\"}}");
  }

  @Test
  void hapiStyleArraysAndSpacedColonsAreKept() {
    JsonText.Value root = JsonText.parse(HAPI);
    JsonText.Value list = root.get("list");
    assertThat(edit(HAPI, l -> List.of(l.insertItem(list, 0, "{\"u\":\"y\"}"))))
        .isEqualTo("{\n  \"list\" : [ {\n    \"u\" : \"x\"\n  }, {\n    \"u\" : \"y\"\n  } ]\n}");
  }

  @Test
  void crlfAndTabsAreKept() {
    String text = "{\r\n\t\"a\": {\r\n\t\t\"b\": 1\r\n\t}\r\n}";
    JsonText.Value a = JsonText.parse(text).get("a");
    assertThat(edit(text, l -> List.of(l.insert(a, 0, "c", "{\"d\":2}"))))
        .isEqualTo(
            "{\r\n\t\"a\": {\r\n\t\t\"b\": 1,\r\n\t\t\"c\": {\r\n\t\t\t\"d\": 2\r\n\t\t}\r\n\t}\r\n}");
  }

  @Test
  void anEmptyObjectGetsItsFirstMemberOnItsOwnLine() {
    String text = "{\n  \"a\": {}\n}";
    JsonText.Value a = JsonText.parse(text).get("a");
    assertThat(edit(text, l -> List.of(l.insert(a, -1, "b", "1"))))
        .isEqualTo("{\n  \"a\": {\n    \"b\": 1\n  }\n}");
  }

  @Test
  void removingArrayItems() {
    String text = "[1, 2, 3]";
    JsonText.Value arr = JsonText.parse(text);
    assertThat(edit(text, l -> l.removeItems(arr, Set.of(1)))).isEqualTo("[1, 3]");
    assertThat(edit(text, l -> l.removeItems(arr, Set.of(2)))).isEqualTo("[1, 2]");
  }
}
