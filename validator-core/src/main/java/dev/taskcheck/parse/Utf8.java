package dev.taskcheck.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8 decoding that says where the first bad byte is. FHIR content is UTF-8, nothing else.
 */
final class Utf8 {

  private static final int BINARY_SNIFF = 8192;

  private Utf8() {}

  /**
   * The decoded text (without a byte-order mark), or the failure that explains why there is none.
   */
  record Decoded(@Nullable String text, @Nullable ParseFailure failure) {}

  static Decoded decode(byte[] bytes, int offset, int length, int firstLine) {
    ParseFailure binary = sniffBinary(bytes, offset, length, firstLine);
    if (binary != null) {
      return new Decoded(null, binary);
    }
    // the common case first: the JDK's own decoding is several times faster than a CharsetDecoder
    // and allocates only the String. It replaces every malformed sequence with U+FFFD, so a text
    // without one was valid UTF-8; a text with one (a real U+FFFD, or bad bytes) is decoded again
    // strictly, which finds the first bad byte or confirms the character
    String fast = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new Decoded(withoutBom(fast), null);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(Math.max(16, length));
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position();
      out.flip();
      return new Decoded(null, invalidAt(out, bytes[bad], firstLine));
    }
    r = decoder.flush(out);
    if (r.isError()) {
      out.flip();
      return new Decoded(null, invalidAt(out, bytes[offset + length - 1], firstLine));
    }
    out.flip();
    return new Decoded(withoutBom(out.toString()), null);
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ParseFailure invalidAt(CharSequence before, byte badByte, int firstLine) {
    int line = firstLine;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = before.subSequence(lineStart, before.length()).codePoints().toArray().length + 1;
    return new ParseFailure(
        String.format(
            Locale.ROOT,
            "not valid UTF-8: byte 0x%02X at line %d, column %d does not belong to a UTF-8 sequence"
                + " (FHIR content must be UTF-8)",
            badByte & 0xFF,
            line,
            column),
        line,
        column,
        "invalid");
  }

  private static @Nullable ParseFailure sniffBinary(
      byte[] bytes, int offset, int length, int firstLine) {
    if (length >= 4) {
      int b0 = bytes[offset] & 0xFF;
      int b1 = bytes[offset + 1] & 0xFF;
      int b2 = bytes[offset + 2] & 0xFF;
      int b3 = bytes[offset + 3] & 0xFF;
      if ((b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0)
          || (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF)) {
        return new ParseFailure(
            "the content is UTF-32 (it starts with a UTF-32 byte-order mark); FHIR content must be UTF-8",
            firstLine,
            1,
            "invalid");
      }
    }
    if (length >= 2) {
      int b0 = bytes[offset] & 0xFF;
      int b1 = bytes[offset + 1] & 0xFF;
      if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
        return new ParseFailure(
            "the content is UTF-16 (it starts with a UTF-16 byte-order mark); FHIR content must be UTF-8",
            firstLine,
            1,
            "invalid");
      }
    }
    int end = offset + Math.min(length, BINARY_SNIFF);
    int line = firstLine;
    int lineStart = offset;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        line++;
        lineStart = i + 1;
      } else if (b == 0) {
        return new ParseFailure(
            "binary data (a NUL byte at line "
                + line
                + ", column "
                + (i - lineStart + 1)
                + "): this is not a JSON or XML document",
            line,
            i - lineStart + 1,
            "structure");
      }
    }
    return null;
  }
}
