package dev.taskcheck.parse;

/** The two FHIR serialisations TaskCheck reads. */
public enum Format {
  JSON,
  XML
}
