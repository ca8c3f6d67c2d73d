package dev.taskcheck.testdata.mutation;

import java.util.List;

/** The catalogue of mutation operators, listed explicitly, in the order of the README's table. */
final class Operators {

  static final List<Operator> ALL =
      List.of(
          new RemoveRequired(),
          new DuplicateSingle(),
          new WrongJsonType(),
          new BadPrimitive(),
          new BadCode(),
          new UnknownElement(),
          new ReferenceType(),
          new ReferenceFormat(),
          new Contained(),
          new BundleEntries(),
          new Invariants(),
          new Extensions(),
          new Empties(),
          new Nulls(),
          new Syntax());

  private Operators() {}

  /** The operator of that name. */
  static Operator named(String name) {
    for (Operator op : ALL) {
      if (op.name().equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("no mutation operator '" + name + "'");
  }
}
