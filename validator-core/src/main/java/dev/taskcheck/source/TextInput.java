package dev.taskcheck.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Standard input made of text already in memory ({@code TaskCheck.validateText}). {@link Sources}
 * takes a one-line text as it is, without encoding it to UTF-8 and decoding it again ({@link
 * TextDocument}); any other text is read as its UTF-8 bytes, as a stream would give it.
 */
public final class TextInput extends InputStream {

  private final String text;
  private @Nullable ByteArrayInputStream bytes;

  public TextInput(String text) {
    this.text = Objects.requireNonNull(text);
  }

  String text() {
    return text;
  }

  private ByteArrayInputStream bytes() {
    ByteArrayInputStream b = bytes;
    if (b == null) {
      b = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      bytes = b;
    }
    return b;
  }

  @Override
  public int read() {
    return bytes().read();
  }

  @Override
  public int read(byte[] b, int off, int len) {
    return bytes().read(b, off, len);
  }

  @Override
  public byte[] readAllBytes() {
    return bytes().readAllBytes();
  }

  @Override
  public int available() {
    return bytes().available();
  }

  @Override
  public long skip(long n) {
    return bytes().skip(n);
  }

  @Override
  public void close() throws IOException {
    // nothing to release
  }
}
