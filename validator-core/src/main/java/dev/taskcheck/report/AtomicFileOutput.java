package dev.taskcheck.report;

import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A report written to a temporary file beside its target and renamed onto the target in one step
 * when closed after a successful {@link #finish}. Closed otherwise (the run failed, or writing
 * failed), the temporary file is deleted and an existing target is left as it was.
 */
final class AtomicFileOutput implements ReportOutput {

  /** Creates the writer for a format over the stream it should write to. */
  @FunctionalInterface
  interface WriterFactory {
    /**
     * Creates the writer.
     *
     * @param sink the stream to write to; closing it only flushes it
     * @param directory the target's directory, where the writer may put its own temporary files
     *     (null for a target without a parent directory: the system's temporary directory is used)
     */
    ReportOutput create(OutputStream sink, @Nullable Path directory);
  }

  private static final int BUFFER = 64 << 10;
  private static final int NAME_ATTEMPTS = 100;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream out;
  private final ReportOutput delegate;
  private boolean finished;
  private boolean failed;
  private boolean closed;

  private AtomicFileOutput(
      Path target, Path temp, FileChannel channel, OutputStream out, ReportOutput delegate) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.out = out;
    this.delegate = delegate;
  }

  /** Opens the temporary file beside {@code file}, creating missing parent directories. */
  static AtomicFileOutput open(Path file, WriterFactory factory) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    Path directory = target.getParent();
    Path name = target.getFileName();
    if (directory == null || name == null) {
      throw new IOException("not a file path: " + file);
    }
    if (Files.isDirectory(target)) {
      throw new IOException("cannot write the report to " + file + ": it is a directory");
    }
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
    }
    TempFiles.sweep(directory, name.toString());
    for (int attempt = 1; ; attempt++) {
      // Created with CREATE_NEW rather than Files.createTempFile so that the report gets the usual
      // permissions (from the umask), not the owner-only permissions of a temporary file.
      Path temp =
          directory.resolve("." + name + "." + TempFiles.tag() + "-" + randomSuffix() + ".tmp");
      FileChannel channel;
      try {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= NAME_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      TempFiles.opened(temp);
      return open(target, temp, channel, factory);
    }
  }

  private static AtomicFileOutput open(
      Path target, Path temp, FileChannel channel, WriterFactory factory) throws IOException {
    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    try {
      Path directory = temp.getParent();
      ReportOutput delegate = factory.create(new NonClosingOutputStream(out), directory);
      return new AtomicFileOutput(target, temp, channel, out, delegate);
    } catch (RuntimeException | Error e) {
      Closeables.closeQuietly(channel, e);
      deleteQuietly(temp, e);
      TempFiles.closed(temp);
      if (e instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
  }

  private static String randomSuffix() {
    return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }

  /** The temporary file being written (for tests). */
  Path temp() {
    return temp;
  }

  @Override
  public void start(RunInfo run) {
    ensureOpen();
    try {
      delegate.start(run);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void result(Result result) {
    ensureOpen();
    try {
      delegate.result(result);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void metrics(LifecycleMetrics metrics) {
    ensureOpen();
    try {
      delegate.metrics(metrics);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void finish(Summary summary, Timings timings) {
    ensureOpen();
    try {
      delegate.finish(summary, timings);
      finished = true;
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  /** Rejects a call after close or a successful finish without discarding the report. */
  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("report output is closed");
    }
    if (finished) {
      throw new IllegalStateException("report already finished");
    }
  }

  /**
   * After a successful {@link #finish}: flushes, forces the content to disk and renames the
   * temporary file onto the target. Otherwise deletes the temporary file. The temporary file never
   * survives.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    if (prepare()) {
      commit();
    }
  }

  /**
   * The first half of {@link #close}: after a successful {@link #finish}, writes everything out and
   * forces it to disk, leaving only the rename to {@link #commit}, and returns true; otherwise
   * deletes the temporary file and returns false. On failure the temporary file is deleted too.
   */
  boolean prepare() throws IOException {
    if (closed) {
      return false;
    }
    closed = true;
    boolean commit = finished && !failed;
    try {
      delegate.close();
      if (commit) {
        out.flush();
        channel.force(true);
        channel.close();
        return true;
      }
    } catch (Throwable t) {
      Closeables.closeQuietly(channel, t);
      deleteQuietly(temp, t);
      TempFiles.closed(temp);
      throw t;
    }
    discard();
    return false;
  }

  /** The second half of {@link #close} after a {@link #prepare} that returned true. */
  void commit() throws IOException {
    try {
      moveIntoPlace();
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp, e);
      throw e;
    } finally {
      TempFiles.closed(temp);
    }
  }

  /** Deletes a prepared temporary file: another report of its set could not be written. */
  void discardPrepared() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException | RuntimeException ignored) {
      // the next run's sweep removes it
    } finally {
      TempFiles.closed(temp);
    }
  }

  private void discard() throws IOException {
    try {
      channel.close();
    } finally {
      try {
        Files.deleteIfExists(temp);
      } finally {
        TempFiles.closed(temp);
      }
    }
  }

  private void moveIntoPlace() throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file, Throwable primary) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}
