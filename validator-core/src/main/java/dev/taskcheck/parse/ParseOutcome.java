package dev.taskcheck.parse;

/** What parsing one document gave: a tree, or the reason there is none. */
public sealed interface ParseOutcome permits ParsedDocument, ParseFailure {}
