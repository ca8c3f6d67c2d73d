package dev.taskcheck.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.plan.IndexFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

/**
 * Loads TaskCheck's own FHIR package for a release from the {@code taskcheck-profiles} jar on the
 * class path ({@code dev/taskcheck/profiles/<release>/package/}), reading the files its {@code
 * .index.json} lists. Nothing is fetched: the package is part of the build.
 */
final class ProfilePackage {

  private ProfilePackage() {}

  static String folder(FhirRelease release) {
    return "dev/taskcheck/profiles/" + release.code().toLowerCase(Locale.ROOT) + "/package/";
  }

  /** The conformance resources of the release's package, parsed with {@code context}. */
  static List<IBaseResource> load(FhirRelease release, FhirContext context) {
    String folder = folder(release);
    ClassLoader loader = ProfilePackage.class.getClassLoader();
    String index = read(loader, folder + ".index.json");
    if (index == null) {
      throw new IllegalStateException(
          "the TaskCheck profiles package for "
              + release.code()
              + " is missing: "
              + folder
              + ".index.json is not on the class path (is taskcheck-profiles on it?)");
    }
    IParser parser = context.newJsonParser();
    List<IBaseResource> out = new ArrayList<>();
    for (String file : IndexFiles.filenames(index)) {
      String text = read(loader, folder + file);
      if (text == null) {
        throw new IllegalStateException(
            "the TaskCheck profiles package lists " + file + " but does not hold it");
      }
      out.add(parser.parseResource(text));
    }
    return out;
  }

  private static @Nullable String read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
