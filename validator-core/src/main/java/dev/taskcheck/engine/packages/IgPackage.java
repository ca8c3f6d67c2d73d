package dev.taskcheck.engine.packages;

import dev.taskcheck.model.FhirRelease;
import java.util.List;
import java.util.Map;

/**
 * One FHIR NPM package as TaskCheck loaded it: its {@code package.json} facts and the conformance
 * resources it holds (StructureDefinition, ValueSet, CodeSystem), as their raw bytes.
 *
 * @param id the package name ({@code hl7.fhir.us.core}, {@code dev.taskcheck.test.dsf})
 * @param version its version
 * @param release the FHIR release it is written for (its {@code fhirVersions}, or the core package
 *     it depends on)
 * @param dependencies other packages it needs, id to version, as {@code package.json} lists them
 * @param origin where it was read from: a file, a folder, or {@code id#version} in the cache
 * @param resources its conformance resources
 */
public record IgPackage(
    String id,
    String version,
    FhirRelease release,
    Map<String, String> dependencies,
    String origin,
    List<Resource> resources) {

  public IgPackage {
    dependencies = Map.copyOf(dependencies);
    resources = List.copyOf(resources);
  }

  /** {@code id#version}, as packages name each other. */
  public String name() {
    return id + "#" + version;
  }

  /**
   * One conformance resource of a package.
   *
   * @param path its path inside the package (for messages)
   * @param resourceType StructureDefinition, ValueSet or CodeSystem
   * @param url its canonical URL
   * @param version its business version, or empty
   * @param xml whether {@code bytes} are XML (otherwise JSON)
   * @param bytes the resource as the package holds it (never changed after loading)
   */
  // the bytes are read once from the package and only read afterwards; equality is not used
  @SuppressWarnings("ArrayRecordComponent")
  public record Resource(
      String path, String resourceType, String url, String version, boolean xml, byte[] bytes) {}
}
