package dev.taskcheck.plan;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.DocumentLimits;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParseOutcome;
import dev.taskcheck.parse.ParsedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conformance resources the reference engine validates with, read from the same class-path
 * sources, in the same order: HAPI's {@code hapi-fhir-validation-resources-*} jars (R4 and R4B: the
 * spec's XML bundles of profiles, extensions, value sets and code systems; R5: the core, extensions
 * and terminology NPM packages), then TaskCheck's own profiles package. Parsed with TaskCheck's
 * parser: no HAPI class is loaded.
 */
public final class DefinitionSources {

  private DefinitionSources() {}

  /** The FHIR version of a release's core definitions. */
  public static String fhirVersion(FhirRelease release) {
    return switch (release) {
      case V1_4_0, STU3 ->
          throw new IllegalArgumentException("the fast engine has no " + release.code() + " plan");
      case R4 -> "4.0.1";
      case R4B -> "4.3.0";
      case R5 -> "5.0.0";
    };
  }

  /**
   * Adds every definition of a release to {@code compiler}, in the order a support chain loads
   * them.
   */
  public static PlanCompiler addAll(FhirRelease release, PlanCompiler compiler) {
    ClassLoader loader = DefinitionSources.class.getClassLoader();
    switch (release) {
      case V1_4_0, STU3 ->
          throw new IllegalArgumentException("the fast engine has no " + release.code() + " plan");
      case R4 ->
          bundles(
              loader,
              compiler,
              "org/hl7/fhir/r4/model/",
              List.of(
                  "profile/profiles-resources.xml",
                  "profile/profiles-types.xml",
                  "profile/profiles-others.xml",
                  "extension/extension-definitions.xml",
                  "valueset/valuesets.xml",
                  "valueset/v2-tables.xml",
                  "valueset/v3-codesystems.xml"));
      case R4B -> {
        bundles(
            loader,
            compiler,
            "org/hl7/fhir/r4b/model/",
            List.of(
                "profile/profiles-resources.xml",
                "profile/profiles-types.xml",
                "profile/profiles-others.xml",
                "extension/extension-definitions.xml",
                "valueset/valuesets.xml"));
        // R4B reuses R4's v2 and v3 terminology, as HAPI does
        bundles(
            loader,
            compiler,
            "org/hl7/fhir/r4/model/",
            List.of("valueset/v2-tables.xml", "valueset/v3-codesystems.xml"));
      }
      case R5 -> {
        for (String p :
            List.of(
                "hl7.fhir.r5.core-5.0.0.tgz",
                "hl7.fhir.uv.extensions.r5-1.0.0.tgz",
                "hl7.terminology-5.1.0.tgz")) {
          npmPackage(loader, compiler, "org/hl7/fhir/r5/packages/" + p);
        }
      }
    }
    profiles(loader, compiler, release);
    return compiler;
  }

  private static void bundles(
      ClassLoader loader, PlanCompiler compiler, String folder, List<String> files) {
    for (String f : files) {
      compiler.add(parse(read(loader, folder + f), folder + f));
    }
  }

  private static void npmPackage(ClassLoader loader, PlanCompiler compiler, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            path + " is not on the class path (is hapi-fhir-validation-resources on it?)");
      }
      Map<String, byte[]> files =
          TarGz.read(
              in,
              name ->
                  name.startsWith("package/")
                      && name.endsWith(".json")
                      && name.indexOf('/', "package/".length()) < 0
                      && !name.endsWith("package.json")
                      && !name.endsWith(".index.json"));
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        String name = f.getKey().substring("package/".length());
        if (name.startsWith("StructureDefinition-")
            || name.startsWith("ValueSet-")
            || name.startsWith("CodeSystem-")) {
          compiler.add(parse(f.getValue(), path + "!" + f.getKey()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static void profiles(ClassLoader loader, PlanCompiler compiler, FhirRelease release) {
    String folder =
        "dev/taskcheck/profiles/" + release.code().toLowerCase(Locale.ROOT) + "/package/";
    byte[] index = read(loader, folder + ".index.json");
    List<String> names =
        IndexFiles.filenames(new String(index, java.nio.charset.StandardCharsets.UTF_8));
    for (String name : names) {
      compiler.add(parse(read(loader, folder + name), folder + name));
    }
  }

  private static byte[] read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static Node parse(byte[] bytes, String name) {
    ParseOutcome outcome = DocumentParser.parse(bytes, 1, DocumentLimits.TRUSTED);
    if (outcome instanceof ParsedDocument d) {
      return d.root();
    }
    throw new IllegalStateException("cannot parse " + name + ": " + outcome);
  }
}
