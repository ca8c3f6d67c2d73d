package dev.taskcheck.parse;

/**
 * Parses one FHIR document (JSON or XML, decided by its content) into a {@link Node} tree with
 * positions, or says precisely why it cannot: never throws for bad input.
 */
public final class DocumentParser {

  private DocumentParser() {}

  /**
   * Decodes UTF-8 bytes (strictly) and parses them.
   *
   * @param firstLine the line of the enclosing source where these bytes start (1 for a whole file)
   */
  public static ParseOutcome parse(byte[] bytes, int offset, int length, int firstLine) {
    return parse(bytes, offset, length, firstLine, DocumentLimits.DEFAULTS);
  }

  /** Decodes and parses within the given per-document budgets. */
  public static ParseOutcome parse(
      byte[] bytes, int offset, int length, int firstLine, DocumentLimits limits) {
    Utf8.Decoded decoded = Utf8.decode(bytes, offset, length, firstLine);
    if (decoded.failure() != null) {
      return decoded.failure();
    }
    return parseText(java.util.Objects.requireNonNull(decoded.text()), firstLine, limits);
  }

  public static ParseOutcome parse(byte[] bytes, int firstLine) {
    return parse(bytes, 0, bytes.length, firstLine);
  }

  public static ParseOutcome parse(byte[] bytes, int firstLine, DocumentLimits limits) {
    return parse(bytes, 0, bytes.length, firstLine, limits);
  }

  /** Parses text that is already decoded. */
  public static ParseOutcome parseText(String text, int firstLine) {
    return parseText(text, firstLine, DocumentLimits.DEFAULTS);
  }

  /**
   * Parses the text of one line as a file's line reads: as if a line break followed it. An ordinary
   * JSON document is read as it is; any other text (XML, an error, an irregularity) is parsed with
   * the line break appended, so every finding and position is that of the line.
   */
  public static ParseOutcome parseLine(String text, int firstLine, DocumentLimits limits) {
    // the line break after the root object is whitespace: it changes nothing the reader builds;
    // the text with its break must be within the reader's length limit, as parseText's would be
    Node root =
        text.length() < JsonTreeParser.MAX_STRING_LENGTH
            ? FastJsonReader.read(text, firstLine, limits)
            : null;
    if (root != null) {
      return new ParsedDocument(Format.JSON, root, text, firstLine);
    }
    return parseText(text + "\n", firstLine, limits);
  }

  /** Parses text that is already decoded, within the given per-document budgets. */
  public static ParseOutcome parseText(String text, int firstLine, DocumentLimits limits) {
    int line = firstLine;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (!Character.isWhitespace(c)
          && !(c == '\uFEFF' && i == 0)) { // skips a leading byte order mark
        if (c == '<') {
          return XmlTreeParser.parse(text, firstLine, limits);
        }
        if (c == '{'
            || c == '['
            || c == '"'
            || c == '-'
            || (c >= '0' && c <= '9')
            || c == 't'
            || c == 'f'
            || c == 'n') {
          return JsonTreeParser.parse(text, firstLine, limits);
        }
        int column = i - lineStart + 1;
        String shown = Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
        return new ParseFailure(
            "not a JSON or XML document: it starts with "
                + shown
                + " at line "
                + line
                + ", column "
                + column,
            line,
            column,
            "structure");
      }
    }
    return new ParseFailure(
        text.isEmpty()
            ? "the document is empty"
            : "the document is empty: it holds only whitespace",
        firstLine,
        1,
        "structure");
  }

  /**
   * Where text stands directly inside a FHIR element of an XML document, in document order (empty
   * when it does not parse): the structure engine reports such text without a usable position.
   */
  public static java.util.List<StrayText> strayXmlTexts(String text, int firstLine) {
    return XmlTreeParser.strayTexts(text, firstLine);
  }
}
