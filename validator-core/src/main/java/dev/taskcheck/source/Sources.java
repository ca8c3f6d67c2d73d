package dev.taskcheck.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads the inputs a user named, in order: files, directories (recursively), glob patterns and
 * {@code -} for standard input. Each file is one document, except NDJSON (a {@code .ndjson}/{@code
 * .jsonl} file, or one whose lines each hold a whole JSON object), which is streamed a line at a
 * time. Problems (a missing path, an unreadable file, an oversized document) are items too, so the
 * run goes on with the rest.
 */
public final class Sources implements Iterator<SourceItem>, Closeable {

  /** Opens a file for reading; a seam for tests that need a file to fail. */
  @FunctionalInterface
  public interface Opener {
    InputStream open(Path path) throws IOException;
  }

  private final InputExpander expander;
  private final Supplier<InputStream> stdin;
  private final SourceLimits limits;
  private final Opener opener;
  private final Deque<SourceItem> ready = new ArrayDeque<>();
  private @Nullable NdjsonReader current;
  private long inputs;

  private Sources(
      InputExpander expander, Supplier<InputStream> stdin, SourceLimits limits, Opener opener) {
    this.expander = expander;
    this.stdin = stdin;
    this.limits = limits;
    this.opener = opener;
  }

  /**
   * The sources of the inputs the arguments name, in order.
   *
   * @param arguments paths, directories, glob patterns or {@code -}, as the user gave them
   * @param workingDirectory where relative arguments start
   * @param stdin standard input, opened only if an argument is {@code -}
   */
  public static Sources open(
      List<String> arguments,
      Path workingDirectory,
      Supplier<InputStream> stdin,
      SourceLimits limits) {
    return open(arguments, workingDirectory, stdin, limits, Files::newInputStream);
  }

  public static Sources open(
      List<String> arguments,
      Path workingDirectory,
      Supplier<InputStream> stdin,
      SourceLimits limits,
      Opener opener) {
    return new Sources(new InputExpander(arguments, workingDirectory), stdin, limits, opener);
  }

  /**
   * How many inputs (files, standard input, names that matched nothing) have been started so far.
   */
  public long inputs() {
    return inputs;
  }

  @Override
  public boolean hasNext() {
    try {
      fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return !ready.isEmpty();
  }

  @Override
  public SourceItem next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.removeFirst();
  }

  private void fill() throws IOException {
    while (ready.isEmpty()) {
      if (current != null) {
        NdjsonReader reader = current;
        SourceItem item;
        try {
          item = reader.next();
        } catch (IOException e) {
          // a read that fails mid-way (EIO, a vanished mount) ends this input, not the run
          item = reader.failed(e);
          reader.finish();
        }
        if (item != null) {
          ready.add(item);
          return;
        }
        reader.close();
        current = null;
      }
      InputExpander.Entry entry = expander.next();
      if (entry == null) {
        return;
      }
      inputs++;
      if (entry.problem() != null) {
        ready.add(entry.problem());
      } else if (entry.path() == null) {
        openStream(entry.display(), stdin.get(), false);
      } else {
        Path path = entry.path();
        InputStream in;
        try {
          in = opener.open(path);
        } catch (IOException e) {
          ready.add(
              new SourceProblem(
                  entry.display(), null, "cannot read the file: " + describe(e), issueType(e)));
          continue;
        }
        String name =
            path.getFileName() == null
                ? ""
                : path.getFileName().toString().toLowerCase(Locale.ROOT);
        openStream(entry.display(), in, name.endsWith(".ndjson") || name.endsWith(".jsonl"));
      }
    }
  }

