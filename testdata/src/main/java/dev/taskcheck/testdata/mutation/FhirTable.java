package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mutation operators know about Task and the datatypes it reaches, per release: each
 * element's cardinality, types, reference targets and required binding, and the codes of those
 * value sets. Written by hand from the R4 (4.0.1), R4B (4.3.0) and R5 (5.0.0) StructureDefinitions
 * and value sets; R4B reads R4's rows (Task did not change) but for the types an extension may
 * take. {@code FhirTableTest} compares every line with the StructureDefinition snapshots and code
 * systems of the {@code hapi-fhir-validation-resources} jars.
 *
 * <p>A line is {@code scope path min..max types [vs:valueSet]}: scope {@code *} (every release),
 * {@code R4} (R4 and R4B), {@code R4B} or {@code R5}; types separated by commas, reference targets
 * in parentheses ({@code Resource} = any), {@code *} the open type list of {@code value[x]}, {@code
 * %NAME%} a list written out in {@code LISTS}. Every complex datatype also has {@code id} and
 * {@code extension}, every backbone element {@code id}, {@code extension} and {@code
 * modifierExtension}: they are not written. A {@code vs:} whose codes are not listed below is a
 * required binding to a value set too large to enumerate here (mime types, currencies, languages).
 */
// the table is text written in this file: String.split drops no field it has
@SuppressWarnings("StringSplitter")
final class FhirTable {

  /** One element of a type: {@code Task.input.value[x]}, {@code Quantity.comparator}. */
  record Element(
      String path, int min, int max, List<String> types, List<String> targets, String valueSet) {
    static final int MANY = Integer.MAX_VALUE;

    /** The element's name: the last segment of the path ({@code value[x]}). */
    String name() {
      return path.substring(path.lastIndexOf('.') + 1);
    }

    boolean repeats() {
      return max > 1;
    }

    boolean isChoice() {
      return path.endsWith("[x]");
    }

    /** Its JSON name without {@code [x]}: {@code value} for {@code value[x]}. */
    String jsonBase() {
      String n = name();
      return isChoice() ? n.substring(0, n.length() - 3) : n;
    }

    /** Reference targets are restricted (not {@code Reference(Resource)}). */
    boolean restrictedTargets() {
      return !targets.isEmpty() && !targets.contains("Resource");
    }
  }

  static final List<String> PRIMITIVES =
      List.of(
          "base64Binary",
          "boolean",
          "canonical",
          "code",
          "date",
          "dateTime",
          "decimal",
          "id",
          "instant",
          "integer",
          "integer64",
          "markdown",
          "oid",
          "positiveInt",
          "string",
          "time",
          "unsignedInt",
          "uri",
          "url",
          "uuid",
          "xhtml");

  /** Quantity profiles: their elements are Quantity's. */
  static final List<String> QUANTITY_LIKE =
      List.of("Age", "Count", "Distance", "Duration", "SimpleQuantity", "MoneyQuantity");

  private static final String OPEN_R4 =
      "base64Binary,boolean,canonical,code,date,dateTime,decimal,id,instant,"
          + "integer,markdown,oid,positiveInt,string,time,unsignedInt,uri,url,uuid,Address,Age,Annotation,Attachment,"
          + "CodeableConcept,Coding,ContactPoint,Count,Distance,Duration,HumanName,Identifier,Money,Period,Quantity,"
          + "Range,Ratio,Reference,SampledData,Signature,Timing,ContactDetail,Contributor,DataRequirement,Expression,"
          + "ParameterDefinition,RelatedArtifact,TriggerDefinition,UsageContext,Dosage,Meta";
  private static final String OPEN_R5 =
      "base64Binary,boolean,canonical,code,date,dateTime,decimal,id,instant,"
          + "integer,integer64,markdown,oid,positiveInt,string,time,unsignedInt,uri,url,uuid,Address,Age,Annotation,"
          + "Attachment,CodeableConcept,CodeableReference,Coding,ContactPoint,Count,Distance,Duration,HumanName,"
          + "Identifier,Money,Period,Quantity,Range,Ratio,RatioRange,Reference,SampledData,Signature,Timing,"
          + "ContactDetail,DataRequirement,Expression,ParameterDefinition,RelatedArtifact,TriggerDefinition,"
          + "UsageContext,Availability,ExtendedContactDetail,Dosage,Meta";

