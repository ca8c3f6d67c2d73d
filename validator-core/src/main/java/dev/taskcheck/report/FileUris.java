package dev.taskcheck.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Turns a source path as the user named it into a URI reference (RFC 3986), as SARIF's {@code
 * artifactLocation.uri} wants it: a relative path stays a relative reference, an absolute path
 * becomes a {@code file} URI. Paths are read the same way on every platform, so that a report does
 * not depend on the machine it is written on: a backslash is a path separator (as on Windows),
 * {@code C:/} or {@code C:\} starts an absolute Windows path, {@code \\server\share} a UNC path.
 * Dot segments are removed, and every character a path segment may not hold as it is (spaces,
 * {@code %}, {@code #}, {@code ?}, non-ASCII characters as UTF-8 bytes, ...) is percent-encoded.
 */
final class FileUris {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FileUris() {}

  /** True when {@code path} is absolute on POSIX or on Windows (drive letter or UNC). */
  static boolean isAbsolute(String path) {
    String p = path.replace('\\', '/');
    return p.startsWith("/") || hasDrive(p);
  }

  private static boolean hasDrive(String slashed) {
    return slashed.length() >= 3
        && isAsciiLetter(slashed.charAt(0))
        && slashed.charAt(1) == ':'
        && slashed.charAt(2) == '/';
  }

  /**
   * The {@code file} URI of an absolute path: {@code /a b/x.json} gives {@code
   * file:///a%20b/x.json}, {@code C:\data\x.json} gives {@code file:///C:/data/x.json}, {@code
   * \\server\share\x.json} gives {@code file://server/share/x.json}.
   *
   * @throws IllegalArgumentException if the path is not absolute
   */
  static String fileUri(String absolutePath) {
    String p = absolutePath.replace('\\', '/');
    if (p.startsWith("//")) {
      int slash = p.indexOf('/', 2);
      String host = slash < 0 ? p.substring(2) : p.substring(2, slash);
      String rest = slash < 0 ? "/" : p.substring(slash);
      return "file://"
          + encode(host, false)
          + "/"
          + encodePath(normalise(rest.substring(1), true), true);
    }
    if (hasDrive(p)) {
      return "file:///" + p.charAt(0) + ":/" + encodePath(normalise(p.substring(3), true), true);
    }
    if (p.startsWith("/")) {
      return "file:///" + encodePath(normalise(p.substring(1), true), true);
    }
    throw new IllegalArgumentException("not an absolute path: " + absolutePath);
  }

  /**
   * The {@code file} URI of an absolute directory, ending with {@code /} (a base URI that relative
   * references resolve against).
   */
  static String directoryUri(String absolutePath) {
    String uri = fileUri(absolutePath);
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /**
   * The relative reference of a relative path: {@code ./samples\my task.json} gives {@code
   * samples/my%20task.json}. A colon is encoded too, so that no segment can be read as a URI
   * scheme; leading {@code ..} segments are kept. An empty path (the directory itself) gives {@code
   * ./}.
   */
  static String relativeReference(String relativePath) {
    String normalised = normalise(relativePath.replace('\\', '/'), false);
    return normalised.isEmpty() ? "./" : encodePath(normalised, false);
  }

  /**
   * Removes empty and {@code .} segments and resolves {@code ..} against the segment before it.
   * Above the root of an absolute path {@code ..} is dropped; at the start of a relative path it is
   * kept.
   */
  private static String normalise(String path, boolean absolute) {
    Deque<String> out = new ArrayDeque<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!absolute) {
          out.addLast(segment);
        }
        continue;
      }
      out.addLast(segment);
    }
    return String.join("/", out);
  }

  /** Percent-encodes each segment of a {@code /}-separated path, keeping the separators. */
  private static String encodePath(String path, boolean colonAllowed) {
    StringBuilder b = new StringBuilder(path.length() + 16);
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      b.append(
          encode(slash < 0 ? path.substring(start) : path.substring(start, slash), colonAllowed));
      if (slash < 0) {
        return b.toString();
      }
      b.append('/');
      start = slash + 1;
    }
  }

  /**
   * Percent-encodes what RFC 3986 does not allow in a path segment: everything but the unreserved
   * characters, the sub-delimiters, {@code @} and (when allowed) {@code :}. Characters outside
   * ASCII are encoded as their UTF-8 bytes.
   */
  private static String encode(String segment, boolean colonAllowed) {
    @Nullable StringBuilder b = null;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (isPathChar(c) || (c == ':' && colonAllowed)) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(segment.length() + 16).append(segment, 0, i);
      }
      int end =
          Character.isHighSurrogate(c)
                  && i + 1 < segment.length()
                  && Character.isLowSurrogate(segment.charAt(i + 1))
              ? i + 2
              : i + 1;
      for (byte x : segment.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
      }
      i = end - 1;
    }
    return b == null ? segment : b.toString();
  }

  /** Unreserved characters, sub-delimiters and {@code @}: a path segment holds them as they are. */
  private static boolean isPathChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=@".indexOf(c) >= 0;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
