package dev.taskcheck.fhir;

import dev.taskcheck.model.FhirRelease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The resource type names of each FHIR release, so that a document can be told to be a resource (or
 * not) without loading a whole FHIR model. The list lives in {@code resource-types.txt} beside this
 * class.
 */
public final class ResourceTypes {

  private static final Map<FhirRelease, Set<String>> TYPES = load();
  private static final Set<String> ANY = union();

  private ResourceTypes() {}

  /** True when some supported release has a resource type with this name. */
  public static boolean isKnown(String name) {
    return ANY.contains(name);
  }

  /** True when {@code release} has a resource type with this name. */
  public static boolean isKnown(FhirRelease release, String name) {
    return of(release).contains(name);
  }

  /** The resource type names of one release. */
  public static Set<String> of(FhirRelease release) {
    // load() has a line for every release or fails
    return Objects.requireNonNull(TYPES.get(release));
  }

  private static Map<FhirRelease, Set<String>> load() {
    Map<FhirRelease, Set<String>> out = new EnumMap<>(FhirRelease.class);
    try (InputStream in = ResourceTypes.class.getResourceAsStream("resource-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource-types.txt is missing from the TaskCheck jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        out.put(
            FhirRelease.parse(parts[0]), Set.copyOf(Arrays.asList(parts).subList(1, parts.length)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (FhirRelease r : FhirRelease.values()) {
      if (!out.containsKey(r)) {
        throw new IllegalStateException("resource-types.txt has no line for " + r);
      }
    }
    return Map.copyOf(out);
  }

  private static Set<String> union() {
    Set<String> all = new HashSet<>();
    TYPES.values().forEach(all::addAll);
    return Set.copyOf(all);
  }
}
