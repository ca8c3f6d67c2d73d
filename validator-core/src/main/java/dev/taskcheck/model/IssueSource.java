package dev.taskcheck.model;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which part of the pipeline produced an issue. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum IssueSource {
  /** Reading and parsing the input (the document did not parse, or could not be read). */
  PARSER,
  /** Base-specification structure: elements, types, cardinality, bindings, base invariants. */
  STRUCTURE,
  /** A profile the resource claims or the run applies (constraints outside the base spec). */
  PROFILE,
  /** A TaskCheck rule over a single Task. */
  RULE,
  /** A TaskCheck rule over two or more versions of one Task. */
  TRANSITION;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
