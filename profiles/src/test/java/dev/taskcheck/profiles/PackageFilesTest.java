package dev.taskcheck.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packages as files: the .tgz the HL7 validator loads with {@code -ig}, the folder in the jar
 * the engine loads, their {@code .index.json}, and the sources they are built from.
 */
class PackageFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(Release.class)
  void theTgzLoadsAsTheHl7ValidatorLoadsIt(Release release) throws IOException {
    NpmPackage npm;
    try (InputStream in = Files.newInputStream(release.tgz())) {
      npm = NpmPackage.fromPackage(in);
    }
    assertThat(npm.name()).isEqualTo(release.packageName());
    assertThat(npm.version()).isEqualTo(Release.projectVersion());
    assertThat(npm.fhirVersionList()).isEqualTo(release.fhirVersion());
    assertThat(npm.fhirVersion()).isEqualTo(release.fhirVersion());
    assertThat(npm.canonical()).isEqualTo(Release.CANONICAL);
    assertThat(npm.dependencies()).containsExactly(core(release) + "#" + release.fhirVersion());

    List<String> listed = npm.listResources("StructureDefinition");
    assertThat(listed)
        .containsExactlyInAnyOrder(
            "StructureDefinition-taskcheck-task.json",
            "StructureDefinition-taskcheck-progress-ratio.json");
    FhirContext context = release.newContext();
    Set<String> urls = new TreeSet<>();
    for (String file : listed) {
      IBaseResource sd;
      try (InputStream in = npm.load("package", file)) {
        sd =
            context
                .newJsonParser()
                .parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertThat(context.newTerser().getValues(sd, "snapshot.element"))
          .as(file)
          .hasSizeGreaterThanOrEqualTo(5);
      assertThat(context.newTerser().getSinglePrimitiveValueOrNull(sd, "version"))
          .isEqualTo(Release.projectVersion());
      assertThat(context.newTerser().getSinglePrimitiveValueOrNull(sd, "fhirVersion"))
          .isEqualTo(release.fhirVersion());
      urls.add(context.newTerser().getSinglePrimitiveValueOrNull(sd, "url"));
    }
    assertThat(urls).containsExactlyInAnyOrder(Release.TASK_PROFILE, Release.RATIO_PROFILE);
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void theTgzHoldsExactlyTheJarFolderUnderPackage(Release release)
      throws IOException, URISyntaxException {
    Map<String, byte[]> tgz = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(Files.newInputStream(release.tgz())))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        assertThat(e.getName()).startsWith("package/");
        assertThat(e.getMode() & 0777).isEqualTo(0644);
        tgz.put(e.getName().substring("package/".length()), tar.readAllBytes());
      }
    }
    Path folder = jarFolder(release);
    assertThat(tgz.keySet()).containsExactlyInAnyOrderElementsOf(filesIn(folder));
    for (Map.Entry<String, byte[]> e : tgz.entrySet()) {
      assertThat(e.getValue())
          .as(e.getKey())
          .isEqualTo(Files.readAllBytes(folder.resolve(e.getKey())));
    }
    assertThat(List.copyOf(tgz.keySet()).subList(0, 2))
        .containsExactly("package.json", ".index.json");
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void theIndexListsExactlyTheResourcesOfTheJarFolder(Release release)
      throws IOException, URISyntaxException {
    Path folder = jarFolder(release);
    JsonNode index = JSON.readTree(TaskValidator.read(release.jarFolder() + ".index.json"));
    assertThat(index.path("index-version").asInt())
        .isEqualTo(2); // what HL7's NpmPackage reads without re-indexing
    Set<String> listed = new TreeSet<>();
    for (JsonNode entry : index.path("files")) {
      String file = entry.path("filename").asText();
      listed.add(file);
      JsonNode resource = JSON.readTree(folder.resolve(file).toFile());
      for (String field : List.of("resourceType", "id", "url", "version", "kind", "type")) {
        assertThat(entry.path(field).asText())
            .as(file + " " + field)
            .isEqualTo(resource.path(field).asText())
            .isNotEmpty();
      }
    }
    Set<String> present = new TreeSet<>(filesIn(folder));
    present.removeAll(Set.of("package.json", ".index.json"));
    assertThat(listed).isEqualTo(present);
    // and the engine's reader (the filename fields) sees the same list
    assertThat(TaskValidator.filenames(TaskValidator.read(release.jarFolder() + ".index.json")))
        .containsExactlyInAnyOrderElementsOf(present);
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void packageJsonCarriesTheProjectVersion(Release release) throws IOException {
    JsonNode pkg = JSON.readTree(TaskValidator.read(release.jarFolder() + "package.json"));
    assertThat(pkg.path("name").asText()).isEqualTo(release.packageName());
    assertThat(pkg.path("version").asText()).isEqualTo(Release.projectVersion()).isEqualTo("0.1.0");
    assertThat(pkg.path("fhirVersions").toString())
        .isEqualTo("[\"" + release.fhirVersion() + "\"]");
    assertThat(pkg.path("dependencies").path(core(release)).asText())
        .isEqualTo(release.fhirVersion());
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void theSourcesAreDifferentialsWithoutVersion(Release release) throws IOException {
    for (Path file : filesOf(release.sources())) {
      JsonNode json = JSON.readTree(file.toFile());
      assertThat(json.has("version")).as(file + " has no version: the build stamps it").isFalse();
      assertThat(json.has("snapshot"))
          .as(file + " has no snapshot: the build generates it")
          .isFalse();
    }
    assertThat(Files.exists(release.sources().resolve(".index.json")))
        .as("the build generates .index.json")
        .isFalse();
  }

  /** R4 and R4B are the same profile; STU3 and R5 differ only where their Task differs. */
  @Test
  void theReleasesDifferOnlyWhereFhirDiffers() throws IOException {
    for (String file :
        List.of(
            "StructureDefinition-taskcheck-task.json",
            "StructureDefinition-taskcheck-progress-ratio.json",
            "package.json")) {
      ObjectNode r4 = (ObjectNode) JSON.readTree(Release.R4.sources().resolve(file).toFile());
      ObjectNode r4b = (ObjectNode) JSON.readTree(Release.R4B.sources().resolve(file).toFile());
      assertThat(withoutReleaseFields(r4b, file))
          .as(file)
          .isEqualTo(withoutReleaseFields(r4, file));
    }
    Map<String, String> r4 = constraints(Release.R4);
    // STU3 carries R4's invariants word for word (its Task has the elements they read)
    assertThat(constraints(Release.STU3)).isEqualTo(r4);
    Map<String, String> r5 = constraints(Release.R5);
    assertThat(r5.keySet()).isEqualTo(r4.keySet());
    Set<String> differing =
        r4.keySet().stream()
            .filter(k -> !r4.get(k).equals(r5.get(k)))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(differing).containsExactly("Task.statusReason failure-4");
    assertThat(r4).hasSize(14);
  }

  /**
   * Restating Task.output.value[x]'s type list to profile Ratio must keep every type of the core
   * definition.
   */
  @ParameterizedTest
  @EnumSource(Release.class)
  void everyOutputTypeStaysAllowedAndRatioIsProfiled(Release release) throws IOException {
    FhirContext context = release.newContext();
    IBaseResource core =
        new DefaultProfileValidationSupport(context)
            .fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Task");
    List<String> coreTypes =
        outputValueTypes(JSON.readTree(context.newJsonParser().encodeResourceToString(core)));
    JsonNode ours =
        JSON.readTree(
            TaskValidator.read(release.jarFolder() + "StructureDefinition-taskcheck-task.json"));
    List<String> ourTypes = outputValueTypes(ours);
    // 38 in STU3, 50 in R4
    assertThat(coreTypes).hasSizeGreaterThan(35).doesNotContain("Ratio|" + Release.RATIO_PROFILE);
    assertThat(ourTypes).hasSameSizeAs(coreTypes).contains("Ratio|" + Release.RATIO_PROFILE);
    assertThat(ourTypes.stream().map(t -> t.replace("|" + Release.RATIO_PROFILE, "")).toList())
        .containsExactlyElementsOf(coreTypes);
    assertThat(ourTypes).filteredOn(t -> t.contains("|")).hasSize(1);
  }

  /** The types of Task.output.value[x] in a snapshot, "code" or "code|profile". */
  private static List<String> outputValueTypes(JsonNode sd) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : sd.path("snapshot").path("element")) {
      if (e.path("id").asText().equals("Task.output.value[x]")) {
        for (JsonNode t : e.path("type")) {
          out.add(
              t.path("code").asText()
                  + (t.has("profile") ? "|" + firstProfile(t.path("profile")) : ""));
        }
      }
    }
    return out;
  }

  /** A type's profile: one canonical in STU3, a list of them from R4 on. */
  private static String firstProfile(JsonNode profile) {
    return (profile.isArray() ? profile.path(0) : profile).asText();
  }

  /** "element-id key" -> expression, of every constraint in the release's sources. */
  private static Map<String, String> constraints(Release release) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path file : filesOf(release.sources())) {
      for (JsonNode e : JSON.readTree(file.toFile()).path("differential").path("element")) {
        for (JsonNode c : e.path("constraint")) {
          out.put(
              e.path("id").asText() + " " + c.path("key").asText(), c.path("expression").asText());
        }
      }
    }
    return out;
  }

  private static JsonNode withoutReleaseFields(ObjectNode json, String file) {
    ObjectNode copy = json.deepCopy();
    copy.remove(
        file.equals("package.json")
            ? List.of("name", "title", "fhirVersions", "dependencies")
            : List.of("fhirVersion"));
    return copy;
  }

  private static String core(Release release) {
    // STU3's core package is hl7.fhir.r3.core
    return "hl7.fhir." + (release == Release.STU3 ? "r3" : release.code()) + ".core";
  }

  private static Path jarFolder(Release release) throws URISyntaxException {
    URL url =
        PackageFilesTest.class.getClassLoader().getResource(release.jarFolder() + "package.json");
    assertThat(url).as("the package folder is on the class path").isNotNull();
    return Path.of(url.toURI()).getParent();
  }

  private static List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> filesOf(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().startsWith("StructureDefinition-"))
          .sorted()
          .toList();
    }
  }
}
