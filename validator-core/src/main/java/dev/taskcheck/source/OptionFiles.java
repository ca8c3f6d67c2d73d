package dev.taskcheck.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the small files options name ({@code --config}, {@code --suppressions}, {@code
 * --state-machine}), at most {@value #MAX_BYTES} bytes each: the limit holds while reading, so a
 * device or a pipe that never ends ({@code /dev/zero}) gives a prompt error instead of filling the
 * heap.
 */
public final class OptionFiles {

  /** The largest option file read: 8 MiB, far above any real configuration. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private OptionFiles() {}

  /** An option file over {@link #MAX_BYTES}, or not UTF-8. */
  public static final class UnreadableOptionFile extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableOptionFile(String message) {
      super(message);
    }
  }

  /**
   * The file's text, read as UTF-8.
   *
   * @param what what the file is, for messages ({@code "configuration"})
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws UnreadableOptionFile when it is larger than {@link #MAX_BYTES} or not UTF-8; the
   *     message names the file and the limit
   * @throws IOException when it cannot be read
   */
  public static String read(Path file, String what) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableOptionFile(
          "the "
              + what
              + " file "
              + file
              + " is larger than "
              + (MAX_BYTES / (1024 * 1024))
              + " MiB, the limit for option files (is it the right file?)");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableOptionFile("the " + what + " file " + file + " is not UTF-8 text");
    }
  }
}
