package dev.taskcheck.testdata.mutation;

import java.util.Objects;

/**
 * A real JSON document with at least one Task (a Task, or a Bundle with Task entries) that mutants
 * are made from.
 *
 * @param file where it is, relative to the testdata folder with forward slashes ({@code
 *     corpus/spec-r4/ Task-example1.json}); a line of an NDJSON file is {@code
 *     samples/tasks.ndjson#3} (1-based)
 * @param release the FHIR release it is written for
 * @param licence the licence of the seed, and so of its mutants ({@code CC0-1.0}, {@code
 *     Apache-2.0})
 * @param group the source it comes from and its release ({@code corpus/gematik/2025-01-15 R4}):
 *     mutants are spread over groups first, so that the 150 IBM files do not outweigh 13 spec
 *     examples
 * @param text the document, exactly as in the file
 */
public record Seed(String file, Release release, String licence, String group, String text) {

  public Seed {
    Objects.requireNonNull(file);
    Objects.requireNonNull(release);
    Objects.requireNonNull(licence);
    Objects.requireNonNull(group);
    Objects.requireNonNull(text);
  }

  /**
   * The file name without folder and extension, made safe for a file name: {@code Task-example1};
   * {@code tasks-3} for line 3 of {@code tasks.ndjson}.
   */
  public String stem() {
    String name = file.substring(file.lastIndexOf('/') + 1);
    String line = "";
    int hash = name.indexOf('#');
    if (hash >= 0) {
      line = "-" + name.substring(hash + 1);
      name = name.substring(0, hash);
    }
    int dot = name.lastIndexOf('.');
    String base = (dot > 0 ? name.substring(0, dot) : name) + line;
    return base.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