  /** Long target and type lists, written into the table where their names stand. */
  private static final Map<String, String> LISTS =
      Map.of(
          "%R4B_EXTENSION_TYPES%",
              "base64Binary,boolean,canonical,code,date,dateTime,decimal,id,instant,integer,"
                  + "markdown,oid,positiveInt,string,time,unsignedInt,uri,url,uuid,Address,Age,Annotation,Attachment,"
                  + "CodeableConcept,CodeableReference,Coding,ContactPoint,Count,Distance,Duration,HumanName,Identifier,"
                  + "Money,Period,Quantity,Range,Ratio,RatioRange,Reference,SampledData,Signature,Timing,ContactDetail,"
                  + "Contributor,DataRequirement,Expression,ParameterDefinition,RelatedArtifact,TriggerDefinition,"
                  + "UsageContext,Dosage",
          "%PEOPLE%", "Practitioner|PractitionerRole|RelatedPerson|Patient|Device|Organization",
          "%PERFORMERS_R4%",
              "Practitioner|PractitionerRole|Organization|CareTeam|HealthcareService|Patient|Device|"
                  + "RelatedPerson",
          "%PERFORMERS_R5%",
              "Practitioner|PractitionerRole|Organization|CareTeam|Patient|RelatedPerson",
          "%REQUESTERS%", "Device|Organization|Patient|Practitioner|PractitionerRole|RelatedPerson",
          "%AUTHORS_R5%", "Practitioner|PractitionerRole|Patient|RelatedPerson|Organization",
          "%RECIPIENTS%", "Patient|Practitioner|PractitionerRole|RelatedPerson|Group|Organization");

