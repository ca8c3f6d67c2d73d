package dev.taskcheck.buildtools;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.hapi.converters.canonical.VersionCanonicalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.ProfileKnowledgeWorkerR5;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine.IssueMessage;
import org.hl7.fhir.r5.fhirpath.TypeDetails;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r5.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.utilities.npm.NpmPackageIndexBuilder;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;

/**
 * Builds the FHIR package of one release from its sources: the differential StructureDefinitions
 * and a {@code package.json} without a version. It generates every snapshot against the release's
 * core definitions (HAPI's offline copy, converted to R5 for HL7's snapshot generator and back),
 * checks every invariant's FHIRPath expression against the release's definitions, stamps the
 * version, and writes the package folder: {@code package.json}, {@code .index.json} (HL7's own
 * indexer) and the snapshotted resources.
 */
final class PackageBuilder {

  /** The canonical base of every TaskCheck conformance resource. */
  static final String CANONICAL = "https://taskcheck.dev/fhir";

  private final Release release;
  private final String version;
  private final PrintStream log;

  PackageBuilder(Release release, String version, PrintStream log) {
    this.release = release;
    this.version = version;
    this.log = log;
  }

  /** What was written: the package name (from package.json) and the files of the package folder. */
  record Built(String packageName, Path folder, List<String> files) {}

  /**
   * One source StructureDefinition, in R5 form (HL7's snapshot generator and FHIRPath engine work
   * on R5).
   */
  private record Source(String file, Path path, StructureDefinition sd) {}

  Built build(Path sourceDir, Path packageDir) {
    if (!Files.isDirectory(sourceDir)) {
      throw new BuildFailure(
          sourceDir + ": the package sources for " + release.code() + " are missing");
    }
    PackageJson packageJson = PackageJson.read(sourceDir.resolve("package.json"), release);

    FhirContext context = release.newContext();
    VersionCanonicalizer canonicalizer = new VersionCanonicalizer(context);
    List<Source> sources = readSources(sourceDir, context, canonicalizer);

    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(context);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            // no cache: a profile another profile uses is added here once its own snapshot is done
            ValidationSupportChain.CacheConfiguration.disabled(),
            new DefaultProfileValidationSupport(context),
            ours,
            new CommonCodeSystemsTerminologyService(context),
            new InMemoryTerminologyServerValidationSupport(context));
    WorkerContextValidationSupportAdapter worker = new WorkerContextValidationSupportAdapter(chain);
    FHIRPathEngine fhirPath = new FHIRPathEngine(worker);

