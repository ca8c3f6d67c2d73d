package dev.taskcheck.source;

/**
 * Size limits that keep memory bounded whatever the input.
 *
 * @param maxDocumentBytes the largest single document (file or stdin) read into memory
 * @param maxLineBytes the longest NDJSON line
 */
public record SourceLimits(long maxDocumentBytes, int maxLineBytes) {

  public static SourceLimits defaults() {
    return new SourceLimits(256L * 1024 * 1024, 64 * 1024 * 1024);
  }
}
