package dev.taskcheck.testdata.mutation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the FHIR core StructureDefinition snapshots and value sets from the {@code
 * hapi-fhir-validation-resources} jars on the test class path: the R4 and R4B bundles of XML
 * definitions, the R5 core package ({@code .tgz}). Only what {@link FhirTableTest} compares.
 */
final class CoreDefinitions {

  /** A snapshot element: types as their FHIR type names, targets as resource type names. */
  record SdElement(
      String path,
      int min,
      int max,
      List<String> types,
      List<String> targets,
      String contentReference,
      String bindingStrength,
      String valueSet) {}

  /** StructureDefinition id to its snapshot elements, and value set name to codes. */
  record Definitions(
      Map<String, List<SdElement>> structures, Map<String, List<String>> valueSets) {}

  private static final String FHIR_TYPE =
      "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";

  private CoreDefinitions() {}

  static Definitions load(Release release, Set<String> types, Set<String> valueSets)
      throws Exception {
    return release == Release.R5 ? r5(types, valueSets) : xml(release, types, valueSets);
  }

  // ---- R4, R4B: XML Bundles
  // ----------------------------------------------------------------------

  private static Definitions xml(Release release, Set<String> types, Set<String> valueSets)
      throws Exception {
    String base = "org/hl7/fhir/" + release.name().toLowerCase(Locale.ROOT) + "/model/";
    Map<String, List<SdElement>> sds = new LinkedHashMap<>();
    for (String f : List.of("profile/profiles-resources.xml", "profile/profiles-types.xml")) {
      try (InputStream in = resource(base + f)) {
        readStructures(in, types, sds);
      }
    }
    Map<String, List<String>> codes;
    try (InputStream in = resource(base + "valueset/valuesets.xml")) {
      codes = readValueSets(in, valueSets);
    }
    return new Definitions(sds, codes);
  }

