package dev.taskcheck.testdata.mutation;

import java.util.Objects;

/**
 * One mutation of a seed: the mutated document and what was done.
 *
 * @param operator the operator ({@code bad-primitive}); {@link MutationCorpus#operators()} lists
 *     them
 * @param variant how it acted ({@code dateTime:space}, {@code drop}, {@code misspelled})
 * @param pointer the JSON pointer of the changed value in the seed ({@code
 *     /entry/0/resource/status}; for an added member, where it is added)
 * @param path the same as a FHIRPath ({@code Bundle.entry[0].resource.status})
 * @param description what changed, one line ({@code dateTime authoredOn "2024-..." -> "2024-...
 *     10:30:00"})
 * @param syntax whether the mutant is a deliberate syntax error (not well-formed JSON, or a
 *     repeated member name); every other mutant is strict JSON
 * @param text the mutated document
 */
public record Mutation(
    String operator,
    String variant,
    String pointer,
    String path,
    String description,
    boolean syntax,
    String text) {

  public Mutation {
    Objects.requireNonNull(operator);
    Objects.requireNonNull(variant);
    Objects.requireNonNull(pointer);
    Objects.requireNonNull(path);
    Objects.requireNonNull(description);
    Objects.requireNonNull(text);
  }
}
