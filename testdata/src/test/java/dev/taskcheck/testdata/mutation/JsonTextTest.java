package dev.taskcheck.testdata.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void valuesAndNamesKeepTheirSpans() {
    String text = "{\n  \"a\": [1, \"x\\\"y\", {\"b\": null}],\n  \"c\": true\n}";
    JsonText.Value root = JsonText.parse(text);
    JsonText.Member a = root.members().get(0);
    assertThat(text.substring(a.nameStart(), a.nameEnd())).isEqualTo("\"a\"");
    JsonText.Value arr = a.value();
    assertThat(arr.kind()).isEqualTo(JsonText.Kind.ARRAY);
    assertThat(text.substring(arr.start(), arr.end())).isEqualTo("[1, \"x\\\"y\", {\"b\": null}]");
    assertThat(arr.items().get(0).string()).isEqualTo("1");
    assertThat(arr.items().get(1).string()).isEqualTo("x\"y");
    assertThat(arr.items().get(2).get("b").kind()).isEqualTo(JsonText.Kind.NULL);
    assertThat(root.get("c").kind()).isEqualTo(JsonText.Kind.TRUE);
    assertThat(root.end()).isEqualTo(text.length());
  }

  @Test
  void escapesAreDecoded() {
    assertThat(JsonText.parse("\"a\\u00e9\\n\\/\"").string()).isEqualTo("a\u00e9\n/");
  }

  @Test
  void strictMeansWellFormedAndNoRepeatedNames() {
    assertThat(JsonText.isStrict("{\"a\": 1, \"b\": {\"a\": 2}}")).isTrue();
    assertThat(JsonText.isStrict("{\"a\": 1, \"a\": 2}")).isFalse();
    assertThat(JsonText.isStrict("{\"a\": 1,}")).isFalse();
    assertThat(JsonText.isStrict("{\"a\": 01}")).isFalse();
    assertThat(JsonText.isStrict("{\"a\": +1}")).isFalse();
    assertThat(JsonText.isStrict("{a: 1}")).isFalse();
    assertThat(JsonText.isStrict("{\"a\": NaN}")).isFalse();
    assertThat(JsonText.isStrict("\uFEFF{}")).isFalse();
    assertThat(JsonText.isStrict("{} }")).isFalse();
  }

  @Test
  void malformedTextIsRefused() {
    assertThatThrownBy(() -> JsonText.parse("{\"a\": \"x}"))
        .isInstanceOf(JsonText.SyntaxException.class);
    assertThatThrownBy(() -> JsonText.parse("{\"a\" 1}"))
        .isInstanceOf(JsonText.SyntaxException.class);
  }
}
