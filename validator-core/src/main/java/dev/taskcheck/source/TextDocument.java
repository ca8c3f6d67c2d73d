package dev.taskcheck.source;

import java.util.Objects;

/**
 * One document given as text ({@link TextInput}): what a {@link RawDocument} holds, already
 * decoded. It reads as its UTF-8 bytes would: one line, with no byte-order mark, which the text
 * holds without its line break ({@code DocumentParser.parseLine}: the break is not copied on).
 *
 * @param firstLine the line of the source on which the document starts
 */
public record TextDocument(String source, int firstLine, String text) implements SourceItem {

  public TextDocument {
    Objects.requireNonNull(source);
    Objects.requireNonNull(text);
  }

  @Override
  public Integer documentLine() {
    return firstLine;
  }
}
