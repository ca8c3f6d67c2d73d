package dev.taskcheck.engine.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.plan.TarGz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads FHIR NPM packages from disk, never from the network: a package {@code .tgz} (or a {@code
 * .jar} or {@code .zip} holding one, as Maven repositories keep them), a package folder ({@code
 * package/package.json}, or a folder of conformance resources with a {@code package.json}), or
 * {@code id#version} looked up read-only in the local FHIR package cache as the HL7 validator,
 * SUSHI and Firely lay it out ({@code <cache>/<id>#<version>/package/}). Dependencies are resolved
 * among the given packages, then the cache; the core packages are TaskCheck's own.
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message names the package, what is
 * wrong and how to mend it.
 */
public final class IgPackages {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The resource types a package contributes to validation. */
  private static final Set<String> KEPT = Set.of("StructureDefinition", "ValueSet", "CodeSystem");

  private static final Pattern PACKAGE_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*#[A-Za-z0-9][A-Za-z0-9._+-]*");

  /** The largest package file read, and the largest single entry of one. */
  private static final long MAX_PACKAGE_BYTES = 512L << 20;

  private IgPackages() {}

  /**
   * The default package cache: {@code FHIR_PACKAGE_CACHE} if set, else {@code ~/.fhir/packages}.
   */
  public static Path defaultCache() {
    String env = System.getenv("FHIR_PACKAGE_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".fhir", "packages");
  }

  /**
   * Loads the given packages and every package they depend on.
   *
   * @param specs each a {@code .tgz}, a package folder, or {@code id#version} in the cache
   * @param cache the package cache to look {@code id#version} and dependencies up in
   * @param base the folder relative paths are resolved against
   */
  public static IgSet load(List<String> specs, Path cache, Path base) {
    Map<String, IgPackage> byName = new LinkedHashMap<>();
    List<IgPackage> pending = new ArrayList<>();
    for (String spec : specs) {
      IgPackage p = read(spec, cache, base);
      IgPackage before = byName.putIfAbsent(p.name(), p);
      if (before == null) {
        pending.add(p);
      }
    }
    // dependencies: among the given packages (by id), else in the cache
    for (int i = 0; i < pending.size(); i++) {
      IgPackage p = pending.get(i);
      for (Map.Entry<String, String> d : p.dependencies().entrySet()) {
        String id = d.getKey();
        String wanted = d.getValue();
        if (isCore(id)) {
          FhirRelease coreRelease = coreRelease(id);
          if (coreRelease != null && coreRelease != p.release()) {
            throw new IllegalArgumentException(
                "package "
                    + p.name()
                    + " ("
                    + p.origin()
                    + ") depends on "
                    + id
                    + " but is written for "
                    + p.release().code());
          }
          continue; // the core definitions come with TaskCheck
        }
        IgPackage found = findGiven(byName, id, wanted, p);
        if (found == null) {
          Path folder = cache.resolve(id + "#" + wanted);
          if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                "package "
                    + p.name()
                    + " ("
                    + p.origin()
                    + ") needs "
                    + id
                    + "#"
                    + wanted
                    + ", which was not given with --ig and is not in the package cache "
                    + cache
                    + "; give its .tgz or folder with --ig, or put it into the cache as "
                    + folder.resolve("package")
                    + " (TaskCheck never downloads packages)");
          }
          found = read(id + "#" + wanted, cache, base);
          byName.put(found.name(), found);
          pending.add(found);
        }
        if (found.release() != p.release()) {
          throw new IllegalArgumentException(
              "package "
                  + p.name()
                  + " is for FHIR "
                  + p.release().code()
                  + " but its dependency "
                  + found.name()
                  + " is for FHIR "
                  + found.release().code());
        }
      }
    }
    return new IgSet(List.copyOf(byName.values()));
  }

  private static @Nullable IgPackage findGiven(
      Map<String, IgPackage> byName, String id, String wanted, IgPackage by) {
    IgPackage sameId = null;
    for (IgPackage g : byName.values()) {
      if (g.id().equals(id)) {
        if (versionMatches(g.version(), wanted)) {
          return g;
        }
        sameId = g;
      }
    }
    if (sameId != null) {
      throw new IllegalArgumentException(
          "package "
              + by.name()
              + " needs "
              + id
              + "#"
              + wanted
              + " but "
              + sameId.name()
              + " was given ("
              + sameId.origin()
              + ")");
    }
    return null;
  }

  /** {@code 1.9.0} matches {@code 1.9.0}, {@code 1.9.x}, {@code 1.9} and {@code current}. */
  static boolean versionMatches(String have, String wanted) {
    if (have.equals(wanted) || wanted.equals("current") || wanted.equals("dev")) {
      return true;
    }
    String prefix = wanted.endsWith(".x") ? wanted.substring(0, wanted.length() - 1) : wanted + ".";
    return have.startsWith(prefix);
  }

  private static boolean isCore(String id) {
    return coreRelease(id) != null
        || id.matches("hl7\\.fhir\\.r(4|4b|5)\\.(core|expansions|examples)");
  }

  private static @Nullable FhirRelease coreRelease(String id) {
    return switch (id) {
      case "hl7.fhir.r4.core" -> FhirRelease.R4;
      case "hl7.fhir.r4b.core" -> FhirRelease.R4B;
      case "hl7.fhir.r5.core" -> FhirRelease.R5;
      default -> null;
    };
  }

  /** Reads one package (without its dependencies). */
  static IgPackage read(String spec, Path cache, Path base) {
    Path path = base.resolve(spec);
    if (Files.isRegularFile(path)) {
      return isZip(path) ? readZip(path) : readTgz(path);
    }
    if (Files.isDirectory(path)) {
      return readFolder(path, path.toString());
    }
    if (PACKAGE_NAME.matcher(spec).matches()) {
      Path folder = cache.resolve(spec);
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException(
            "package "
                + spec
                + " is not in the package cache "
                + cache
                + " (no folder "
                + folder
                + "); give its .tgz or folder with --ig, or put it into the cache (TaskCheck never"
                + " downloads packages)");
      }
      IgPackage p = readFolder(folder, spec + " in the package cache " + cache);
      if (!p.name().equals(spec)) {
        throw new IllegalArgumentException(
            "the package cache folder " + folder + " holds " + p.name() + ", not " + spec);
      }
      return p;
    }
    throw new IllegalArgumentException(
        spec
            + " is neither a package file (.tgz, or a .jar or .zip holding a package), a package"
            + " folder nor id#version (as in hl7.fhir.us.core#6.1.0)");
  }

  private static IgPackage readFolder(Path folder, String origin) {
    Path root =
        Files.isRegularFile(folder.resolve("package/package.json"))
            ? folder.resolve("package")
            : folder;
    Path manifest = root.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(
          "the folder "
              + folder
              + " is not a FHIR package: it has no package.json (nor package/package.json)");
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p :
          walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (relative.equals("package.json") || isResourceFile(relative)) {
          files.put(relative, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the package folder " + folder + ": " + e.getMessage(), e);
    }
    return build(files, origin);
  }

  private static IgPackage readTgz(Path file) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      if (Files.size(file) > MAX_PACKAGE_BYTES) {
        throw new IllegalArgumentException(
            "the package " + file + " is larger than " + (MAX_PACKAGE_BYTES >> 20) + " MiB");
      }
      Map<String, byte[]> entries;
      try (InputStream in = Files.newInputStream(file)) {
        entries = TarGz.read(in, IgPackages::isPackageFile);
      }
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        files.put(relativeInPackage(e.getKey()), e.getValue());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the package " + file + " is not a readable .tgz: " + e.getMessage(), e);
    }
    if (!files.containsKey("package.json")) {
      throw new IllegalArgumentException(
          "the package " + file + " has no package/package.json: it is not a FHIR NPM package");
    }
    return build(files, file.toString());
  }

  /**
   * Whether a file starts as a zip archive does ({@code PK\3\4}): a {@code .jar} or {@code .zip}.
   */
  private static boolean isZip(Path file) {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, 4) == 4
          && head[0] == 'P'
          && head[1] == 'K'
          && head[2] == 3
          && head[3] == 4;
    } catch (IOException e) {
      return false; // readTgz names the file and the failure
    }
  }

  /**
   * Reads a package from a {@code .jar} or {@code .zip}, as Maven repositories hold them: the
   * package is the folder of the archive's shallowest {@code package.json} ({@code
   * package/package.json} in a packed NPM package).
   */
  private static IgPackage readZip(Path file) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String root = null;
      for (ZipEntry e : Collections.list(zip.entries())) {
        String name = e.getName();
        if (!e.isDirectory()
            && (name.equals("package.json") || name.endsWith("/package.json"))
            && (root == null || depth(name) < depth(root + "package.json"))) {
          root = name.substring(0, name.length() - "package.json".length());
        }
      }
      if (root == null) {
        throw new IllegalArgumentException(
            "the archive " + file + " holds no package.json: it does not hold a FHIR package");
      }
      long total = 0;
      for (ZipEntry e : Collections.list(zip.entries())) {
        String name = e.getName();
        if (e.isDirectory() || !name.startsWith(root)) {
          continue;
        }
        String relative = name.substring(root.length());
        if (!relative.equals("package.json") && !isResourceFile(relative)) {
          continue;
        }
        try (InputStream in = zip.getInputStream(e)) {
          byte[] bytes = in.readNBytes((int) MAX_PACKAGE_BYTES + 1);
          total += bytes.length;
          if (total > MAX_PACKAGE_BYTES) {
            throw new IllegalArgumentException(
                "the package in "
                    + file
                    + " unpacks to more than "
                    + (MAX_PACKAGE_BYTES >> 20)
                    + " MiB");
          }
          files.put(relative, bytes);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the archive " + file + " is not a readable .jar or .zip: " + e.getMessage(), e);
    }
    return build(files, file.toString());
  }

  private static long depth(String entryName) {
    return entryName.chars().filter(c -> c == '/').count();
  }

  /** Whether a {@code .tgz} entry is the package's {@code package.json} or one of its resources. */
  private static boolean isPackageFile(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    if (!n.startsWith("package/")) {
      return false;
    }
    String relative = relativeInPackage(n);
    return relative.equals("package.json") || isResourceFile(relative);
  }

  /** The path of a {@code .tgz} entry inside its {@code package/} folder. */
  private static String relativeInPackage(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    return n.substring("package/".length());
  }

  /** Resource files, but not examples, nor the package's index, nor its other folders. */
  private static boolean isResourceFile(String relative) {
    String lower = relative.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".json") || lower.endsWith(".xml"))) {
      return false;
    }
    if (lower.startsWith("example/")
        || lower.startsWith("examples/")
        || lower.startsWith("other/")
        || lower.startsWith("openapi/")
        || lower.startsWith("xml/")
        || lower.startsWith("tests/")) {
      return false;
    }
    String name = lower.substring(lower.lastIndexOf('/') + 1);
    return !name.equals(".index.json") && !name.equals("package.json") && !name.startsWith("_");
  }

  private static IgPackage build(Map<String, byte[]> files, String origin) {
    byte[] manifestBytes = files.get("package.json");
    JsonNode manifest;
    try {
      manifest = JSON.readTree(manifestBytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the package.json of " + origin + " is not JSON: " + e.getMessage(), e);
    }
    String id = manifest.path("name").asText("");
    String version = manifest.path("version").asText("");
    if (id.isEmpty() || version.isEmpty()) {
      throw new IllegalArgumentException(
          "the package.json of " + origin + " lacks its name or version");
    }
    Map<String, String> dependencies = new LinkedHashMap<>();
    manifest
        .path("dependencies")
        .properties()
        .forEach(e -> dependencies.put(e.getKey(), e.getValue().asText()));
    FhirRelease release = releaseOf(manifest, dependencies, id + "#" + version, origin);
    List<IgPackage.Resource> resources = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().equals("package.json")) {
        continue;
      }
      IgPackage.Resource r = resource(f.getKey(), f.getValue(), id + "#" + version);
      if (r != null) {
        resources.add(r);
      }
    }
    // in the order of their paths whatever held them (a folder, a .tgz, a .jar), so that the same
    // package gets the same content hash, and so the same snapshot cache entry, in every form
    resources.sort(Comparator.comparing(IgPackage.Resource::path));
    return new IgPackage(id, version, release, dependencies, origin, resources);
  }

  private static FhirRelease releaseOf(
      JsonNode manifest, Map<String, String> dependencies, String name, String origin) {
    List<String> declared = new ArrayList<>();
    manifest.path("fhirVersions").forEach(v -> declared.add(v.asText()));
    if (declared.isEmpty()) {
      for (String d : dependencies.keySet()) {
        FhirRelease core = coreRelease(d);
        if (core != null) {
          return core;
        }
      }
      throw new IllegalArgumentException(
          "package "
              + name
              + " ("
              + origin
              + ") says neither its fhirVersions nor a core package it depends on");
    }
    String first = declared.get(0);
    FhirRelease release;
    try {
      release = FhirRelease.parse(first);
    } catch (IllegalArgumentException e) {
      throw notRead(name, origin, first, e);
    }
    // TaskCheck checks 1.4.0 and STU3 Tasks against the core definitions (and its own profiles)
    // only, for now
    if (release == FhirRelease.STU3 || release == FhirRelease.V1_4_0) {
      throw notRead(name, origin, first, null);
    }
    return release;
  }

  private static IllegalArgumentException notRead(
      String name, String origin, String version, @Nullable Exception cause) {
    return new IllegalArgumentException(
        "package "
            + name
            + " ("
            + origin
            + ") is for FHIR "
            + version
            + "; TaskCheck reads packages for R4 (4.0.1), R4B (4.3.0) and R5 (5.0.0)",
        cause);
  }

  /**
   * The resource a file holds, if it is one TaskCheck keeps; a file that does not parse is an
   * error.
   */
  private static IgPackage.@Nullable Resource resource(String path, byte[] bytes, String pkg) {
    boolean xml = path.toLowerCase(Locale.ROOT).endsWith(".xml");
    String type;
    String url;
    String version;
    try {
      if (xml) {
        String[] facts = xmlFacts(bytes);
        type = facts[0];
        url = facts[1];
        version = facts[2];
      } else {
        JsonNode node = JSON.readTree(bytes);
        type = node.path("resourceType").asText("");
        url = node.path("url").asText("");
        version = node.path("version").asText("");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "package " + pkg + ": " + path + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException | XMLStreamException e) {
      throw new IllegalArgumentException(
          "package " + pkg + ": " + path + " cannot be read: " + e.getMessage(), e);
    }
    if (!KEPT.contains(type)) {
      return null;
    }
    if (url.isEmpty()) {
      throw new IllegalArgumentException(
          "package " + pkg + ": the " + type + " in " + path + " has no url");
    }
    return new IgPackage.Resource(path, type, url, version, xml, bytes);
  }

  /** The root element's name and its {@code url} and {@code version} values, read with StAX. */
  private static String[] xmlFacts(byte[] bytes) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
    try {
      String type = "";
      String url = "";
      String version = "";
      int depth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 1) {
            type = r.getLocalName();
          } else if (depth == 2 && r.getLocalName().equals("url")) {
            url = nullToEmpty(r.getAttributeValue(null, "value"));
          } else if (depth == 2 && r.getLocalName().equals("version")) {
            version = nullToEmpty(r.getAttributeValue(null, "value"));
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return new String[] {type, url, version};
    } finally {
      r.close();
    }
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