  private static final String ELEMENTS =
      """
      *  Task.id                       0..1 id
      *  Task.meta                     0..1 Meta
      *  Task.implicitRules            0..1 uri
      R4 Task.language               0..1 code
      R5 Task.language               0..1 code vs:all-languages
      *  Task.text                     0..1 Narrative
      *  Task.contained                0..* Resource
      *  Task.extension                0..* Extension
      *  Task.modifierExtension        0..* Extension
      *  Task.identifier               0..* Identifier
      *  Task.instantiatesCanonical    0..1 canonical(ActivityDefinition)
      *  Task.instantiatesUri          0..1 uri
      *  Task.basedOn                  0..* Reference(Resource)
      *  Task.groupIdentifier          0..1 Identifier
      *  Task.partOf                   0..* Reference(Task)
      *  Task.status                   1..1 code vs:task-status
      R4 Task.statusReason           0..1 CodeableConcept
      R5 Task.statusReason           0..1 CodeableReference
      *  Task.businessStatus           0..1 CodeableConcept
      *  Task.intent                   1..1 code vs:task-intent
      *  Task.priority                 0..1 code vs:request-priority
      R5 Task.doNotPerform           0..1 boolean
      *  Task.code                     0..1 CodeableConcept
      *  Task.description              0..1 string
      *  Task.focus                    0..1 Reference(Resource)
      *  Task.for                      0..1 Reference(Resource)
      *  Task.encounter                0..1 Reference(Encounter)
      R5 Task.requestedPeriod        0..1 Period
      *  Task.executionPeriod          0..1 Period
      *  Task.authoredOn               0..1 dateTime
      *  Task.lastModified             0..1 dateTime
      *  Task.requester                0..1 Reference(%REQUESTERS%)
      R4 Task.performerType          0..* CodeableConcept
      R5 Task.requestedPerformer     0..* CodeableReference(%PERFORMERS_R4%)
      R4 Task.owner                  0..1 Reference(%PERFORMERS_R4%)
      R5 Task.owner                  0..1 Reference(%PERFORMERS_R5%)
      R5 Task.performer              0..* BackboneElement
      R5 Task.performer.function     0..1 CodeableConcept
      R5 Task.performer.actor        1..1 Reference(%PERFORMERS_R5%)
      *  Task.location                 0..1 Reference(Location)
      R4 Task.reasonCode             0..1 CodeableConcept
      R4 Task.reasonReference        0..1 Reference(Resource)
      R5 Task.reason                 0..* CodeableReference
      *  Task.insurance                0..* Reference(Coverage|ClaimResponse)
      *  Task.note                     0..* Annotation
      *  Task.relevantHistory          0..* Reference(Provenance)
      *  Task.restriction              0..1 BackboneElement
      *  Task.restriction.repetitions  0..1 positiveInt
      *  Task.restriction.period       0..1 Period
      *  Task.restriction.recipient    0..* Reference(%RECIPIENTS%)
      *  Task.input                    0..* BackboneElement
      *  Task.input.type               1..1 CodeableConcept
      *  Task.input.value[x]           1..1 *
      *  Task.output                   0..* BackboneElement
      *  Task.output.type              1..1 CodeableConcept
      *  Task.output.value[x]          1..1 *

      *  Bundle.id                     0..1 id
      *  Bundle.meta                   0..1 Meta
      *  Bundle.implicitRules          0..1 uri
      R4 Bundle.language             0..1 code
      R5 Bundle.language             0..1 code vs:all-languages
      *  Bundle.identifier             0..1 Identifier
      *  Bundle.type                   1..1 code vs:bundle-type
      *  Bundle.timestamp              0..1 instant
      *  Bundle.total                  0..1 unsignedInt
      *  Bundle.link                   0..* BackboneElement
      R4 Bundle.link.relation        1..1 string
      R5 Bundle.link.relation        1..1 code vs:iana-link-relations
      *  Bundle.link.url               1..1 uri
      *  Bundle.entry                  0..* BackboneElement
      *  Bundle.entry.link             0..* Bundle.link
      *  Bundle.entry.fullUrl          0..1 uri
      *  Bundle.entry.resource         0..1 Resource
      *  Bundle.entry.search           0..1 BackboneElement
      *  Bundle.entry.search.mode      0..1 code vs:search-entry-mode
      *  Bundle.entry.search.score     0..1 decimal
      *  Bundle.entry.request          0..1 BackboneElement
      *  Bundle.entry.request.method   1..1 code vs:http-verb
      *  Bundle.entry.request.url      1..1 uri
      *  Bundle.entry.request.ifNoneMatch      0..1 string
      *  Bundle.entry.request.ifModifiedSince  0..1 instant
      *  Bundle.entry.request.ifMatch          0..1 string
      *  Bundle.entry.request.ifNoneExist      0..1 string
      *  Bundle.entry.response         0..1 BackboneElement
      *  Bundle.entry.response.status  1..1 string
      *  Bundle.entry.response.location      0..1 uri
      *  Bundle.entry.response.etag          0..1 string
      *  Bundle.entry.response.lastModified  0..1 instant
      *  Bundle.entry.response.outcome       0..1 Resource
      *  Bundle.signature              0..1 Signature
      R5 Bundle.issues               0..1 Resource

      *  Identifier.use                0..1 code vs:identifier-use
      *  Identifier.type               0..1 CodeableConcept
      *  Identifier.system             0..1 uri
      *  Identifier.value              0..1 string
      *  Identifier.period             0..1 Period
      *  Identifier.assigner           0..1 Reference(Organization)
      *  CodeableConcept.coding        0..* Coding
      *  CodeableConcept.text          0..1 string
      R5 CodeableReference.concept   0..1 CodeableConcept
      R5 CodeableReference.reference 0..1 Reference
      *  Coding.system                 0..1 uri
      *  Coding.version                0..1 string
      *  Coding.code                   0..1 code
      *  Coding.display                0..1 string
      *  Coding.userSelected           0..1 boolean
      *  Reference.reference           0..1 string
      *  Reference.type                0..1 uri
      *  Reference.identifier          0..1 Identifier
      *  Reference.display             0..1 string
      *  Period.start                  0..1 dateTime
      *  Period.end                    0..1 dateTime
      *  Quantity.value                0..1 decimal
      *  Quantity.comparator           0..1 code vs:quantity-comparator
      *  Quantity.unit                 0..1 string
      *  Quantity.system               0..1 uri
      *  Quantity.code                 0..1 code
      *  Ratio.numerator               0..1 Quantity
      *  Ratio.denominator             0..1 Quantity
      *  Range.low                     0..1 Quantity
      *  Range.high                    0..1 Quantity
      R4 Annotation.author[x]        0..1 Reference(Practitioner|Patient|RelatedPerson|Organization),string
      R5 Annotation.author[x]        0..1 Reference(%AUTHORS_R5%),string
      *  Annotation.time               0..1 dateTime
      *  Annotation.text               1..1 markdown
      *  Narrative.status              1..1 code vs:narrative-status
      *  Narrative.div                 1..1 xhtml
      *  Meta.versionId                0..1 id
      *  Meta.lastUpdated              0..1 instant
      *  Meta.source                   0..1 uri
      *  Meta.profile                  0..* canonical(StructureDefinition)
      *  Meta.security                 0..* Coding
      *  Meta.tag                      0..* Coding
      *  Extension.url                 1..1 uri
      *  Extension.value[x]            0..1 *
      R4B Extension.value[x]         0..1 %R4B_EXTENSION_TYPES%
      *  Attachment.contentType        0..1 code vs:mimetypes
      R4 Attachment.language         0..1 code
      R5 Attachment.language         0..1 code vs:all-languages
      *  Attachment.data               0..1 base64Binary
      *  Attachment.url                0..1 url
      R4 Attachment.size             0..1 unsignedInt
      R5 Attachment.size             0..1 integer64
      *  Attachment.hash               0..1 base64Binary
      *  Attachment.title              0..1 string
      *  Attachment.creation           0..1 dateTime
      R5 Attachment.height           0..1 positiveInt
      R5 Attachment.width            0..1 positiveInt
      R5 Attachment.frames           0..1 positiveInt
      R5 Attachment.duration         0..1 decimal
      R5 Attachment.pages            0..1 positiveInt
      *  HumanName.use                 0..1 code vs:name-use
      *  HumanName.text                0..1 string
      *  HumanName.family              0..1 string
      *  HumanName.given               0..* string
      *  HumanName.prefix              0..* string
      *  HumanName.suffix              0..* string
      *  HumanName.period              0..1 Period
      *  Address.use                   0..1 code vs:address-use
      *  Address.type                  0..1 code vs:address-type
      *  Address.text                  0..1 string
      *  Address.line                  0..* string
      *  Address.city                  0..1 string
      *  Address.district              0..1 string
      *  Address.state                 0..1 string
      *  Address.postalCode            0..1 string
      *  Address.country               0..1 string
      *  Address.period                0..1 Period
      *  ContactPoint.system           0..1 code vs:contact-point-system
      *  ContactPoint.value            0..1 string
      *  ContactPoint.use              0..1 code vs:contact-point-use
      *  ContactPoint.rank             0..1 positiveInt
      *  ContactPoint.period           0..1 Period
      *  Money.value                   0..1 decimal
      *  Money.currency                0..1 code vs:currencies
      R4 Signature.type              1..* Coding
      R5 Signature.type              0..* Coding
      R4 Signature.when              1..1 instant
      R5 Signature.when              0..1 instant
      R4 Signature.who               1..1 Reference(%PEOPLE%)
      R5 Signature.who               0..1 Reference(%PEOPLE%)
      *  Signature.onBehalfOf          0..1 Reference(%PEOPLE%)
      *  Signature.targetFormat        0..1 code vs:mimetypes
      *  Signature.sigFormat           0..1 code vs:mimetypes
      *  Signature.data                0..1 base64Binary
      """;