  /**
   * Decides between one document and NDJSON, then queues the document or starts streaming lines.
   */
  private void openStream(String display, InputStream raw, boolean ndjsonByName)
      throws IOException {
    if (raw instanceof TextInput text && !ndjsonByName) {
      if (singleLineText(display, text.text())) {
        return;
      }
      raw = new ByteArrayInputStream(text.readAllBytes());
    }
    if (raw instanceof ByteArrayInputStream memory && !ndjsonByName) {
      // a document already in memory (TaskCheck.validateText): one line, the usual case, becomes
      // a document without a buffered stream and two line buffers around it
      byte[] bytes = memory.readAllBytes();
      if (singleLine(display, bytes)) {
        return;
      }
      raw = new ByteArrayInputStream(bytes);
    }
    // a document in memory gets buffers of its own size, not the 64 KB a file gets: a server
    // validating one small Task per call allocates no more than it needs
    int size =
        raw instanceof ByteArrayInputStream bytes
            ? Math.min(LineSplitter.CHUNK, bytes.available() + 1)
            : LineSplitter.CHUNK;
    InputStream in = new BufferedInputStream(raw, size);
    try {
      String utf32 = utf32(in);
      if (utf32 != null) {
        closeQuietly(in);
        ready.add(
            new SourceProblem(
                display,
                1,
                "the content is "
                    + utf32
                    + "; FHIR content must be UTF-8 (convert it, e.g. iconv -f UTF-32 -t UTF-8)",
                "invalid"));
        return;
      }
      if (ndjsonByName) {
        current = new NdjsonReader(display, in, limits, ndjsonSkipLimit());
        return;
      }
      LineSplitter splitter = new LineSplitter(in, limits.maxLineBytes(), 1, size);
      // a first line longer than the limit makes the input unreadable: stop there (an endless
      // stream such as /dev/zero must not be read to its end)
      splitter.maxSkipBytes(0);
      LineSplitter.Line first = splitter.next();
      splitter.maxSkipBytes(ndjsonSkipLimit());
      if (first == null) {
        in.close();
        ready.add(new RawDocument(display, 1, new byte[0], false));
        return;
      }
      if (first.bytes() != null && isWholeJsonObject(first.bytes())) {
        // a first line holding one complete JSON object: NDJSON, unless nothing else follows
        LineSplitter.Line second = splitter.next();
        while (second != null && second.bytes() != null && isBlank(second.bytes())) {
          second = splitter.next();
        }
        if (second == null) {
          in.close();
          ready.add(new RawDocument(display, 1, first.bytes(), false));
          return;
        }
        if (second.bytes() != null && opensMultiLineValue(second.bytes())) {
          // a one-line value, then a pretty-printed one: neither one document nor NDJSON
          closeQuietly(in);
          ready.add(
              new SourceProblem(
                  display,
                  second.number(),
                  "more than one JSON value: a one-line value at line 1, then a value over several"
                      + " lines from line "
                      + second.number()
                      + "; a JSON document holds one value, and NDJSON needs one whole value per"
                      + " line",
                  "structure"));
          return;
        }
        current = NdjsonReader.resume(display, first, second, splitter, in, limits);
        return;
      }
      if (first.bytes() == null) {
        in.close();
        ready.add(
            new SourceProblem(
                display,
                1,
                "line 1 is longer than "
                    + limits.maxLineBytes()
                    + " bytes; TaskCheck reads documents with lines of"
                    + " at most that length (pretty-print the JSON, or write one resource per line as NDJSON)",
                "too-long"));
        return;
      }
      byte[] prefix = concatNewline(first.bytes());
      InputStream whole =
          new SequenceInputStream(new ByteArrayInputStream(prefix), splitter.remaining());
      byte[] bytes = readAll(whole, limits.maxDocumentBytes());
      in.close();
      ready.add(bytes == null ? tooLarge(display) : new RawDocument(display, 1, bytes, false));
    } catch (IOException e) {
      closeQuietly(in);
      ready.add(new SourceProblem(display, null, "cannot read: " + describe(e), issueType(e)));
    }
  }

