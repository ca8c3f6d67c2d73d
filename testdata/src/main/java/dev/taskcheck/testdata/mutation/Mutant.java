package dev.taskcheck.testdata.mutation;

import java.util.Objects;

/**
 * A numbered mutant of a {@link MutationCorpus}: its file name, its seed, and the mutation.
 *
 * @param number its number in the corpus, from 1
 * @param fileName {@code 00001-<operator>-<seed stem>.json}: sorts by number, names operator and
 *     seed
 * @param seed the seed it was made from (file, release, licence)
 * @param mutation the mutation and the mutated text
 */
public record Mutant(int number, String fileName, Seed seed, Mutation mutation) {

  public Mutant {
    Objects.requireNonNull(fileName);
    Objects.requireNonNull(seed);
    Objects.requireNonNull(mutation);
  }

  /** The mutated document. */
  public String text() {
    return mutation.text();
  }

  /** The FHIR release to validate it as: the seed's. */
  public Release release() {
    return seed.release();
  }

  /**
   * Its line of {@code manifest.tsv} (see {@link MutationCorpus#MANIFEST_HEADER}), tabs and line
   * ends made spaces.
   */
  public String manifestLine() {
    return String.join(
        "\t",
        fileName,
        seed.file(),
        seed.release().name(),
        cell(seed.licence()),
        mutation.operator(),
        cell(mutation.variant()),
        cell(mutation.pointer()),
        cell(mutation.path()),
        mutation.syntax() ? "yes" : "no",
        cell(mutation.description()));
  }

  private static String cell(String s) {
    return s.replaceAll("[\\t\\r\\n]", " ");
  }
}
