package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies exactly one mutation to a seed, chosen from a seed number: an operator that can act on
 * the seed, a group of like targets (an element, a type, a variant), one target of it. The same
 * seed and seed number give the same mutation, byte for byte.
 *
 * <pre>
 * Mutation m = new Mutator().mutate(seed, 42).orElseThrow();
 * Mutation b = new Mutator().mutate(seed, "bad-primitive", 42).orElseThrow();
 * </pre>
 *
 * <p>A mutant is the seed's text with a few edits (see {@link Layout}): untouched parts keep their
 * bytes, lines and columns before the change stay where they were. Every mutant differs from its
 * seed, still holds a Task, and is strict JSON unless the operator is {@code syntax}.
 */
public final class Mutator {

  /**
   * How many targets are tried before an operator gives up on a seed (a few variants can refuse).
   */
  private static final int ATTEMPTS = 32;

  /** Applies one mutation by any operator that can act on the seed; empty if none can. */
  public Optional<Mutation> mutate(Seed seed, long seedNumber) {
    Doc doc = new Doc(seed);
    Rng rng = Rng.of(seedNumber, seed.file().hashCode());
    List<Operator> ops = new ArrayList<>(Operators.ALL);
    while (!ops.isEmpty()) {
      Operator op = pickWeighted(ops, rng);
      Mutation m = mutate(doc, op, byKey(doc, op), rng);
      if (m != null) {
        return Optional.of(m);
      }
      ops.remove(op);
    }
    return Optional.empty();
  }

  /** Applies one mutation by the operator named; empty if it cannot act on the seed. */
  public Optional<Mutation> mutate(Seed seed, String operator, long seedNumber) {
    Doc doc = new Doc(seed);
    Operator op = Operators.named(operator);
    return Optional.ofNullable(
        mutate(doc, op, byKey(doc, op), Rng.of(seedNumber, seed.file().hashCode())));
  }

  /** The operator's targets in a document, grouped by key (keys sorted). */
  static Map<String, List<Operator.Target>> byKey(Doc doc, Operator op) {
    List<Operator.Target> all = new ArrayList<>();
    op.targets(doc, all);
    Map<String, List<Operator.Target>> out = new TreeMap<>();
    for (Operator.Target t : all) {
      out.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
    }
    return out;
  }

  private static Mutation mutate(
      Doc doc, Operator op, Map<String, List<Operator.Target>> targets, Rng rng) {
    if (targets.isEmpty()) {
      return null;
    }
    List<String> keys = new ArrayList<>(targets.keySet());
    for (int i = 0; i < ATTEMPTS; i++) {
      Mutation m = apply(doc, op, rng.pick(targets.get(rng.pick(keys))), rng);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /**
   * Applies an operator at one target; null when it refuses, leaves the text as it was, breaks the
   * JSON without being a syntax operator, or leaves no Task.
   */
  static Mutation apply(Doc doc, Operator op, Operator.Target target, Rng rng) {
    Operator.Change c = op.apply(doc, target, rng);
    if (c == null) {
      return null;
    }
    String text = Layout.apply(doc.text(), c.edits());
    if (text.equals(doc.text())) {
      return null;
    }
    if (!op.syntax()) {
      JsonText.Value root;
      try {
        root = JsonText.parse(text);
      } catch (JsonText.SyntaxException e) {
        return null;
      }
      if (!JsonText.noDuplicates(root) || !root.isObject() || !Seeds.holdsTask(root)) {
        return null;
      }
    }
    return new Mutation(
        op.name(), c.variant(), c.pointer(), c.path(), c.description(), op.syntax(), text);
  }

  private static Operator pickWeighted(List<Operator> ops, Rng rng) {
    int total = 0;
    for (Operator op : ops) {
      total += op.weight();
    }
    int x = rng.nextInt(total);
    for (Operator op : ops) {
      x -= op.weight();
      if (x < 0) {
        return op;
      }
    }
    throw new IllegalStateException("weights");
  }
}
