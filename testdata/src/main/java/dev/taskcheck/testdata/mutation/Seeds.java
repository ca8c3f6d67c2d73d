package dev.taskcheck.testdata.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the seeds in a testdata folder: the JSON documents holding a Task (a Task or a Bundle with
 * Task entries) of
 *
 * <ul>
 *   <li>{@code corpus/}: release and licence from {@code INDEX.tsv} (rows of the R6 build are left
 *       out);
 *   <li>{@code fixtures/structure/}: release from {@code cases.json}, Apache-2.0 (TaskCheck's own);
 *   <li>{@code samples/}: R4 (an {@code -r5} in the name: R5), Apache-2.0; the lines of an NDJSON
 *       file are seeds each;
 *   <li>{@code mutation/seeds/}: written for the mutator where the corpus has nothing (an R4B and
 *       an R5 Bundle with Tasks), release from the name's end ({@code -r4b.json}), Apache-2.0.
 * </ul>
 *
 * A document that is byte for byte another seed (the samples copied from the corpus) is a seed
 * once, under its first path. XML documents are not seeds: the mutator edits JSON only. The list is
 * sorted by path.
 */
public final class Seeds {

  private static final String OWN_LICENCE = "Apache-2.0";

  private Seeds() {}

  /** The seeds below {@code testdata}, sorted by path. */
  public static List<Seed> discover(Path testdata) {
    Map<String, Seed> found = new TreeMap<>();
    corpus(testdata, found);
    fixtures(testdata, found);
    samples(testdata, found);
    own(testdata, found);
    List<Seed> out = new ArrayList<>();
    Set<String> texts = new HashSet<>();
    for (Seed s : found.values()) {
      if (texts.add(s.text())) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no JSON Task seeds below " + testdata);
    }
    return List.copyOf(out);
  }

  private static void corpus(Path testdata, Map<String, Seed> found) {
    Path index = testdata.resolve("corpus").resolve("INDEX.tsv");
    List<String> lines = lines(index);
    List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
    int fileCol = column(header, "file", index);
    int versionCol = column(header, "fhir_version", index);
    int licenceCol = column(header, "license", index);
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      if (line.isBlank() || !cols[fileCol].endsWith(".json")) {
        continue;
      }
      Release release = Release.parse(cols[versionCol]);
      String rel = cols[fileCol];
      if (release != null) {
        add(
            found,
            "corpus/" + rel,
            release,
            cols[licenceCol],
            "corpus/" + source(rel),
            read(testdata.resolve("corpus").resolve(rel)));
      }
    }
  }

  /**
   * The source folder of a corpus file: {@code ig/davinci-cdex}, {@code gematik/2023-07-01}, {@code
   * spec-r4}.
   */
  private static String source(String corpusPath) {
    String[] parts = corpusPath.split("/", -1);
    boolean twoLevels =
        parts[0].equals("ig") || parts[0].equals("gematik") || parts[0].equals("ibm");
    return twoLevels && parts.length > 2 ? parts[0] + "/" + parts[1] : parts[0];
  }

  private static void fixtures(Path testdata, Map<String, Seed> found) {
    Path dir = testdata.resolve("fixtures").resolve("structure");
    Path cases = dir.resolve("cases.json");
    if (!Files.isRegularFile(cases)) {
      return;
    }
    JsonText.Value list = JsonText.parse(read(cases)).get("cases");
    for (JsonText.Value c : list.items()) {
      String file = c.text("file");
      Release release = Release.parse(c.text("fhirVersion"));
      String path = "fixtures/structure/" + file;
      if (file.endsWith(".json") && release != null && !found.containsKey(path)) {
        add(found, path, release, OWN_LICENCE, "fixtures/structure", read(dir.resolve(file)));
      }
    }
  }

  private static void samples(Path testdata, Map<String, Seed> found) {
    for (Path f : list(testdata.resolve("samples"))) {
      String name = f.getFileName().toString();
      Release release = name.contains("-r5") ? Release.R5 : Release.R4;
      if (name.endsWith(".json")) {
        add(found, "samples/" + name, release, OWN_LICENCE, "samples", read(f));
      } else if (name.endsWith(".ndjson")) {
        List<String> lines = lines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).isBlank()) {
            add(
                found,
                "samples/" + name + "#" + (i + 1),
                release,
                OWN_LICENCE,
                "samples",
                lines.get(i));
          }
        }
      }
    }
  }

  private static void own(Path testdata, Map<String, Seed> found) {
    Path dir = testdata.resolve("mutation").resolve("seeds");
    for (Path f : list(dir)) {
      String name = f.getFileName().toString();
      Release release =
          name.endsWith("-r5.json")
              ? Release.R5
              : name.endsWith("-r4b.json")
                  ? Release.R4B
                  : name.endsWith("-r4.json") ? Release.R4 : null;
      if (release != null) {
        add(found, "mutation/seeds/" + name, release, OWN_LICENCE, "mutation/seeds", read(f));
      }
    }
  }

  /** The regular files of a folder, sorted; none if it does not exist. */
  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds the document if it is a Task or a Bundle with a Task entry; the group gets the release.
   */
  private static void add(
      Map<String, Seed> found,
      String file,
      Release release,
      String licence,
      String source,
      String text) {
    JsonText.Value root;
    try {
      root = JsonText.parse(text);
    } catch (JsonText.SyntaxException e) {
      return; // not JSON (a broken seed is no seed)
    }
    if (!root.isObject() || !holdsTask(root)) {
      return;
    }
    found.put(file, new Seed(file, release, licence, source + " " + release.name(), text));
  }

  static boolean holdsTask(JsonText.Value root) {
    String type = root.text("resourceType");
    if ("Task".equals(type)) {
      return true;
    }
    JsonText.Value entries = root.get("entry");
    if (!"Bundle".equals(type) || entries == null || !entries.isArray()) {
      return false;
    }
    for (JsonText.Value e : entries.items()) {
      JsonText.Value r = e.isObject() ? e.get("resource") : null;
      if (r != null && r.isObject() && "Task".equals(r.text("resourceType"))) {
        return true;
      }
    }
    return false;
  }

  private static int column(List<String> header, String name, Path file) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(file + ": no column " + name);
    }
    return i;
  }

  private static List<String> lines(Path file) {
    return Arrays.asList(read(file).split("\r?\n", -1));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
