package dev.taskcheck.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into lines without decoding it, holding one line at a time. A line longer
 * than the limit is skipped (reported, not buffered), so memory stays bounded whatever the input.
 */
final class LineSplitter {

  /**
   * One line: its 1-based number, and its bytes without the line terminator; null bytes when too
   * long. {@code abandoned}: the line was too long and no line end came within the skip limit, so
   * the rest of the stream was not read (an endless stream such as {@code /dev/zero} ends there).
   */
  @SuppressWarnings("ArrayRecordComponent") // the line's bytes handed to the reader, never compared
  record Line(int number, byte @Nullable [] bytes, long length, boolean abandoned) {
    Line(int number, byte @Nullable [] bytes, long length) {
      this(number, bytes, length, false);
    }
  }

  private final InputStream in;
  private final int maxLineBytes;

  /** The read buffer's size for streams of unknown length. */
  static final int CHUNK = 64 * 1024;

  private final byte[] chunk;
  private int chunkPos;
  private int chunkLen;
  private int lineNumber;
  private boolean eof;

  /**
   * How many bytes of a too-long line are skipped looking for its end before the stream is given
   * up; 0 gives it up as soon as the line is known to be too long.
   */
  private long maxSkipBytes;

  LineSplitter(InputStream in, int maxLineBytes, int firstLineNumber) {
    this(in, maxLineBytes, firstLineNumber, CHUNK);
  }

  /** With a read buffer of {@code chunkSize} bytes (a small document needs no 64 KB buffer). */
  LineSplitter(InputStream in, int maxLineBytes, int firstLineNumber, int chunkSize) {
    this.chunk = new byte[Math.max(1, chunkSize)];
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.lineNumber = firstLineNumber - 1;
    this.maxSkipBytes = Long.MAX_VALUE;
  }

  /** Sets how far a too-long line is skipped before the rest of the stream is given up. */
  void maxSkipBytes(long bytes) {
    this.maxSkipBytes = Math.max(0, bytes);
  }

  /** The number of the last line returned (the first line's number minus one before any). */
  int lineNumber() {
    return lineNumber;
  }

  /** The rest of the stream after the lines read so far, including what is already buffered. */
  InputStream remaining() {
    InputStream buffered =
        new java.io.ByteArrayInputStream(chunk, chunkPos, Math.max(0, chunkLen - chunkPos));
    chunkPos = chunkLen;
    return eof ? buffered : new java.io.SequenceInputStream(buffered, in);
  }

  /** The next line, or null at the end of the stream. */
  @Nullable Line next() throws IOException {
    if (eof && chunkPos >= chunkLen) {
      return null;
    }
    byte[] buf = new byte[256];
    int len = 0;
    long total = 0;
    boolean tooLong = false;
    boolean sawAny = false;
    boolean abandoned = false;
    while (true) {
      if (chunkPos >= chunkLen) {
        if (eof) {
          break;
        }
        chunkLen = in.read(chunk);
        chunkPos = 0;
        if (chunkLen <= 0) {
          chunkLen = 0;
          eof = true;
          break;
        }
      }
      sawAny = true;
      int start = chunkPos;
      int nl = -1;
      for (int i = chunkPos; i < chunkLen; i++) {
        if (chunk[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? chunkLen : nl;
      int n = end - start;
      total += n;
      if (!tooLong) {
        if (total > maxLineBytes) {
          tooLong = true;
          buf = new byte[0]; // the line is skipped: let its buffer go
        } else {
          if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(maxLineBytes, buf.length * 2)));
          }
          System.arraycopy(chunk, start, buf, len, n);
          len += n;
        }
      }
      chunkPos = nl < 0 ? chunkLen : nl + 1;
      if (nl >= 0) {
        break;
      }
      if (tooLong && total - maxLineBytes > maxSkipBytes) {
        // no line end in sight: stop reading rather than skip an endless line forever
        abandoned = true;
        eof = true;
        chunkPos = chunkLen;
        break;
      }
    }
    if (!sawAny) {
      return null;
    }
    lineNumber++;
    if (tooLong) {
      return new Line(lineNumber, null, total, abandoned);
    }
    if (len > 0 && buf[len - 1] == '\r') {
      len--;
    }
    return new Line(lineNumber, Arrays.copyOf(buf, len), len);
  }
}
