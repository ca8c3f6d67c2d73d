package dev.taskcheck.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content in memory (TaskCheck.validateText) takes a shorter path when it is one line; it must give
 * the items a stream of the same bytes gives, but for a line break after a whole JSON object.
 */
class InMemorySourcesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"resourceType\":\"Task\"}",
        "{\"resourceType\":\"Task\"}\r",
        "  {\"a\":\"}\\\"{\"}  ",
        "{\"resourceType\":\"Task\"} trailing",
        "{\"a\":1}{\"b\":2}",
        "<Task xmlns=\"http://hl7.org/fhir\"/>",
        "   ",
        "\r",
        "[1,2]",
        "{",
        "\uFEFF{\"resourceType\":\"Task\"}",
        "{\"a\":1}\n{\"b\":2}",
        "{\"a\":1}\n",
        "{\n\"a\":1\n}",
        "",
        "{\"text\":\"0123456789012345678901234567890123456789\"}",
        "{\"text\":\"01234567890123456789\"}",
        "0123456789012345678901234567890123456789",
      })
  void oneLineInMemoryReadsAsTheSameBytesFromAStream(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    for (SourceLimits limits : List.of(SourceLimits.defaults(), new SourceLimits(40, 30))) {
      List<String> inMemory = items(() -> new ByteArrayInputStream(bytes), limits);
      List<String> streamed =
          items(() -> new BufferedInputStream(new ByteArrayInputStream(bytes)), limits);
      assertThat(inMemory).as(limits.toString()).hasSameSizeAs(streamed).isNotEmpty();
      for (int i = 0; i < inMemory.size(); i++) {
        String memory = inMemory.get(i);
        String stream = streamed.get(i);
        if (!memory.equals(stream)) {
          // the one difference allowed: a line break after a whole JSON object, trailing whitespace
          assertThat(memory).as(limits.toString()).isEqualTo(stream + "\n");
          String document = stream.substring(stream.indexOf(": ") + 2);
          assertThat(Sources.isWholeJsonObject(document.getBytes(StandardCharsets.ISO_8859_1)))
              .as(document)
              .isTrue();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000007B", "7B000000", "0000FEFF", "FFFE0000"})
  void utf32InMemoryIsNamedAsFromAStream(String hex) {
    byte[] bytes = new byte[hex.length() / 2 + 4];
    for (int i = 0; i < hex.length() / 2; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    List<String> inMemory = items(() -> new ByteArrayInputStream(bytes), SourceLimits.defaults());
    assertThat(inMemory)
        .isEqualTo(
            items(
                () -> new BufferedInputStream(new ByteArrayInputStream(bytes)),
                SourceLimits.defaults()));
    assertThat(inMemory.get(0)).contains("UTF-32");
  }

  /**
   * Text in memory ({@link TextInput}) gives the items its UTF-8 bytes in memory give: a one-line
   * text is taken as it is, the rest as bytes.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"resourceType\":\"Task\"}",
        "{\"resourceType\":\"Task\"}\r",
        "{\"resourceType\":\"Task\",\r\"id\":\"a\"}",
        "{\"resourceType\":\"Task\"} trailing",
        "<Task xmlns=\"http://hl7.org/fhir\"/>",
        "   ",
        "\r",
        "{",
        "\uFEFF{\"resourceType\":\"Task\"}",
        "{\"a\":1}\n{\"b\":2}",
        "{\"a\":1}\n",
        "",
        "{\"a\":\"\u0000\"}",
        "\u0000\u0000\u0000{",
        "{\"a\":\"caf\u00e9 \u4e2d \ufffd \u2028\"}",
        "{\"a\":\"\ud83d\ude00\"}",
        "{\"a\":\"\ud83d\"}",
        "{\"a\":\"\ude00x\"}",
        "{\"text\":\"0123456789012345678901234567890123456789\"}",
        "{\"text\":\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"}",
      })
  void textInMemoryReadsAsItsBytesInMemory(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    for (SourceLimits limits :
        List.of(SourceLimits.defaults(), new SourceLimits(40, 30), new SourceLimits(24, 30))) {
      assertThat(items(() -> new TextInput(content), limits))
          .as(limits.toString())
          .isEqualTo(items(() -> new ByteArrayInputStream(bytes), limits));
    }
  }

  @org.junit.jupiter.api.Test
  void aOneLineTextIsTakenAsText() {
    String task =
        "{\"resourceType\":\"Task\",\"status\":\"draft\",\"note\":[{\"text\":\"\u00e9\"}]}";
    try (Sources sources =
        Sources.open(
            List.of("-"), Path.of("."), () -> new TextInput(task), SourceLimits.defaults())) {
      SourceItem item = sources.next();
      assertThat(item).isEqualTo(new TextDocument("-", 1, task));
      assertThat(sources.hasNext()).isFalse();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> items(Supplier<InputStream> stdin, SourceLimits limits) {
    List<String> out = new ArrayList<>();
    try (Sources sources = Sources.open(List.of("-"), Path.of("."), stdin, limits)) {
      while (sources.hasNext()) {
        SourceItem item = sources.next();
        out.add(
            item instanceof RawDocument d
                ? "document line "
                    + d.firstLine()
                    + " ndjson "
                    + d.ndjsonLine()
                    + ": "
                    + new String(d.bytes(), StandardCharsets.ISO_8859_1)
                : item instanceof TextDocument t
                    ? "document line "
                        + t.firstLine()
                        + " ndjson false: "
                        + new String(
                            // the text is a line without its line break
                            (t.text() + "\n").getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1)
                    : item.toString());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
