package dev.taskcheck.fhirpath;

import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParseOutcome;
import dev.taskcheck.parse.ParsedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The core StructureDefinitions of a FHIR release, read (test only) from the {@code
 * hapi-fhir-validation-resources} jars with TaskCheck's own parser: R4's {@code profiles-types.xml}
 * and {@code profiles-resources.xml} bundles, R5's {@code hl7.fhir.r5.core} package. Only what
 * typing and the invariant tests need: names, bases, snapshot element paths, types and constraints.
 */
final class CoreDefinitions {

  /** One constraint of an element. */
  record Constraint(String key, String severity, String expression, String path) {}

  /**
   * One snapshot element: its path, type codes (FHIR type names), content reference and
   * constraints.
   */
  record Element(
      String path,
      List<String> types,
      @Nullable String contentReference,
      List<Constraint> constraints) {}

  /** One StructureDefinition. */
  record Definition(
      String url,
      String name,
      String type,
      String kind,
      String derivation,
      @Nullable String baseDefinition,
      Map<String, Element> elements) {

    @Nullable String baseName() {
      return baseDefinition == null
          ? null
          : baseDefinition.substring(baseDefinition.lastIndexOf('/') + 1);
    }
  }

  private final String release;
  private final Map<String, Definition> byName;

  private CoreDefinitions(String release, Map<String, Definition> byName) {
    this.release = release;
    this.byName = byName;
  }

  static CoreDefinitions r4() {
    return R4.INSTANCE;
  }

  static CoreDefinitions r5() {
    return R5.INSTANCE;
  }

  private static final class R4 {
    static final CoreDefinitions INSTANCE = loadR4();
  }

  private static final class R5 {
    static final CoreDefinitions INSTANCE = loadR5();
  }

  String release() {
    return release;
  }

  @Nullable Definition definition(String name) {
    return byName.get(name);
  }

  Map<String, Definition> all() {
    return byName;
  }

  private static CoreDefinitions loadR4() {
    Map<String, Definition> out = new LinkedHashMap<>();
    for (String file : List.of("profiles-types.xml", "profiles-resources.xml")) {
      Node bundle = parse(resource("org/hl7/fhir/r4/model/profile/" + file), file);
      for (Node entry : bundle.children("entry")) {
        Node r = entry.child("resource");
        if (r != null && "StructureDefinition".equals(r.resourceType())) {
          add(read(r), out);
        }
      }
    }
    return new CoreDefinitions("R4", out);
  }

  private static CoreDefinitions loadR5() {
    Map<String, Definition> out = new LinkedHashMap<>();
    byte[] tgz = resource("org/hl7/fhir/r5/packages/hl7.fhir.r5.core-5.0.0.tgz");
    for (Map.Entry<String, byte[]> e : untar(gunzip(tgz)).entrySet()) {
      String name = e.getKey();
      if (name.startsWith("package/StructureDefinition-") && name.endsWith(".json")) {
        add(read(parse(e.getValue(), name)), out);
      }
    }
    return new CoreDefinitions("R5", out);
  }

  /**
   * Keeps the type definitions: specialisations, and constraints on datatypes (SimpleQuantity,
   * MoneyQuantity).
   */
  private static void add(Definition d, Map<String, Definition> out) {
    boolean type =
        d.kind().equals("primitive-type")
            || d.kind().equals("complex-type")
            || d.kind().equals("resource");
    if (!type) {
      return;
    }
    if (d.derivation().equals("specialization")
        || d.baseDefinition() == null
        || (d.derivation().equals("constraint")
            && d.kind().equals("complex-type")
            && d.url().equals("http://hl7.org/fhir/StructureDefinition/" + d.name()))) {
      out.putIfAbsent(d.name(), d);
    }
  }

  private static Definition read(Node sd) {
    Map<String, Element> elements = new LinkedHashMap<>();
    Node snapshot = sd.child("snapshot");
    if (snapshot != null) {
      for (Node e : snapshot.children("element")) {
        String path = e.childValue("path");
        if (path == null) {
          continue;
        }
        List<String> types = new ArrayList<>();
        for (Node t : e.children("type")) {
          types.add(typeCode(t));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (Node c : e.children("constraint")) {
          String expression = c.childValue("expression");
          if (expression != null) {
            constraints.add(
                new Constraint(
                    String.valueOf(c.childValue("key")),
                    String.valueOf(c.childValue("severity")),
                    expression,
                    path));
          }
        }
        elements.putIfAbsent(
            path,
            new Element(
                path,
                List.copyOf(types),
                e.childValue("contentReference"),
                List.copyOf(constraints)));
      }
    }
    String name = String.valueOf(sd.childValue("name"));
    return new Definition(
        String.valueOf(sd.childValue("url")),
        name,
        String.valueOf(sd.childValue("type")),
        String.valueOf(sd.childValue("kind")),
        String.valueOf(sd.childValue("derivation")),
        sd.childValue("baseDefinition"),
        elements);
  }

  /**
   * A type's code, or for the FHIRPath system types of id/url elements the FHIR type their
   * extension names.
   */
  private static String typeCode(Node type) {
    String code = String.valueOf(type.childValue("code"));
    if (code.startsWith("http://hl7.org/fhirpath/System.")) {
      for (Node ext : type.children("extension")) {
        if ("http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
            .equals(ext.childValue("url"))) {
          String v =
              ext.childValue("valueUrl") != null
                  ? ext.childValue("valueUrl")
                  : ext.childValue("valueUri");
          if (v != null) {
            return v;
          }
        }
      }
      return code.endsWith("String")
          ? "string"
          : code.substring(code.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
    return code;
  }

  static Node parse(byte[] bytes, String what) {
    ParseOutcome outcome = DocumentParser.parse(bytes, 1);
    if (!(outcome instanceof ParsedDocument doc)) {
      throw new IllegalStateException("cannot parse " + what + ": " + outcome);
    }
    return doc.root();
  }

  static byte[] resource(String name) {
    try (InputStream in = CoreDefinitions.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regular files of a tar archive by name (ustar headers; long names are not needed here). */
  private static Map<String, byte[]> untar(byte[] tar) {
    Map<String, byte[]> out = new HashMap<>();
    int pos = 0;
    while (pos + 512 <= tar.length) {
      String name = cString(tar, pos, 100);
      if (name.isEmpty()) {
        break;
      }
      String prefix = cString(tar, pos + 345, 155);
      String octal = cString(tar, pos + 124, 12).trim();
      long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
      char kind = (char) tar[pos + 156];
      pos += 512;
      if (kind == '0' || kind == 0) {
        byte[] content = new byte[(int) size];
        System.arraycopy(tar, pos, content, 0, (int) size);
        out.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
      }
      pos += (int) ((size + 511) / 512 * 512);
    }
    return out;
  }

  private static String cString(byte[] b, int from, int max) {
    int end = from;
    while (end < from + max && b[end] != 0) {
      end++;
    }
    return new String(b, from, end - from, StandardCharsets.US_ASCII);
  }
}
