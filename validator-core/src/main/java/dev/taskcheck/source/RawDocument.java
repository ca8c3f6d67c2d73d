package dev.taskcheck.source;

import java.util.Objects;

/**
 * The bytes of one document: a whole file, standard input, or one NDJSON line.
 *
 * @param firstLine the line of the source on which the document starts (1, or the NDJSON line
 *     number)
 * @param ndjsonLine true when the document is one line of an NDJSON stream
 */
@SuppressWarnings(
    "ArrayRecordComponent") // the document's bytes, handed to the parser: never copied or compared
public record RawDocument(String source, int firstLine, byte[] bytes, boolean ndjsonLine)
    implements SourceItem {

  public RawDocument {
    Objects.requireNonNull(source);
    Objects.requireNonNull(bytes);
  }

  @Override
  public Integer documentLine() {
    return firstLine;
  }
}