    List<String> problems = new ArrayList<>();
    Map<String, IBaseResource> done = new TreeMap<>();
    for (Source source : inDependencyOrder(sources)) {
      List<String> found = new ArrayList<>();
      generateSnapshot(source, worker, context, found);
      // the expressions are checked against the core definition of the type: report them whatever
      // the snapshot did
      checkInvariants(source, fhirPath, found);
      if (!found.isEmpty()) {
        problems.addAll(found);
        continue;
      }
      IBaseResource written = canonicalizer.structureDefinitionFromCanonical(source.sd());
      ours.addResource(written);
      done.put(source.file(), written);
    }
    if (!problems.isEmpty()) {
      throw new BuildFailure(problems);
    }
    return write(packageDir, packageJson, done, context);
  }

  private List<Source> readSources(
      Path sourceDir, FhirContext context, VersionCanonicalizer canonicalizer) {
    IParser parser = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    List<Path> files;
    try (Stream<Path> listing = Files.list(sourceDir)) {
      files = listing.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    List<Source> out = new ArrayList<>();
    Set<String> urls = new HashSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.equals("package.json")) {
        continue;
      }
      if (name.equals(".index.json")) {
        problems.add(file + ": .index.json is generated by the build; delete it from the sources");
        continue;
      }
      if (Files.isDirectory(file)
          || !name.startsWith("StructureDefinition-")
          || !name.endsWith(".json")) {
        problems.add(
            file
                + ": not a package source (expected StructureDefinition-<id>.json files and package.json)");
        continue;
      }
      IBaseResource parsed;
      try {
        parsed = parser.parseResource(Files.readString(file, StandardCharsets.UTF_8));
      } catch (DataFormatException e) {
        problems.add(
            file + ": not a valid FHIR " + release.fhirVersion() + " resource: " + e.getMessage());
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!"StructureDefinition".equals(context.getResourceType(parsed))) {
        problems.add(
            file
                + ": a "
                + context.getResourceType(parsed)
                + "; only StructureDefinitions are supported");
        continue;
      }
      StructureDefinition sd = canonicalizer.structureDefinitionToCanonical(parsed);
      String id = sd.getIdPart();
      String where = file + ": ";
      if (!name.equals("StructureDefinition-" + id + ".json")) {
        problems.add(
            where
                + "the file name must be StructureDefinition-"
                + id
                + ".json (its id is "
                + id
                + ")");
      }
      String url = CANONICAL + "/StructureDefinition/" + id;
      if (!url.equals(sd.getUrl())) {
        problems.add(where + "url must be " + url + ", is " + sd.getUrl());
      }
      if (!urls.add(sd.getUrl())) {
        problems.add(where + "a second StructureDefinition with url " + sd.getUrl());
      }
      if (!release
          .fhirVersion()
          .equals(sd.getFhirVersion() == null ? null : sd.getFhirVersion().toCode())) {
        problems.add(where + "fhirVersion must be " + release.fhirVersion());
      }
      if (sd.hasVersion()) {
        problems.add(
            where + "remove \"version\": the build sets it to taskcheck.version (" + version + ")");
      }
      if (sd.hasSnapshot()) {
        problems.add(where + "remove the snapshot: the build generates it from the differential");
      }
      if (!sd.hasDifferential() || sd.getDifferential().getElement().isEmpty()) {
        problems.add(where + "no differential");
      }
      if (!sd.hasBaseDefinition()) {
        problems.add(where + "no baseDefinition");
      }
      sd.setVersion(version);
      out.add(new Source(name, file, sd));
    }
    if (!problems.isEmpty()) {
      throw new BuildFailure(problems);
    }
    return out;
  }

  /**
   * Profiles used by other profiles (as base or type profile) first: their snapshots are needed
   * then.
   */
  private static List<Source> inDependencyOrder(List<Source> sources) {
    Map<String, Source> byUrl = new LinkedHashMap<>();
    for (Source s : sources) {
      byUrl.put(s.sd().getUrl(), s);
    }
    List<Source> out = new ArrayList<>();
    Set<String> visiting = new HashSet<>();
    Set<String> visited = new HashSet<>();
    for (Source s : sources) {
      visit(s, byUrl, visiting, visited, out);
    }
    return out;
  }

  @SuppressWarnings("ReferenceEquality") // dep != s: the profile itself, not one equal to it
  private static void visit(
      Source s,
      Map<String, Source> byUrl,
      Set<String> visiting,
      Set<String> visited,
      List<Source> out) {
    String url = s.sd().getUrl();
    if (visited.contains(url)) {
      return;
    }
    if (!visiting.add(url)) {
      throw new BuildFailure(s.path() + ": its profiles use each other in a cycle");
    }
    for (String used : usedProfiles(s.sd())) {
      Source dep = byUrl.get(used);
      if (dep != null && dep != s) {
        visit(dep, byUrl, visiting, visited, out);
      }
    }
    visiting.remove(url);
    visited.add(url);
    out.add(s);
  }

  private static Set<String> usedProfiles(StructureDefinition sd) {
    Set<String> out = new HashSet<>();
    out.add(sd.getBaseDefinition());
    for (ElementDefinition ed : sd.getDifferential().getElement()) {
      for (TypeRefComponent t : ed.getType()) {
        t.getProfile().stream().map(CanonicalType::getValue).forEach(out::add);
        t.getTargetProfile().stream().map(CanonicalType::getValue).forEach(out::add);
      }
    }
    return out;
  }

  private void generateSnapshot(
      Source source,
      WorkerContextValidationSupportAdapter worker,
      FhirContext context,
      List<String> problems) {
    StructureDefinition sd = source.sd();
    StructureDefinition base =
        worker.fetchResource(StructureDefinition.class, sd.getBaseDefinition());
    if (base == null) {
      problems.add(
          source.path()
              + ": baseDefinition "
              + sd.getBaseDefinition()
              + " is not a FHIR "
              + release.fhirVersion()
              + " definition nor one of this package's");
      return;
    }
    List<ValidationMessage> messages = new ArrayList<>();
    ProfileUtilities generator =
        new ProfileUtilities(worker, messages, new ProfileKnowledgeWorkerR5(context));
    try {
      generator.generateSnapshot(base, sd, sd.getUrl(), CANONICAL, sd.getName());
    } catch (RuntimeException e) {
      problems.add(source.path() + ": snapshot generation failed: " + e.getMessage());
      return;
    }
    for (ValidationMessage m : messages) {
      String line = source.path() + ": " + m.getLocation() + ": " + m.getMessage();
      if (m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL) {
        problems.add(line + " (snapshot generation, " + m.getLevel().toCode() + ")");
      } else if (m.getLevel() == IssueSeverity.WARNING) {
        log.println("[taskcheck-build-tools] WARNING " + release.code() + ": " + line);
      }
    }
    if (!sd.hasSnapshot() || sd.getSnapshot().getElement().isEmpty()) {
      problems.add(source.path() + ": snapshot generation produced no snapshot");
      return;
    }
    // every differential element and every constraint it adds must be in the snapshot
    Map<String, ElementDefinition> snapshot = new LinkedHashMap<>();
    for (ElementDefinition ed : sd.getSnapshot().getElement()) {
      snapshot.put(ed.getId(), ed);
    }
    for (ElementDefinition diff : sd.getDifferential().getElement()) {
      ElementDefinition snap = snapshot.get(diff.getId());
      if (snap == null) {
        problems.add(
            source.path()
                + ": "
                + diff.getId()
                + ": the differential element is not in the generated "
                + "snapshot (wrong id or path?)");
        continue;
      }
      for (ElementDefinitionConstraintComponent c : diff.getConstraint()) {
        boolean there =
            snap.getConstraint().stream()
                .anyMatch(
                    s ->
                        c.getKey().equals(s.getKey())
                            && c.getExpression().equals(s.getExpression()));
        if (!there) {
          problems.add(
              source.path()
                  + ": "
                  + diff.getId()
                  + ": constraint "
                  + c.getKey()
                  + " is not in the generated snapshot");
        }
      }
    }
  }

  private void checkInvariants(Source source, FHIRPathEngine fhirPath, List<String> problems) {
    StructureDefinition sd = source.sd();
    Set<String> keys = new HashSet<>();
    // the rule that HL7's StructureDefinition validator applies too: a datatype profile's
    // expressions are
    // checked with DomainResource as the containing resource
    String resourceType =
        sd.getKind() == StructureDefinitionKind.RESOURCE ? sd.getType() : "DomainResource";
    for (ElementDefinition ed : sd.getDifferential().getElement()) {
      for (ElementDefinitionConstraintComponent c : ed.getConstraint()) {
        String where =
            source.path()
                + ": "
                + ed.getId()
                + ": constraint "
                + (c.hasKey() ? c.getKey() : "(no key)");
        if (!c.hasKey() || !c.hasHuman() || !c.hasExpression() || !c.hasSeverity()) {
          problems.add(where + ": key, severity, human and expression are all required");
          continue;
        }
        if (!keys.add(c.getKey())) {
          problems.add(where + ": the key is used twice in this profile");
        }
        if (!sd.getUrl().equals(c.getSource())) {
          problems.add(where + ": source must be " + sd.getUrl() + ", is " + c.getSource());
        }
        List<IssueMessage> warnings = new ArrayList<>();
        try {
          ExpressionNode expression = fhirPath.parse(c.getExpression());
          TypeDetails type =
              fhirPath.checkOnTypes(
                  null, "Resource", resourceType, List.of(ed.getPath()), expression, warnings);
          if (!type.hasType("boolean")) {
            problems.add(
                where
                    + ": the expression gives "
                    + type.describe()
                    + ", not a boolean: "
                    + c.getExpression());
          }
        } catch (RuntimeException e) {
          problems.add(
              where
                  + ": the FHIRPath expression is invalid for FHIR "
                  + release.fhirVersion()
                  + ": "
                  + e.getMessage()
                  + ": "
                  + c.getExpression());
        }
        for (IssueMessage w : warnings) {
          problems.add(where + ": " + w.getMessage() + ": " + c.getExpression());
        }
      }
    }
  }

  private Built write(
      Path packageDir,
      PackageJson packageJson,
      Map<String, IBaseResource> resources,
      FhirContext context) {
    IParser json = context.newJsonParser().setPrettyPrint(true);
    try {
      Files.createDirectories(packageDir);
      try (Stream<Path> old = Files.list(packageDir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      NpmPackageIndexBuilder index = new NpmPackageIndexBuilder();
      index.start(null);
      List<String> files = new ArrayList<>();
      files.add("package.json");
      files.add(".index.json");
      Files.writeString(
          packageDir.resolve("package.json"),
          packageJson.withVersion(version),
          StandardCharsets.UTF_8);
      for (Map.Entry<String, IBaseResource> e : resources.entrySet()) {
        byte[] bytes =
            (json.encodeResourceToString(e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(packageDir.resolve(e.getKey()), bytes);
        index.seeFile(e.getKey(), bytes);
        files.add(e.getKey());
      }
      Files.writeString(
          packageDir.resolve(".index.json"), index.build() + "\n", StandardCharsets.UTF_8);
      return new Built(packageJson.name(), packageDir, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
