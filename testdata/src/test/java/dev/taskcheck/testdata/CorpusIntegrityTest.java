package dev.taskcheck.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The third-party corpus: indexed, attributed, and unchanged from its source. */
class CorpusIntegrityTest {

  static final List<String> COLUMNS =
      List.of(
          "file",
          "source_repo",
          "source_path",
          "commit",
          "fhir_version",
          "task_instances",
          "believed",
          "reason",
          "license",
          "shared_corpus_path",
          "sha256");
  private static final Set<String> META = Set.of("INDEX.tsv", "_provenance.json");
  private static final Set<String> LICENCES =
      Set.of("CC0-1.0", "Apache-2.0", "CC0-1.0 (HL7 FHIR spec)");

  /** Source folders whose own _provenance.json covers their files. */
  private static final List<String> SOURCE_FOLDERS =
      List.of(
          "spec-1.4.0",
          "spec-stu3",
          "spec-r4",
          "spec-r4b",
          "spec-r5",
          "ibm",
          "gematik",
          "fhir-test-cases",
          "fhir-test-cases/spec-r6-invariant-tests");

  /** The rows of corpus/INDEX.tsv, keyed by path. */
  static Map<String, Map<String, String>> index() {
    List<String> lines = TestData.text(TestData.corpus().resolve("INDEX.tsv")).lines().toList();
    assertThat(lines.get(0).split("\t", -1)).containsExactlyElementsOf(COLUMNS);
    Map<String, Map<String, String>> rows = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      assertThat(cols).as(line).hasSize(COLUMNS.size());
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < cols.length; i++) {
        row.put(COLUMNS.get(i), cols[i]);
      }
      assertThat(rows.put(cols[0], row)).as("listed twice: %s", cols[0]).isNull();
    }
    return rows;
  }

  private static List<String> payloadFiles() {
    List<String> files = new ArrayList<>();
    for (String f : TestData.files(TestData.corpus())) {
      if (!META.contains(Path.of(f).getFileName().toString())) {
        files.add(f);
      }
    }
    return files;
  }

  @Test
  void indexIsWellFormed() {
    Map<String, Map<String, String>> rows = index();
    assertThat(rows).hasSizeGreaterThan(400);
    for (Map<String, String> row : rows.values()) {
      assertThat(row.get("source_repo")).as(row.get("file")).isNotBlank();
      assertThat(row.get("commit"))
          .as(row.get("file"))
          .matches("[0-9a-f]{40}( \\(tag [0-9.]+\\))?");
      assertThat(row.get("fhir_version"))
          .as(row.get("file"))
          .matches(
              "1\\.4\\.0 \\(2016May\\)|STU3 \\(3\\.0\\.1\\)|R4 \\(4\\.0\\.1\\)|R4B \\(4\\.3\\.0\\)|R5 \\(5\\.0\\.0\\)|R6 ci-build");
      assertThat(row.get("task_instances")).as(row.get("file")).matches("\\d+");
      assertThat(LICENCES).as(row.get("file")).contains(row.get("license"));
      assertThat(row.get("shared_corpus_path")).as(row.get("file")).isNotBlank();
    }
  }

  @Test
  void everyIndexedFileExists() {
    for (String file : index().keySet()) {
      assertThat(TestData.corpus().resolve(file)).as(file).isRegularFile();
    }
  }

  @Test
  void everyCorpusFileIsIndexed() {
    assertThat(new TreeSet<>(payloadFiles())).containsExactlyElementsOf(index().keySet());
  }

  @Test
  void noDerivedOrNonPayloadFilesWereCopied() {
    for (String f : TestData.files(TestData.corpus())) {
      assertThat(f).doesNotContain("derived-r4-task-instances", "MANIFEST.MF", "index-task-lines");
      assertThat(f).matches(".*\\.(json|xml|ndjson|tsv)");
    }
  }

  @Test
  void everySourceFolderHasItsProvenance() {
    Path corpus = TestData.corpus();
    List<String> folders = new ArrayList<>(SOURCE_FOLDERS);
    for (String f : payloadFiles()) {
      if (f.startsWith("ig/")) {
        folders.add(f.substring(0, f.lastIndexOf('/')));
      }
    }
    for (String folder : new TreeSet<>(folders)) {
      assertThat(corpus.resolve(folder).resolve("_provenance.json")).as(folder).isRegularFile();
    }
    String[] top = corpus.toFile().list();
    assertThat(top)
        .containsExactlyInAnyOrder(
            "INDEX.tsv",
            "spec-1.4.0",
            "spec-stu3",
            "spec-r4",
            "spec-r4b",
            "spec-r5",
            "ig",
            "ibm",
            "gematik",
            "fhir-test-cases");
  }

  @Test
  void everyFileIsListedInItsNearestProvenanceAndEveryEntryExists() {
    Path corpus = TestData.corpus();
    Map<String, Set<String>> listed = new HashMap<>();
    for (String f : TestData.files(corpus)) {
      if (f.endsWith("_provenance.json")) {
        String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
        Set<String> names = new TreeSet<>();
        for (Map<?, ?> e : provenance(corpus.resolve(f))) {
          assertThat(new ArrayList<Object>(e.keySet()))
              .as(f)
              .contains("file", "repo", "path", "commit");
          String name = (String) e.get("file");
          assertThat(names.add(name)).as("%s lists %s twice", f, name).isTrue();
          assertThat(corpus.resolve(dir).resolve(name)).as("%s lists %s", f, name).isRegularFile();
        }
        listed.put(dir, names);
      }
    }
    for (String f : payloadFiles()) {
      String dir = f.substring(0, f.lastIndexOf('/'));
      while (!listed.containsKey(dir)) {
        assertThat(dir).as("no _provenance.json above %s", f).contains("/");
        dir = dir.substring(0, dir.lastIndexOf('/'));
      }
      assertThat(listed.get(dir))
          .as("%s/_provenance.json", dir)
          .contains(f.substring(dir.length() + 1));
    }
  }

  @Test
  void indexAgreesWithProvenance() {
    Path corpus = TestData.corpus();
    Map<String, Map<?, ?>> entries = new HashMap<>();
    for (String f : TestData.files(corpus)) {
      if (f.endsWith("_provenance.json")) {
        String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/') + 1) : "";
        for (Map<?, ?> e : provenance(corpus.resolve(f))) {
          entries.put(dir + e.get("file"), e);
        }
      }
    }
    for (Map<String, String> row : index().values()) {
      Map<?, ?> e = entries.get(row.get("file"));
      assertThat(e).as(row.get("file")).isNotNull();
      assertThat(row.get("source_repo")).as(row.get("file")).isEqualTo(e.get("repo"));
      assertThat(row.get("commit")).as(row.get("file")).isEqualTo(e.get("commit"));
      Object path = e.get("path");
      assertThat(row.get("source_path"))
          .as(row.get("file"))
          .isEqualTo(path == MiniJson.NULL ? "None" : path);
    }
  }

  @Test
  void noticeNamesEverySource() {
    String notice = TestData.text(TestData.root().resolve("NOTICE-testdata.md"));
    Set<String> repos = new TreeSet<>();
    for (Map<String, String> row : index().values()) {
      repos.add(row.get("source_repo").replaceAll(" \\(.*\\)$", ""));
      assertThat(notice)
          .as("commit of %s", row.get("file"))
          .contains(row.get("commit").substring(0, 40));
    }
    assertThat(repos).allSatisfy(repo -> assertThat(notice).contains(repo));
  }

  @Test
  void specFoldersHoldAllTheSpecTaskExamples() {
    assertThat(count("spec-r4/")).isEqualTo(12);
    assertThat(count("spec-r4b/")).isEqualTo(12);
    assertThat(count("spec-r5/")).isEqualTo(13);
    assertThat(count("ibm/")).isEqualTo(150);
    assertThat(count("gematik/")).isEqualTo(178);
    assertThat(index())
        .containsKeys(
            "fhir-test-cases/validator/xver-task-r4.json",
            "fhir-test-cases/validator/xver-task-r5.json",
            "fhir-test-cases/spec-r6-invariant-tests/tsk-0.f1.fail.xml",
            "fhir-test-cases/spec-r6-invariant-tests/tsk-1.f1.fail.xml",
            "fhir-test-cases/spec-r6-invariant-tests/tsk-1.f2.fail.xml");
  }

  /**
   * Every copy is unchanged: its SHA-256 is the one INDEX.tsv recorded at import, and, where the
   * shared corpus is beside the project (on every team machine and in CI), the original's is the
   * same.
   */
  @Test
  void copiesAreUnchangedSinceImport() {
    Path shared = TestData.sharedCorpus();
    boolean haveShared = Files.isDirectory(shared);
    for (Map<String, String> row : index().values()) {
      String recorded = row.get("sha256");
      assertThat(recorded).as(row.get("file")).matches("[0-9a-f]{64}");
      assertThat(sha256(TestData.bytes(TestData.corpus().resolve(row.get("file")))))
          .as(row.get("file"))
          .isEqualTo(recorded);
      // "-": taken from its source directly, not through the shared corpus
      if (haveShared && !row.get("shared_corpus_path").equals("-")) {
        Path original = shared.resolve(row.get("shared_corpus_path"));
        assertThat(original).as(row.get("file")).isRegularFile();
        assertThat(sha256(TestData.bytes(original)))
            .as("%s differs from %s", row.get("file"), original)
            .isEqualTo(recorded);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String prefix) {
    return index().keySet().stream().filter(f -> f.startsWith(prefix)).count();
  }

  private static List<Map<?, ?>> provenance(Path file) {
    Object parsed = MiniJson.parse(TestData.text(file));
    assertThat(parsed).as(file.toString()).isInstanceOf(List.class);
    List<Map<?, ?>> entries = new ArrayList<>();
    for (Object o : (List<?>) parsed) {
      assertThat(o).as(file.toString()).isInstanceOf(Map.class);
      entries.add((Map<?, ?>) o);
    }
    return entries;
  }
}
