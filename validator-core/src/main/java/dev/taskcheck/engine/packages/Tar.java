package dev.taskcheck.engine.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A reader of the tar format NPM packages use (POSIX ustar, with GNU long names and PAX path
 * records): regular files only, each handed to a visitor that may read its bytes.
 */
final class Tar {

  private static final int BLOCK = 512;

  /** Sees each regular file: its path and, on request, its bytes. */
  interface Visitor {
    void file(String name, Contents contents) throws IOException;
  }

  /** The bytes of the current entry, read when asked for (skipped otherwise). */
  interface Contents {
    byte[] get() throws IOException;
  }

  private Tar() {}

  /**
   * Reads every entry of {@code in}.
   *
   * @param maxEntryBytes the largest entry accepted
   * @throws IOException on a read failure or a malformed archive
   */
  static void read(InputStream in, long maxEntryBytes, Visitor visitor) throws IOException {
    byte[] header = new byte[BLOCK];
    @Nullable String longName = null;
    while (true) {
      if (!readFully(in, header)) {
        return; // end of the stream without the two zero blocks: accepted, as npm does
      }
      if (isZero(header)) {
        return;
      }
      String name = string(header, 0, 100);
      String prefix = string(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = octal(header, 124, 12);
      if (size < 0 || size > maxEntryBytes) {
        throw new IOException("a tar entry of " + size + " bytes (" + name + ")");
      }
      char type = (char) header[156];
      if (type == 'L' || type == 'x') {
        byte[] body = readBody(in, size);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type == 'L') {
          longName = text.replace("\0", "");
        } else {
          String path = pax(text);
          if (path != null) {
            longName = path;
          }
        }
        continue;
      }
      if (longName != null) {
        name = longName;
        longName = null;
      }
      if (type == '0' || type == '\0') {
        byte[][] read = new byte[1][];
        visitor.file(
            name,
            () -> {
              if (read[0] == null) {
                read[0] = readBody(in, size);
              }
              return read[0];
            });
        if (read[0] == null) {
          skip(in, padded(size));
        }
      } else {
        skip(in, padded(size));
      }
    }
  }

  /** The {@code path} record of a PAX header, or null. */
  private static @Nullable String pax(String text) {
    for (String line : text.split("\n", -1)) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static byte[] readBody(InputStream in, long size) throws IOException {
    byte[] body = new byte[(int) size];
    if (!readFully(in, body)) {
      throw new IOException("the archive ends inside an entry");
    }
    skip(in, padded(size) - size);
    return body;
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    byte[] buffer = new byte[BLOCK];
    while (left > 0) {
      int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (r < 0) {
        throw new IOException("the archive ends inside an entry");
      }
      left -= r;
    }
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int r = in.read(b, off, b.length - off);
      if (r < 0) {
        if (off == 0) {
          return false;
        }
        throw new IOException("the archive ends inside a block");
      }
      off += r;
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String string(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) throws IOException {
    long v = 0;
    boolean any = false;
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c == 0 || c == ' ') {
        if (any) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7') {
        throw new IOException("a malformed tar header (size field)");
      }
      v = v * 8 + (c - '0');
      any = true;
    }
    return v;
  }
}