  private static InputStream resource(String name) {
    InputStream in = CoreDefinitions.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("not on the test class path: " + name);
    }
    return in;
  }

  private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f.createXMLStreamReader(in);
  }

  /**
   * The start and end of each XML element, with the names of the open elements (innermost first).
   */
  private interface XmlHandler {
    /**
     * {@code stack} holds {@code name} first; {@code value} and {@code url} are its attributes or
     * null.
     */
    void start(Deque<String> stack, String name, String value, String url);

    /** {@code stack} no longer holds {@code name}. */
    void end(Deque<String> stack, String name);
  }

  private static void walk(InputStream in, XmlHandler handler) throws XMLStreamException {
    XMLStreamReader r = reader(in);
    Deque<String> stack = new ArrayDeque<>();
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        stack.push(r.getLocalName());
        handler.start(
            stack,
            r.getLocalName(),
            r.getAttributeValue(null, "value"),
            r.getAttributeValue(null, "url"));
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        handler.end(stack, stack.pop());
      }
    }
  }

  /** The element below the innermost one ({@code stack} holds the innermost first), or null. */
  private static String parent(Deque<String> stack) {
    return stack.size() > 1 ? List.copyOf(stack).get(1) : null;
  }

  /** Collects the snapshot elements of the StructureDefinitions whose id is in {@code ids}. */
  private static void readStructures(
      InputStream in, Set<String> ids, Map<String, List<SdElement>> out) throws XMLStreamException {
    walk(
        in,
        new XmlHandler() {
          private String sdId;
          private List<SdElement> elements = new ArrayList<>();
          private ElementBuilder el;

          @Override
          public void start(Deque<String> stack, String name, String value, String url) {
            String parent = parent(stack);
            if (name.equals("StructureDefinition")) {
              elements = new ArrayList<>();
            } else if (name.equals("id") && "StructureDefinition".equals(parent)) {
              sdId = value;
            } else if (name.equals("element") && "snapshot".equals(parent)) {
              el = new ElementBuilder();
            } else if (el != null) {
              el.xml(List.copyOf(stack), name, value, url);
            }
          }

          @Override
          public void end(Deque<String> stack, String name) {
            if (name.equals("element") && el != null && "snapshot".equals(stack.peek())) {
              elements.add(el.build());
              el = null;
            } else if (name.equals("StructureDefinition")) {
              if (sdId != null && ids.contains(sdId)) {
                out.put(sdId, elements);
              }
              sdId = null;
            }
          }
        });
  }

  /** Builds an {@link SdElement} from the XML or JSON children of one snapshot element. */
  private static final class ElementBuilder {
    String path;
    int min;
    int max;
    final List<String> types = new ArrayList<>();
    final List<String> targets = new ArrayList<>();
    String contentReference = "";
    String strength = "";
    String valueSet = "";
    private String fhirType;
    private boolean fhirTypeExtension;

    /** {@code stack}: element names from the innermost (this one) outwards. */
    void xml(List<String> stack, String name, String value, String url) {
      int depth = stack.indexOf("element"); // 1: a direct child of element
      String parent = stack.get(1);
      if (depth == 1) {
        switch (name) {
          case "path" -> path = value;
          case "min" -> min = Integer.parseInt(value);
          case "max" -> max = value.equals("*") ? FhirTable.Element.MANY : Integer.parseInt(value);
          case "contentReference" -> contentReference = value;
          case "type" -> fhirType = null;
          default -> {
            // other children: read below by their parents
          }
        }
      } else if (depth == 2 && parent.equals("type")) {
        if (name.equals("code")) {
          types.add(
              value.startsWith("http://hl7.org/fhirpath/") && fhirType != null ? fhirType : value);
        } else if (name.equals("targetProfile")) {
          targets.add(last(value));
        } else if (name.equals("extension")) {
          fhirTypeExtension = FHIR_TYPE.equals(url);
        }
      } else if (depth == 3
          && parent.equals("extension")
          && stack.get(2).equals("type")
          && fhirTypeExtension
          && name.startsWith("value")) {
        fhirType = value;
      } else if (depth == 2 && parent.equals("binding")) {
        if (name.equals("strength")) {
          strength = value;
        } else if (name.equals("valueSet")) {
          valueSet = value;
        }
      }
    }

    SdElement build() {
      return new SdElement(
          path,
          min,
          max,
          List.copyOf(types),
          List.copyOf(targets),
          contentReference,
          strength,
          valueSet);
    }
  }

  /**
   * The codes of the value sets named in {@code names}: included concepts, or whole code systems.
   */
  private static Map<String, List<String>> readValueSets(InputStream in, Set<String> names)
      throws XMLStreamException {
    Map<String, List<String[]>> includes =
        new LinkedHashMap<>(); // value set url -> [system, code or null]
    Map<String, List<String>> systems = new LinkedHashMap<>();
    walk(
        in,
        new XmlHandler() {
          private String resource;
          private String url;
          private String system;
          private boolean anyConcept;
          private List<String> codes = new ArrayList<>();
          private List<String[]> inc = new ArrayList<>();

          @Override
          public void start(Deque<String> stack, String name, String value, String attrUrl) {
            String parent = parent(stack);
            boolean valueSet = "ValueSet".equals(resource);
            if (name.equals("ValueSet") || name.equals("CodeSystem")) {
              resource = name;
            } else if (name.equals("url") && resource != null && resource.equals(parent)) {
              url = value;
            } else if (valueSet && name.equals("system") && "include".equals(parent)) {
              system = value;
            } else if (valueSet
                && name.equals("code")
                && "concept".equals(parent)
                && stack.contains("include")) {
              inc.add(new String[] {system, value});
              anyConcept = true;
            } else if ("CodeSystem".equals(resource)
                && name.equals("code")
                && "concept".equals(parent)) {
              codes.add(value);
            }
          }

          @Override
          public void end(Deque<String> stack, String name) {
            if (name.equals("include") && "ValueSet".equals(resource)) {
              if (!anyConcept) {
                inc.add(new String[] {system, null});
              }
              system = null;
              anyConcept = false;
            } else if ((name.equals("ValueSet") || name.equals("CodeSystem")) && url != null) {
              if (name.equals("ValueSet")) {
                includes.put(url, inc);
              } else {
                systems.put(url, codes);
              }
              url = null;
              resource = null;
              codes = new ArrayList<>();
              inc = new ArrayList<>();
            }
          }
        });
    return expand(names, includes, systems);
  }

  private static Map<String, List<String>> expand(
      Set<String> names, Map<String, List<String[]>> includes, Map<String, List<String>> systems) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String n : names) {
      List<String[]> inc = includes.get("http://hl7.org/fhir/ValueSet/" + n);
      if (inc == null) {
        continue;
      }
      Set<String> codes = new LinkedHashSet<>();
      for (String[] i : inc) {
        if (i[1] != null) {
          codes.add(i[1]);
        } else {
          codes.addAll(systems.getOrDefault(i[0], List.of("?" + i[0])));
        }
      }
      out.put(n, List.copyOf(codes));
    }
    return out;
  }

  // ---- R5: the core package
  // -------------------------------------------------------------------------

  private static Definitions r5(Set<String> types, Set<String> valueSets) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Set<String> wanted = new LinkedHashSet<>();
    for (String t : types) {
      wanted.add("package/StructureDefinition-" + t + ".json");
    }
    try (InputStream in =
        new GZIPInputStream(resource("org/hl7/fhir/r5/packages/hl7.fhir.r5.core-5.0.0.tgz"))) {
      readTar(
          in,
          name ->
              wanted.contains(name)
                  || name.startsWith("package/ValueSet-")
                  || name.startsWith("package/CodeSystem-"),
          files);
    }
    Map<String, List<SdElement>> sds = new LinkedHashMap<>();
    for (String t : types) {
      String text = files.get("package/StructureDefinition-" + t + ".json");
      if (text != null) {
        sds.put(t, jsonElements(JsonText.parse(text)));
      }
    }
    Map<String, List<String[]>> includes = new LinkedHashMap<>();
    Map<String, List<String>> systems = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getKey().startsWith("package/CodeSystem-")) {
        JsonText.Value cs = JsonText.parse(f.getValue());
        List<String> codes = new ArrayList<>();
        concepts(cs, codes);
        systems.put(cs.text("url"), codes);
      } else if (f.getKey().startsWith("package/ValueSet-")) {
        JsonText.Value vs = JsonText.parse(f.getValue());
        JsonText.Value compose = vs.get("compose");
        List<String[]> inc = new ArrayList<>();
        if (compose != null && compose.get("include") != null) {
          for (JsonText.Value i : compose.get("include").items()) {
            JsonText.Value concepts = i.get("concept");
            if (concepts == null) {
              inc.add(new String[] {i.text("system"), null});
            } else {
              concepts
                  .items()
                  .forEach(c -> inc.add(new String[] {i.text("system"), c.text("code")}));
            }
          }
        }
        includes.put(vs.text("url"), inc);
      }
    }
    return new Definitions(sds, expand(valueSets, includes, systems));
  }

  private static void concepts(JsonText.Value owner, List<String> out) {
    JsonText.Value list = owner.get("concept");
    if (list == null) {
      return;
    }
    for (JsonText.Value c : list.items()) {
      out.add(c.text("code"));
      concepts(c, out);
    }
  }

  private static List<SdElement> jsonElements(JsonText.Value sd) {
    List<SdElement> out = new ArrayList<>();
    for (JsonText.Value e : sd.get("snapshot").get("element").items()) {
      List<String> types = new ArrayList<>();
      List<String> targets = new ArrayList<>();
      if (e.get("type") != null) {
        for (JsonText.Value t : e.get("type").items()) {
          String code = t.text("code");
          if (t.get("extension") != null) {
            for (JsonText.Value x : t.get("extension").items()) {
              if (FHIR_TYPE.equals(x.text("url"))) {
                code = x.text("valueUrl");
              }
            }
          }
          types.add(code);
          if (t.get("targetProfile") != null) {
            t.get("targetProfile").items().forEach(p -> targets.add(last(p.string())));
          }
        }
      }
      JsonText.Value b = e.get("binding");
      String max = e.text("max");
      out.add(
          new SdElement(
              e.text("path"),
              Integer.parseInt(e.get("min").string()),
              max.equals("*") ? FhirTable.Element.MANY : Integer.parseInt(max),
              types,
              targets,
              e.text("contentReference") == null ? "" : e.text("contentReference"),
              b == null ? "" : b.text("strength"),
              b == null || b.text("valueSet") == null ? "" : b.text("valueSet")));
    }
    return out;
  }

  /** Reads the regular files of a tar stream whose names {@code want} accepts, as UTF-8 text. */
  private static void readTar(InputStream in, Predicate<String> want, Map<String, String> out)
      throws IOException {
    byte[] header = new byte[512];
    while (in.readNBytes(header, 0, 512) == 512) {
      String name = field(header, 0, 100);
      if (name.isEmpty()) {
        return;
      }
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = Long.parseLong(field(header, 124, 12).trim(), 8);
      byte[] body = in.readNBytes((int) size);
      long pad = (512 - size % 512) % 512;
      in.readNBytes((int) pad);
      if ((header[156] == '0' || header[156] == 0) && want.test(name)) {
        out.put(name, new String(body, StandardCharsets.UTF_8));
      }
    }
  }

  private static String field(byte[] header, int from, int length) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = from; i < from + length && header[i] != 0; i++) {
      b.write(header[i]);
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  /** The last path segment of a URL, without a {@code |version}. */
  static String last(String url) {
    String u = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
    return u.substring(u.lastIndexOf('/') + 1);
  }
}
