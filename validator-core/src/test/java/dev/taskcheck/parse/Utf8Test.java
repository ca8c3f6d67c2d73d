package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8#decode} takes the JDK's lenient decoding first and decodes strictly only when U+FFFD
 * shows up: it must accept exactly what a strict decoder accepts, with the same text.
 */
class Utf8Test {

  @Property(tries = 3000)
  void acceptsExactlyWhatAStrictDecoderAccepts(@ForAll("utf8ish") byte[] bytes) {
    Utf8.Decoded decoded = Utf8.decode(bytes, 0, bytes.length, 1);
    String strict = strict(bytes);
    if (hasNul(bytes)) {
      assertThat(decoded.text()).isNull(); // binary data, found before decoding
    } else if (strict == null) {
      assertThat(decoded.text()).isNull();
      assertThat(decoded.failure()).isNotNull();
    } else {
      assertThat(decoded.failure()).isNull();
      assertThat(decoded.text())
          .isEqualTo(strict.startsWith("\uFEFF") ? strict.substring(1) : strict);
    }
  }

  @Test
  void aRealReplacementCharacterIsText() {
    byte[] bytes = "{\"a\":\"\uFFFD\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.decode(bytes, 0, bytes.length, 1).text()).isEqualTo("{\"a\":\"\uFFFD\"}");
  }

  @Test
  void aBadByteAfterAReplacementCharacterIsFound() {
    byte[] head = "{\"a\":\"\uFFFD".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
    bytes[head.length + 1] = '"';
    Utf8.Decoded decoded = Utf8.decode(bytes, 0, bytes.length, 1);
    assertThat(decoded.text()).isNull();
    assertThat(decoded.failure().message()).contains("0xC3").contains("line 1, column 8");
  }

  @Test
  void anEncodedSurrogateAndAnOverlongFormAreNotUtf8() {
    for (byte[] bytes :
        new byte[][] {
          {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
          {'"', (byte) 0xC0, (byte) 0xAF, '"'},
          {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}
        }) {
      assertThat(Utf8.decode(bytes, 0, bytes.length, 1).failure()).isNotNull();
    }
  }

  @Provide
  Arbitrary<byte[]> utf8ish() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange('\u0001', '\u07ff')
            .withCharRange('\ud000', '\uffff')
            .withChars('\uFEFF', '\uFFFD', '{', '"', '\n')
            .ofMaxLength(40);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 200);
    Arbitrary<Byte> junk =
        Arbitraries.of(
            (byte) 0x80,
            (byte) 0xBF,
            (byte) 0xC0,
            (byte) 0xC3,
            (byte) 0xE2,
            (byte) 0xED,
            (byte) 0xF0,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0xFE,
            (byte) 0xFF);
    return Combinators.combine(text, position, junk, Arbitraries.integers().between(0, 2))
        .as(
            (s, at, b, edits) -> {
              byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
              for (int i = 0; i < edits && bytes.length > 0; i++) {
                bytes[(at + 7 * i) % bytes.length] = b;
              }
              return bytes;
            });
  }

  private static String strict(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }
}