  private static final String VALUE_SETS =
      """
      *  task-status           draft requested received accepted rejected ready cancelled in-progress
      *  task-status           on-hold failed completed entered-in-error
      *  task-intent           unknown proposal plan order original-order reflex-order filler-order
      *  task-intent           instance-order option
      *  request-priority      routine urgent asap stat
      *  narrative-status      generated extensions additional empty
      *  identifier-use        usual official temp secondary old
      R4 quantity-comparator   < <= >= >
      R5 quantity-comparator   < <= >= > ad
      *  address-use           home work temp old billing
      *  address-type          postal physical both
      *  name-use              usual official temp nickname anonymous old maiden
      *  contact-point-system  phone fax email pager url sms other
      *  contact-point-use     home work temp old mobile
      *  bundle-type           document message transaction transaction-response batch batch-response history
      *  bundle-type           searchset collection
      R5 bundle-type           subscription-notification
      *  http-verb             GET HEAD POST PUT DELETE PATCH
      *  search-entry-mode     match include outcome
      """;

  private static final Map<Release, FhirTable> TABLES = load();

  private final Map<String, Element> elements;
  private final Map<String, List<Element>> children = new LinkedHashMap<>();
  private final Map<String, Element> implicit = new LinkedHashMap<>();
  private final Map<String, List<String>> valueSets;

