package dev.taskcheck.report;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Closes several resources, all of them even when some fail, reporting the first failure. */
final class Closeables {

  private Closeables() {}

  /**
   * Closes every resource in order. The first exception is rethrown once all are closed; later ones
   * are added to it as suppressed.
   */
  static void closeAll(@Nullable Closeable... resources) throws IOException {
    Throwable first = null;
    for (Closeable c : resources) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (IOException | RuntimeException | Error e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof IOException e) {
      throw e;
    }
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  /** Closes {@code resource}, adding any failure to {@code primary} instead of throwing it. */
  static void closeQuietly(@Nullable Closeable resource, Throwable primary) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (IOException | RuntimeException e) {
      if (e != primary) {
        primary.addSuppressed(e);
      }
    }
  }
}
