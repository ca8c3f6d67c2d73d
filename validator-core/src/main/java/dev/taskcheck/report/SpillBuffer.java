package dev.taskcheck.report;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Bytes written now and copied out later: held in memory up to a limit, then in a temporary file
 * that {@link #close()} deletes. Lets a writer put content that is known last (counts) ahead of
 * content that arrives first (results) without holding the results in memory.
 */
final class SpillBuffer extends OutputStream {

  /** The default in-memory limit, 8 MiB. */
  static final int DEFAULT_MEMORY_LIMIT = 8 << 20;

  private static final int FILE_BUFFER = 64 << 10;

  private final @Nullable Path directory;
  private final int memoryLimit;
  private byte[] memory;
  private int count;
  private long size;
  private @Nullable Path file;
  private @Nullable OutputStream fileOut;
  private boolean closed;

  /**
   * @param directory where the temporary file goes; null for the system temporary directory
   * @param memoryLimit how many bytes stay in memory before the buffer moves to a file
   */
  SpillBuffer(@Nullable Path directory, int memoryLimit) {
    if (memoryLimit < 0) {
      throw new IllegalArgumentException("memoryLimit < 0");
    }
    this.directory = directory;
    this.memoryLimit = memoryLimit;
    this.memory = new byte[Math.min(memoryLimit, 8192)];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    if (fileOut == null) {
      if ((long) count + len <= memoryLimit) {
        if (count + len > memory.length) {
          int capacity = (int) Math.min(memoryLimit, Math.max(count + len, 2L * memory.length));
          memory = Arrays.copyOf(memory, capacity);
        }
        System.arraycopy(b, off, memory, count, len);
        count += len;
        size += len;
        return;
      }
      moveToFile();
    }
    requireFileOut().write(b, off, len);
    size += len;
  }

  private void moveToFile() throws IOException {
    Path f =
        directory == null
            ? Files.createTempFile("taskcheck-" + TempFiles.tag() + "-", ".spill")
            : Files.createTempFile(directory, ".taskcheck-" + TempFiles.tag() + "-", ".spill");
    TempFiles.opened(f);
    file = f;
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), FILE_BUFFER);
    fileOut = out;
    out.write(memory, 0, count);
    memory = new byte[0];
    count = 0;
  }

  private OutputStream requireFileOut() {
    OutputStream out = fileOut;
    if (out == null) {
      throw new IllegalStateException("not spilled");
    }
    return out;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("spill buffer closed");
    }
  }

  /** The number of bytes written so far. */
  long size() {
    return size;
  }

  /** The temporary file, or null while everything is still in memory (or after close). */
  @Nullable Path file() {
    return closed ? null : file;
  }

  /** The byte at {@code position}, which must be below {@link #size()} and in memory. */
  byte byteAt(long position) {
    if (fileOut != null || position < 0 || position >= count) {
      throw new IndexOutOfBoundsException(position);
    }
    return memory[(int) position];
  }

  /** Copies everything written from {@code offset} on to {@code out}. */
  void copyTo(OutputStream out, long offset) throws IOException {
    ensureOpen();
    if (offset < 0 || offset > size) {
      throw new IndexOutOfBoundsException(offset);
    }
    OutputStream fo = fileOut;
    Path f = file;
    if (fo == null || f == null) {
      out.write(memory, (int) offset, count - (int) offset);
      return;
    }
    fo.flush();
    try (InputStream in = Files.newInputStream(f)) {
      in.skipNBytes(offset);
      byte[] buffer = new byte[FILE_BUFFER];
      long remaining = size - offset;
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          throw new IOException("spill file " + f + " is shorter than expected");
        }
        out.write(buffer, 0, n);
        remaining -= n;
      }
    }
  }

  /** Reads everything written so far; the stream must be closed before this buffer is. */
  InputStream inputStream() throws IOException {
    ensureOpen();
    OutputStream fo = fileOut;
    Path f = file;
    if (fo == null || f == null) {
      return new ByteArrayInputStream(memory, 0, count);
    }
    fo.flush();
    return Files.newInputStream(f);
  }

  @Override
  public void flush() throws IOException {
    OutputStream out = fileOut;
    if (out != null && !closed) {
      out.flush();
    }
  }

  /** Releases the memory and deletes the temporary file, if any. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    memory = new byte[0];
    count = 0;
    Path f = file;
    try {
      Closeables.closeAll(fileOut);
    } finally {
      fileOut = null;
      if (f != null) {
        Files.deleteIfExists(f);
        TempFiles.closed(f);
      }
    }
  }
}