  private FhirTable(Map<String, Element> elements, Map<String, List<String>> valueSets) {
    this.elements = elements;
    this.valueSets = valueSets;
    for (Element e : elements.values()) {
      String owner = e.path().substring(0, e.path().lastIndexOf('.'));
      children.computeIfAbsent(owner, o -> new ArrayList<>()).add(e);
    }
    List<String> owners = new ArrayList<>(children.keySet());
    owners.add("Element");
    for (String o : owners) {
      // what every datatype (and the extension holder of a primitive, "Element") and backbone
      // element has
      if (!isResource(o)) {
        implicit.put(o + ".id", new Element(o + ".id", 0, 1, List.of("string"), List.of(), ""));
        implicit.put(
            o + ".extension",
            new Element(o + ".extension", 0, Element.MANY, List.of("Extension"), List.of(), ""));
      }
      if (o.contains(".")) {
        implicit.put(
            o + ".modifierExtension",
            new Element(
                o + ".modifierExtension", 0, Element.MANY, List.of("Extension"), List.of(), ""));
      }
    }
  }

  /** The table of {@code release}. */
  static FhirTable of(Release release) {
    return TABLES.get(release);
  }

  /**
   * Every element, in table order (not the implicit {@code id}, {@code extension}, {@code
   * modifierExtension}).
   */
  List<Element> elements() {
    return List.copyOf(elements.values());
  }

  /**
   * The element {@code name} of type or backbone {@code owner} ({@code Task.input}, {@code
   * Quantity}), or null.
   */
  Element element(String owner, String name) {
    String key = quantity(owner) + "." + name;
    Element e = elements.get(key);
    return e != null ? e : implicit.get(key);
  }

  private static String quantity(String owner) {
    return QUANTITY_LIKE.contains(owner) ? "Quantity" : owner;
  }

  /** Whether the table describes {@code type} as a resource (Task, Bundle). */
  static boolean isResource(String type) {
    return type.equals("Task") || type.equals("Bundle");
  }

