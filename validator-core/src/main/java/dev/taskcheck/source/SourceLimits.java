package dev.taskcheck.source;

/**
 * Size limits that keep memory bounded whatever the input.
 *
 * @param maxDocumentBytes the largest single document (file or stdin) read into memory
 * @param maxLineBytes the longest NDJSON line
 */
public record SourceLimits(long maxDocumentBytes, int maxLineBytes) {

  /** The largest document read whatever the heap. */
  static final long MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;

  /** The longest NDJSON line read whatever the heap. */
  static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  /** The smallest document limit however small the heap. */
  static final long MIN_DOCUMENT_BYTES = 16L * 1024 * 1024;

  /**
   * The limits for this JVM's heap: a document needs many times its size in memory while it is
   * parsed and validated, so one may be at most a sixteenth of the heap (256 MiB at most, 16 MiB at
   * least): with -Xmx1g a 100 MB document is refused by its size before it can exhaust the heap.
   */
  public static SourceLimits defaults() {
    return forHeap(Runtime.getRuntime().maxMemory());
  }

  static SourceLimits forHeap(long maxHeapBytes) {
    long document = Math.max(MIN_DOCUMENT_BYTES, Math.min(MAX_DOCUMENT_BYTES, maxHeapBytes / 16));
    return new SourceLimits(document, (int) Math.min(MAX_LINE_BYTES, document));
  }
}
