package dev.taskcheck.testdata.mutation;

import java.util.List;

/** An operator's name and summary, and the ways operators add their targets. */
abstract class BaseOperator implements Operator {

  private final String name;
  private final String summary;

  BaseOperator(String name, String summary) {
    this.name = name;
    this.summary = summary;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  /** Adds a target per variant, each variant its own key. */
  static void add(List<Target> out, Site s, String... variants) {
    addIf(out, s, true, variants);
  }

  /** The same, when {@code applies}. */
  static void addIf(List<Target> out, Site s, boolean applies, String... variants) {
    if (applies) {
      for (String v : variants) {
        out.add(new Target(v, v, s));
      }
    }
  }
}