  /** The elements of a type or backbone element, in table order. */
  List<Element> children(String owner) {
    return children.getOrDefault(quantity(owner), List.of());
  }

  /**
   * The choice element of {@code owner} that JSON name {@code jsonName} ({@code valueQuantity})
   * belongs to.
   */
  Element choiceFor(String owner, String jsonName) {
    for (Element e : children(owner)) {
      if (e.isChoice() && jsonName.startsWith(e.jsonBase()) && choiceType(e, jsonName) != null) {
        return e;
      }
    }
    return null;
  }

  /** The type that JSON name {@code jsonName} picks from choice {@code e}, or null. */
  String choiceType(Element e, String jsonName) {
    String suffix = jsonName.substring(e.jsonBase().length());
    for (String t : e.types()) {
      if (suffix.equals(capitalized(t))) {
        return t;
      }
    }
    return null;
  }

  /** The codes of a required value set, or an empty list when the table does not enumerate it. */
  List<String> codes(String valueSet) {
    return valueSets.getOrDefault(valueSet, List.of());
  }

  /** Every value set the table enumerates, by name. */
  Map<String, List<String>> valueSets() {
    return valueSets;
  }

  static boolean isPrimitive(String type) {
    return PRIMITIVES.contains(type);
  }

  static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Map<Release, FhirTable> load() {
    Map<Release, FhirTable> out = new EnumMap<>(Release.class);
    String block = ELEMENTS;
    for (Map.Entry<String, String> list : LISTS.entrySet()) {
      block = block.replace(list.getKey(), list.getValue());
    }
    for (Release r : Release.values()) {
      List<String> open = List.of((r == Release.R5 ? OPEN_R5 : OPEN_R4).split(","));
      Map<String, Element> elements = new LinkedHashMap<>();
      for (String[] cols : rows(block, r)) {
        Element e = element(cols, open);
        elements.put(e.path(), e);
      }
      Map<String, List<String>> sets = new LinkedHashMap<>();
      for (String[] cols : rows(VALUE_SETS, r)) {
        List<String> codes = new ArrayList<>(sets.getOrDefault(cols[1], List.of()));
        codes.addAll(Arrays.asList(cols).subList(2, cols.length));
        sets.put(cols[1], List.copyOf(codes));
      }
      out.put(
          r,
          new FhirTable(Collections.unmodifiableMap(elements), Collections.unmodifiableMap(sets)));
    }
    return out;
  }

  /**
   * The rows of a table block that apply to {@code release}, split at whitespace: scope {@code *},
   * the release's name, or {@code R4} for R4B too (a later row for the same path replaces an
   * earlier one).
   */
  private static List<String[]> rows(String block, Release release) {
    List<String[]> out = new ArrayList<>();
    for (String line : block.split("\n")) {
      String[] cols = line.trim().split("\\s+");
      boolean applies =
          cols[0].equals("*")
              || cols[0].equals(release.name())
              || (cols[0].equals("R4") && release == Release.R4B);
      if (cols.length < 2 || !applies) {
        continue;
      }
      out.add(cols);
    }
    return out;
  }

  private static Element element(String[] cols, List<String> open) {
    String[] card = cols[2].split("\\.\\.");
    int max = card[1].equals("*") ? Element.MANY : Integer.parseInt(card[1]);
    List<String> types = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    if (cols[3].equals("*")) {
      types.addAll(open);
    } else {
      for (String t : cols[3].split(",")) {
        int paren = t.indexOf('(');
        if (paren > 0) {
          targets.addAll(List.of(t.substring(paren + 1, t.length() - 1).split("\\|")));
          t = t.substring(0, paren);
        }
        types.add(t);
      }
    }
    String vs = cols.length > 4 && cols[4].startsWith("vs:") ? cols[4].substring(3) : "";
    return new Element(
        cols[1], Integer.parseInt(card[0]), max, List.copyOf(types), List.copyOf(targets), vs);
  }
}
