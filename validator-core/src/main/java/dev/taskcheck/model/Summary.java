package dev.taskcheck.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Counts over a whole run.
 *
 * @param inputs files and streams read (a directory counts each file in it; an NDJSON file counts
 *     once)
 * @param documents documents read: a file, each NDJSON line, standard input
 * @param resources Task resources validated (each Task in a Bundle counts)
 * @param skipped resources that are not Tasks: counted, not validated
 * @param fatal issues at fatal severity
 * @param error issues at error severity
 * @param warning issues at warning severity
 * @param information issues at information severity
 * @param releases how many Task resources were validated against each FHIR release
 * @param suppressed findings removed by suppressions (listed in the JSON report with their reasons)
 * @param engines how many Task resources each structure engine checked, by engine code ({@link
 *     Result#ENGINE_FAST}, {@link Result#ENGINE_REFERENCE}; under {@code --engine auto} both can
 *     appear), in code order; an engine that checked nothing is absent. Tasks whose structure no
 *     engine checked (the fast engine did not cover them under {@code --engine fast}) are in no
 *     count, so the counts add up to {@code resources} or less
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Summary(
    long inputs,
    long documents,
    long resources,
    long skipped,
    long fatal,
    long error,
    long warning,
    long information,
    Map<FhirRelease, Long> releases,
    long suppressed,
    Map<String, Long> engines) {

  /** Counts without per-engine counts. */
  public Summary(
      long inputs,
      long documents,
      long resources,
      long skipped,
      long fatal,
      long error,
      long warning,
      long information,
      Map<FhirRelease, Long> releases,
      long suppressed) {
    this(
        inputs,
        documents,
        resources,
        skipped,
        fatal,
        error,
        warning,
        information,
        releases,
        suppressed,
        Map.of());
  }

  /** Counts with nothing suppressed and without per-engine counts. */
  public Summary(
      long inputs,
      long documents,
      long resources,
      long skipped,
      long fatal,
      long error,
      long warning,
      long information,
      Map<FhirRelease, Long> releases) {
    this(inputs, documents, resources, skipped, fatal, error, warning, information, releases, 0);
  }

  public Summary {
    EnumMap<FhirRelease, Long> copy = new EnumMap<>(FhirRelease.class);
    copy.putAll(releases);
    releases = Collections.unmodifiableMap(copy);
    engines = Collections.unmodifiableMap(new TreeMap<>(engines));
  }

  /** How many Task resources the structure engine {@code engine} checked; 0 when none. */
  public long checkedBy(String engine) {
    Long n = engines.get(engine);
    return n == null ? 0 : n;
  }

  /** The number of issues at exactly {@code severity}. */
  public long count(Severity severity) {
    return switch (severity) {
      case FATAL -> fatal;
      case ERROR -> error;
      case WARNING -> warning;
      case INFORMATION -> information;
    };
  }

  /** The number of issues at {@code threshold} or worse. */
  public long countAtLeast(Severity threshold) {
    long n = 0;
    for (Severity s : Severity.values()) {
      if (s.isAtLeast(threshold)) {
        n += count(s);
      }
    }
    return n;
  }
}
