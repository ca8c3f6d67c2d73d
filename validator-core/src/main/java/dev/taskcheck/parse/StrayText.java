package dev.taskcheck.parse;

/**
 * Text standing directly inside a FHIR element (outside the XHTML narrative), which FHIR XML does
 * not allow.
 *
 * @param line the line of the text's first character that is not whitespace
 * @param column its column
 * @param elementLine the line of the start tag of the element holding the text
 * @param elementColumn its column
 */
public record StrayText(int line, int column, int elementLine, int elementColumn) {}
