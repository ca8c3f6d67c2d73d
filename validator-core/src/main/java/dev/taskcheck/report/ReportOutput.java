package dev.taskcheck.report;

import dev.taskcheck.model.ReportListener;
import java.io.Closeable;
import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A report being written. Call {@link #close()} after {@link #finish}: a file output then appears
 * at its path in one atomic step. Closing without {@code finish} (the run failed) discards a file
 * output, so a half-written report never exists where CI would read it.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ReportOutput extends ReportListener, Closeable {

  @Override
  void close() throws IOException;
}
