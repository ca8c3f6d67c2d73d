package dev.taskcheck;

import java.io.Closeable;
import java.io.IOException;

/**
 * A report being written. Call {@link #close()} after {@link #finish}: a file output then appears at its
 * path in one atomic step. Closing without {@code finish} (the run failed) discards a file output, so a
 * half-written report never exists where CI would read it.
 */
public interface ReportOutput extends ReportListener, Closeable {

  @Override
  void close() throws IOException;
}
