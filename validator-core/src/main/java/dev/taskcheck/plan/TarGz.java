package dev.taskcheck.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the files of a gzip-compressed tar archive, the form of a FHIR NPM package ({@code .tgz}):
 * ustar headers (with the name prefix), PAX extended headers and GNU {@code ././@LongLink} entries
 * for long names. Only regular files are returned.
 */
public final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /**
   * The files whose names {@code wanted} accepts, by name, in archive order.
   *
   * @throws IOException when the archive cannot be read or is truncated
   */
  public static Map<String, byte[]> read(InputStream in, Predicate<String> wanted)
      throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream tar = new GZIPInputStream(in, 1 << 16)) {
      byte[] header = new byte[BLOCK];
      // the name a PAX header or a GNU long-name entry gives the next entry
      @Nullable String longName = null;
      while (true) {
        if (!fill(tar, header)) {
          return out;
        }
        if (isZero(header)) {
          return out;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        // only POSIX ustar ("ustar\0") has a name prefix; GNU tar ("ustar  \0") keeps other fields
        // there
        if (!prefix.isEmpty() && text(header, 257, 6).equals("ustar") && header[262] == 0) {
          name = prefix + "/" + name;
        }
        if (longName != null) {
          name = longName;
        }
        byte[] content = null;
        boolean keep =
            type == 'x' || type == 'L' || ((type == '0' || type == 0) && wanted.test(name));
        if (keep) {
          content = readBytes(tar, size);
        } else {
          skip(tar, size);
        }
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        skip(tar, padding);
        byte[] body = content == null ? new byte[0] : content;
        if (type == 'x') {
          longName = paxPath(body);
          continue;
        }
        if (type == 'L') {
          longName = text(body, 0, body.length);
          continue;
        }
        if (content != null) {
          out.put(name, content);
        }
        longName = null;
      }
    }
  }

  private static @Nullable String paxPath(byte[] records) {
    String text = new String(records, StandardCharsets.UTF_8);
    for (String line : text.split("\n", -1)) {
      int space = line.indexOf(' ');
      int eq = line.indexOf('=');
      if (space > 0 && eq > space && line.substring(space + 1, eq).equals("path")) {
        return line.substring(eq + 1);
      }
    }
    return null;
  }

  private static boolean fill(InputStream in, byte[] block) throws IOException {
    int read = 0;
    while (read < block.length) {
      int n = in.read(block, read, block.length - read);
      if (n < 0) {
        if (read == 0) {
          return false;
        }
        throw new IOException("the archive is truncated");
      }
      read += n;
    }
    return true;
  }

  private static byte[] readBytes(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("an archive entry is too large: " + size + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
    byte[] buffer = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the archive is truncated");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    return out.toByteArray();
  }

  private static void skip(InputStream in, long count) throws IOException {
    long left = count;
    while (left > 0) {
      long n = in.skip(left);
      if (n <= 0) {
        if (in.read() < 0) {
          throw new IOException("the archive is truncated");
        }
        n = 1;
      }
      left -= n;
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] b, int offset, int length) {
    int end = offset;
    while (end < offset + length && b[end] != 0) {
      end++;
    }
    return new String(b, offset, end - offset, StandardCharsets.UTF_8).strip();
  }

  private static long octal(byte[] b, int offset, int length) throws IOException {
    String s = text(b, offset, length).strip();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new IOException("a tar header has a bad size field: '" + s + "'", e);
    }
  }
}