  /**
   * Queues the document of in-memory content without a line break, as the general path below reads
   * it, and returns true; false for content that needs that path: several lines, a possible UTF-32
   * text, a line over the limit, a document at the size limit.
   *
   * <p>The general path drops a trailing carriage return and ends a line that is not one whole JSON
   * object with a line break. Here every document gets the line break, so that the line need not be
   * scanned for a whole object (in profiles that scan cost 5-9% of a small Task's validation): a
   * line break after a whole object is trailing whitespace, which parses the same; only the
   * document's size in bytes differs by one.
   */
  private boolean singleLine(String display, byte[] bytes) {
    int length = bytes.length;
    if (length == 0
        || length > limits.maxLineBytes()
        || length + 1L > limits.maxDocumentBytes()
        || utf32(bytes) != null
        || indexOf(bytes, (byte) '\n') >= 0) {
      return false;
    }
    byte[] document;
    if (bytes[length - 1] == '\r') {
      document = bytes; // the carriage return becomes the line break
    } else {
      document = Arrays.copyOf(bytes, length + 1);
    }
    document[document.length - 1] = '\n';
    ready.add(new RawDocument(display, 1, document, false));
    return true;
  }

  /**
   * {@link #singleLine} for text in memory: queues the document as the text (a line, read as if its
   * line break followed) and returns true when its UTF-8 bytes would have taken that path and
   * decoded back to the same text; false for text that needs the bytes (a line break, a NUL
   * character, a surrogate, a byte-order mark, a closing carriage return, a length near the
   * limits), which is rare.
   */
  private boolean singleLineText(String display, String text) {
    int length = text.length();
    // a character is at most three UTF-8 bytes (four for a surrogate pair, which goes the other
    // way)
    long bytesAtMost = 3L * length;
    if (length == 0
        || bytesAtMost > limits.maxLineBytes()
        || bytesAtMost + 1 > limits.maxDocumentBytes()
        || text.charAt(0) == '\uFEFF'
        || text.charAt(length - 1) == '\r'
        || text.indexOf('\n') >= 0
        || text.indexOf('\0') >= 0) {
      return false;
    }
    // (one loop testing all three characters measured slower than these: indexOf reads many
    // characters a step)
    for (int i = 0; i < length; i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return false; // a lone one becomes '?' in UTF-8: read it as the bytes say
      }
    }
    ready.add(new TextDocument(display, 1, text));
    return true;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How far a too-long NDJSON line is skipped looking for the next line before the rest of the
   * input is given up: as far as one whole document may be long.
   */
  private long ndjsonSkipLimit() {
    return limits.maxDocumentBytes();
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // the input is already reported or finished; a failing close adds nothing to tell
    }
  }

  private SourceProblem tooLarge(String display) {
    return new SourceProblem(
        display,
        null,
        "the document is larger than "
            + (limits.maxDocumentBytes() / (1024 * 1024))
            + " MiB; split it, or write one resource per line (NDJSON), which is streamed",
        "too-long");
  }

  private static byte[] concatNewline(byte[] line) {
    byte[] out = new byte[line.length + 1];
    System.arraycopy(line, 0, out, 0, line.length);
    out[line.length] = '\n';
    return out;
  }

  private static byte @Nullable [] readAll(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * The name of the UTF-32 encoding the stream starts in (by its byte-order mark, or a first
   * character, a brace or an angle bracket, padded with three NULs), or null; the stream is left
   * where it was.
   */
  static @Nullable String utf32(InputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    return utf32(head);
  }

  /** {@link #utf32(InputStream)} of content in memory. */
  private static @Nullable String utf32(byte[] head) {
    if (head.length < 4) {
      return null;
    }
    int b0 = head[0] & 0xFF;
    int b1 = head[1] & 0xFF;
    int b2 = head[2] & 0xFF;
    int b3 = head[3] & 0xFF;
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
      return "UTF-32 big-endian (it starts with a UTF-32 BE byte-order mark)";
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
      return "UTF-32 little-endian (it starts with a UTF-32 LE byte-order mark)";
    }
    if (b0 == 0 && b1 == 0 && b2 == 0 && (b3 == '{' || b3 == '<')) {
      return "UTF-32 big-endian";
    }
    if ((b0 == '{' || b0 == '<') && b1 == 0 && b2 == 0 && b3 == 0) {
      return "UTF-32 little-endian";
    }
    return null;
  }

  /**
   * True when the line is the first line of a pretty-printed JSON value: an opening brace or
   * bracket alone (a broken NDJSON line that opens an object and stops is not: it stays one line's
   * finding).
   */
  static boolean opensMultiLineValue(byte[] bytes) {
    int start = 0;
    int end = bytes.length;
    while (start < end && isBlankByte(bytes[start])) {
      start++;
    }
    while (end > start && isBlankByte(bytes[end - 1])) {
      end--;
    }
    return end - start == 1 && (bytes[start] == '{' || bytes[start] == '[');
  }

  private static boolean isBlankByte(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the bytes hold exactly one JSON object (strings and escapes respected), ignoring
   * blanks.
   */
  static boolean isWholeJsonObject(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    if (n >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < n && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r')) {
      i++;
    }
    if (i >= n || bytes[i] != '{') {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    for (; i < n; i++) {
      byte b = bytes[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          for (int j = i + 1; j < n; j++) {
            if (bytes[j] != ' ' && bytes[j] != '\t' && bytes[j] != '\r') {
              return false;
            }
          }
          return b == '}';
        }
      }
    }
    return false;
  }

  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static String issueType(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "security";
    }
    if (e instanceof NoSuchFileException) {
      return "not-found";
    }
    return "exception";
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** Streams the lines of one NDJSON input as documents. */
  private static final class NdjsonReader implements Closeable {
    private final String display;
    private final LineSplitter splitter;
    private final InputStream in;
    private final Deque<LineSplitter.Line> pushedBack = new ArrayDeque<>();
    private final int maxLineBytes;

    private boolean finished;

    NdjsonReader(String display, InputStream in, SourceLimits limits, long maxSkipBytes) {
      this.display = display;
      this.in = in;
      this.maxLineBytes = limits.maxLineBytes();
      this.splitter = new LineSplitter(in, limits.maxLineBytes(), 1);
      this.splitter.maxSkipBytes(maxSkipBytes);
    }

    /** The fatal for a read that failed after the lines read so far; the input ends there. */
    SourceProblem failed(IOException e) {
      int line = splitter.lineNumber() + 1;
      return new SourceProblem(
          display,
          line,
          "cannot read: "
              + describe(e)
              + " (at line "
              + line
              + "); the lines before it were read, the rest of the input was not",
          issueType(e));
    }

    /** Ends this input: the next call gives nothing. */
    void finish() {
      finished = true;
      pushedBack.clear();
    }

    private NdjsonReader(String display, LineSplitter splitter, InputStream in, int maxLineBytes) {
      this.display = display;
      this.in = in;
      this.splitter = splitter;
      this.maxLineBytes = maxLineBytes;
    }

    static NdjsonReader resume(
        String display,
        LineSplitter.Line first,
        LineSplitter.Line second,
        LineSplitter splitter,
        InputStream in,
        SourceLimits limits) {
      NdjsonReader r = new NdjsonReader(display, splitter, in, limits.maxLineBytes());
      r.pushedBack.add(first);
      r.pushedBack.add(second);
      return r;
    }

    @Nullable SourceItem next() throws IOException {
      while (true) {
        if (finished) {
          return null;
        }
        LineSplitter.Line line = pushedBack.isEmpty() ? splitter.next() : pushedBack.removeFirst();
        if (line == null) {
          return null;
        }
        if (line.bytes() == null && line.abandoned()) {
          finish();
          return new SourceProblem(
              display,
              line.number(),
              "NDJSON line "
                  + line.number()
                  + " is longer than the limit of "
                  + maxLineBytes
                  + " bytes and no line end follows within "
                  + line.length()
                  + " bytes; the rest of the input was not read",
              "too-long");
        }
        if (line.bytes() == null) {
          return new SourceProblem(
              display,
              line.number(),
              "NDJSON line "
                  + line.number()
                  + " is "
                  + line.length()
                  + " bytes long, more than the limit of "
                  + maxLineBytes
                  + " bytes; the line was skipped",
              "too-long");
        }
        if (isBlank(line.bytes())) {
          continue;
        }
        return new RawDocument(display, line.number(), line.bytes(), true);
      }
    }

    @Override
    public void close() {
      closeQuietly(in);
    }
  }
}
