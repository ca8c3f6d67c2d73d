package dev.taskcheck.engine.fast;

import dev.taskcheck.fhir.UcumUnits;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Binding;
import dev.taskcheck.plan.Binding.Strength;
import dev.taskcheck.plan.CodeSystemDef;
import dev.taskcheck.plan.Plan;
import dev.taskcheck.plan.ValueSetDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Bindings of coded elements (docs/engines/reference-behaviour.md §11). */
final class Codes {

  private static final String PASS_THROUGH = "Terminology_PassThrough_TX_Message";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String UCUM = "http://unitsofmeasure.org";
  private static final String ISO3166 = "urn:iso:std:iso:3166";
  private static final String ISO4217 = "urn:iso:std:iso:4217";
  private static final String MIME = "urn:ietf:bcp:13";
  private static final String BCP47 = "urn:ietf:bcp:47";
  private static final Set<String> COMMON_SYSTEMS = Set.of(UCUM, ISO3166, ISO4217, MIME, BCP47);
  private static final String ALL_LANGUAGES = "http://hl7.org/fhir/ValueSet/all-languages";
  private static final String MIME_TYPES = "http://hl7.org/fhir/ValueSet/mimetypes";
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");
  private static final Pattern MIME_TYPE =
      Pattern.compile("[a-z]+/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("([a-z]{2})(?:-([A-Z]{2}))?");

  private final Plan plan;
  private final FhirRelease release;
  private final Map<String, Set<String>> codesByValueSet = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> codingsByValueSet = new ConcurrentHashMap<>();

  private final Function<String, @Nullable CodeSystemDef> igCodeSystems;

  Codes(Plan plan, FhirRelease release) {
    this(plan, release, url -> null);
  }

  Codes(Plan plan, FhirRelease release, Function<String, @Nullable CodeSystemDef> igCodeSystems) {
    this.plan = plan;
    this.release = release;
    this.igCodeSystems = igCodeSystems;
  }

  /**
   * A {@code code} element with a binding; true when the value fits (or the binding does not judge
   * it).
   */
  boolean code(String value, Binding binding, Loc expression, boolean baseOnly, Findings out) {
    if (binding.strength() == Binding.Strength.EXAMPLE || binding.valueSet() == null) {
      return true;
    }
    if (binding.valueSet().startsWith(MIME_TYPES)) {
      // the reference engine cannot find this value set, and HAPI drops that message: a MIME type
      // (Attachment.contentType) is never checked against it (§11.1)
      return true;
    }
    if (binding.valueSet().startsWith(ALL_LANGUAGES)) {
      if (isKnownLanguage(value)) {
        return true;
      }
      throw new NotCovered("a language code the fast engine does not know");
    }
    Set<String> codes = codes(binding.valueSet());
    if (codes.contains(value)) {
      return true;
    }
    switch (binding.strength()) {
      case REQUIRED -> {
        binding(
            out,
            Severity.ERROR,
            expression,
            "'"
                + value
                + "' is not a code of the value set "
                + binding.valueSet()
                + ", which is required here",
            "Terminology_TX_NoValid_16");
        return false;
      }
      default -> throw new NotCovered("a code with a " + binding.strength().code() + " binding");
    }
  }

  /**
   * {@code Reference.type}, a {@code uri} with an extensible binding to the resource types
   * (reference-behaviour.md §11.2): a value not in the value set is an unknown code of its code
   * system (an error) and outside an extensible binding (a warning).
   */
  void referenceType(String value, Binding binding, Loc expression, Findings out) {
    String valueSet = binding.valueSet();
    if (valueSet == null || binding.strength() == Binding.Strength.EXAMPLE) {
      return;
    }
    if (binding.strength() != Binding.Strength.EXTENSIBLE) {
      throw new NotCovered("a Reference.type binding of strength " + binding.strength().code());
    }
    ValueSetDef vs = expandable(valueSet);
    if (vs.systems().size() != 1) {
      throw new NotCovered("a Reference.type bound to " + valueSet);
    }
    if (codes(valueSet).contains(value)) {
      return;
    }
    passThrough(Verdict.UNKNOWN_CODE, vs.systems().get(0), value, expression, out);
    binding(
        out,
        Severity.WARNING,
        expression,
        "'" + value + "' is not in the value set " + valueSet + ", which is extensible here",
        "Terminology_TX_NoValid_17");
  }

  /**
   * A Coding-typed element (not a coding of a CodeableConcept): its system's form, its code in a
   * known system, then its binding (§11.2, §11.3).
   */
  void coding(
      Node coding, @Nullable Binding binding, Loc expression, boolean baseOnly, Findings out) {
    String system = text(coding, "system");
    String code = text(coding, "code");
    if (system == null) {
      if (code != null) {
        out.issue(
            "structure-other",
            Severity.WARNING,
            "code-invalid",
            expression.toString(),
            "The coding has the code '" + code + "' but no system",
            IssueSource.STRUCTURE,
            "TERMINOLOGY_TX_SYSTEM_NO_CODE");
      }
      return;
    }
    Strength strength = strength(binding);
    // under an extensible binding the reference engine checks the coding against the value set
    // instead: an unknown system and a code not in it, both warnings (meta.security, §11.2)
    if (strength != Strength.EXTENSIBLE && relativeSystem(system, "coding", expression, out)) {
      return;
    }
    Verdict verdict = verdict(system, code, strength != null);
    if (verdict == Verdict.UNKNOWN_SYSTEM) {
      // a system that looks like a misspelt HL7 one is reported in ways not reproduced here
      if (looksLikeHl7System(system)) {
        throw new NotCovered("a Coding whose system looks like a misspelt HL7 one");
      }
      if (strength == null) {
        // in an unknown system, without a binding that judges it: the reference engine says nothing
        return;
      }
    }
    passThrough(verdict, system, code, expression, out);
    if (strength == null || binding == null || binding.valueSet() == null) {
      return;
    }
    if (code != null && inValueSet(binding.valueSet(), system, code)) {
      return;
    }
    notMet(
        out,
        strength,
        baseOnly,
        expression,
        system + "#" + code + " is not in the value set " + binding.valueSet(),
        "Terminology_TX_NoValid_12",
        "Terminology_TX_NoValid_13",
        "Terminology_TX_NoValid_14");
  }

  /**
   * A CodeableConcept: each coding against what is known of its system, then the codings (or the
   * text alone) against the binding (§11.2, §11.3).
   */
  void codeableConcept(
      Node concept, @Nullable Binding binding, Loc expression, boolean baseOnly, Findings out) {
    Strength strength = strength(binding);
    List<String[]> codings = new ArrayList<>();
    boolean unknownSystem = false;
    // an empty coding ({}) beside one with a system or code gets "Coding has no system" too; alone,
    // nothing is checked (probe empty/coding-empty)
    boolean anyCoded = false;
    for (Node c : concept.children("coding")) {
      anyCoded |=
          c.kind() == Node.Kind.OBJECT && (text(c, "system") != null || text(c, "code") != null);
    }
    for (Node c : concept.children("coding")) {
      if (c.kind() != Node.Kind.OBJECT) {
        continue;
      }
      String system = text(c, "system");
      String code = text(c, "code");
      if (system == null) {
        if (code == null && !anyCoded) {
          continue;
        }
        if (code != null) {
          codings.add(new String[] {null, code});
        }
        out.issue(
            "structure-other",
            Severity.WARNING,
            "not-found",
            expression.toString(),
            code == null
                ? "A coding has no system and no code, so it cannot be checked"
                : "A coding has the code '" + code + "' but no system, so it cannot be checked",
            IssueSource.STRUCTURE,
            null);
        // HL7 cannot validate it, which fails an extensible binding as an unknown system does
        unknownSystem = true;
        continue;
      }
      codings.add(new String[] {system, code});
      Verdict verdict = verdict(system, code, strength != null);
      unknownSystem |= verdict == Verdict.UNKNOWN_SYSTEM;
      passThrough(verdict, system, code, expression, out);
    }
    if (strength == null || binding == null || binding.valueSet() == null) {
      return;
    }
    String valueSet = binding.valueSet();
    if (codings.isEmpty()) {
      switch (strength) {
        case REQUIRED ->
            binding(
                out,
                Severity.ERROR,
                expression,
                "No code is given, and the value set " + valueSet + " is required here",
                "Terminology_TX_Code_ValueSet");
        case EXTENSIBLE ->
            binding(
                out,
                Severity.WARNING,
                expression,
                "No code is given, and the value set " + valueSet + " is extensible here",
                "Terminology_TX_Code_ValueSet_Ext");
        default -> {}
      }
      return;
    }
    // an extensible binding is not met when any coding is in an unknown system or has none, even
    // beside one that is in the value set (binding/extensible-identifier-type-two-codings)
    boolean unmet = strength == Strength.EXTENSIBLE && unknownSystem;
    for (String[] c : codings) {
      if (!unmet && c[0] != null && c[1] != null && inValueSet(valueSet, c[0], c[1])) {
        return;
      }
    }
    notMet(
        out,
        strength,
        baseOnly,
        expression,
        "None of the codings is in the value set " + valueSet,
        "Terminology_TX_NoValid_1_CC",
        "Terminology_TX_NoValid_2_CC",
        "Terminology_TX_NoValid_3_CC");
  }

  /** A Quantity's unit as a coded value: UCUM units are checked, other systems are not (§12). */
  void quantityUnit(Node quantity, Loc expression, Findings out) {
    String system = text(quantity, "system");
    String code = text(quantity, "code");
    if (system == null || code == null) {
      return;
    }
    // the unit is checked as a coding, whose system must be absolute
    if (relativeSystem(system, "quantity", expression, out)) {
      return;
    }
    if (!system.equals(UCUM)) {
      return;
    }
    if (!UcumUnits.shared().isValid(code)) {
      passThrough(Verdict.INVALID_VALUE, system, code, expression, out);
      return;
    }
    int open = code.indexOf('{');
    int close = code.indexOf('}', open + 1);
    if (open < 0 || close < 0) {
      return;
    }
    String annotation = code.substring(open + 1, close);
    String unit = text(quantity, "unit");
    if (unit == null) {
      out.issue(
          "structure-other",
          Severity.WARNING,
          "business-rule",
          expression.toString(),
          "The UCUM code '" + code + "' has an annotation, and the quantity has no unit to show it",
          IssueSource.STRUCTURE,
          "TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS_NO_UNIT");
    } else if (!unit.toLowerCase(Locale.ROOT).contains(annotation.toLowerCase(Locale.ROOT))) {
      out.issue(
          "structure-other",
          Severity.WARNING,
          "business-rule",
          expression.toString(),
          "The UCUM code '"
              + code
              + "' has the annotation {"
              + annotation
              + "}, which the unit '"
              + unit
              + "' does not contain",
          IssueSource.STRUCTURE,
          "TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS_NOT_IN_UNIT");
    } else {
      out.issue(
          "structure-other",
          Severity.WARNING,
          "business-rule",
          expression.toString(),
          "The UCUM code '" + code + "' has an annotation: annotations carry no meaning in UCUM",
          IssueSource.STRUCTURE,
          "TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS");
    }
  }

  /**
   * A value not in the value set of its binding: an error (required), a warning (extensible), or an
   * information (preferred, only when the document declares no known profile).
   */
  private static void notMet(
      Findings out,
      Strength strength,
      boolean baseOnly,
      Loc expression,
      String message,
      String requiredId,
      String extensibleId,
      String preferredId) {
    switch (strength) {
      case REQUIRED ->
          binding(
              out, Severity.ERROR, expression, message + ", which is required here", requiredId);
      case EXTENSIBLE ->
          binding(
              out,
              Severity.WARNING,
              expression,
              message + ", which is extensible here",
              extensibleId);
      case PREFERRED -> {
        if (baseOnly) {
          binding(
              out,
              Severity.INFORMATION,
              expression,
              message + ", which is preferred here",
              preferredId);
        }
      }
      default -> {}
    }
  }

  /** A binding finding ({@code structure-binding}, {@code code-invalid}) at the coded element. */
  private static void binding(
      Findings out, Severity level, Loc expression, String message, String messageId) {
    out.issue(
        "structure-binding",
        level,
        "code-invalid",
        expression.toString(),
        message,
        IssueSource.STRUCTURE,
        messageId);
  }

  /** What the offline terminology chain says about one code (§11.1, §11.3). */
  private enum Verdict {
    OK,
    /** The system is not known offline: a warning. */
    UNKNOWN_SYSTEM,
    /** A known system that does not define the code: an error, a binding finding. */
    UNKNOWN_CODE,
    /** Not a valid code of one of the common systems (UCUM, ISO 3166, ISO 4217): an error. */
    INVALID_VALUE,
    /** Not a valid language tag: a warning. */
    UNKNOWN_LANGUAGE
  }

  private Verdict verdict(String system, @Nullable String code, boolean bound) {
    if (system.equals(SNOMED)) {
      if (bound) {
        throw new NotCovered("a SNOMED CT coding under a binding (SNOMED is not offline)");
      }
      return Verdict.OK;
    }
    if (COMMON_SYSTEMS.contains(system)) {
      if (code == null) {
        throw new NotCovered("a coding of " + system + " without a code");
      }
      return commonSystem(system, code);
    }
    CodeSystemDef cs = plan.codeSystem(system);
    if (cs == null) {
      CodeSystemDef ig = igCodeSystems.apply(system);
      if (ig == null) {
        return Verdict.UNKNOWN_SYSTEM;
      }
      // a code system of a loaded IG package: the reference engine knows it; its messages about
      // codes it does not define are not reproduced here
      if (!ig.isComplete() || code == null || ig.concept(code) == null) {
        throw new NotCovered("a code the IG code system " + system + " does not define");
      }
      return Verdict.OK;
    }
    if (!cs.isComplete()) {
      throw new NotCovered("a code of the " + cs.content() + " code system " + system);
    }
    if (code == null) {
      throw new NotCovered("a coding of a known system without a code");
    }
    return cs.concept(code) == null ? Verdict.UNKNOWN_CODE : Verdict.OK;
  }

  /** A code of one of the systems HAPI knows without a terminology server (§11.1). */
  private static Verdict commonSystem(String system, String code) {
    switch (system) {
      case UCUM -> {
        return UcumUnits.shared().isValid(code) ? Verdict.OK : Verdict.INVALID_VALUE;
      }
      case ISO3166 -> {
        if (!COUNTRY.matcher(code).matches()) {
          throw new NotCovered("an ISO 3166 code that is not two or three letters");
        }
        return Iso.countries().contains(code) ? Verdict.OK : Verdict.INVALID_VALUE;
      }
      case ISO4217 -> {
        if (!Iso.currencies().contains(code)) {
          throw new NotCovered("an ISO 4217 code that Java does not know");
        }
        return Verdict.OK;
      }
      case MIME -> {
        if (!MIME_TYPE.matcher(code).matches()) {
          throw new NotCovered("a MIME type that is not type/subtype");
        }
        return Verdict.OK;
      }
      default -> {
        return language(code);
      }
    }
  }

  /** A language tag: a known language, optionally with a known region (else not covered). */
  private static Verdict language(String tag) {
    java.util.regex.Matcher m = LANGUAGE_TAG.matcher(tag);
    if (!m.matches()) {
      throw new NotCovered("a language tag of a form not reproduced here");
    }
    if (!Iso.languages().contains(m.group(1))) {
      return Verdict.UNKNOWN_LANGUAGE;
    }
    String region = m.group(2);
    if (region != null && !Iso.countries().contains(region)) {
      throw new NotCovered("a language tag with an unknown region");
    }
    return Verdict.OK;
  }

  /** Whether a language tag is one the reference engine accepts (for codes bound to languages). */
  static boolean isKnownLanguage(String tag) {
    return language(tag) == Verdict.OK;
  }

  private static void passThrough(
      Verdict verdict, String system, @Nullable String code, Loc expression, Findings out) {
    String coded = system + "#" + code;
    switch (verdict) {
      case UNKNOWN_SYSTEM ->
          out.issue(
              "structure-other",
              Severity.WARNING,
              "not-found",
              expression.toString(),
              "The code system "
                  + system
                  + " is not known offline, so "
                  + coded
                  + " cannot be checked",
              IssueSource.STRUCTURE,
              PASS_THROUGH);
      case UNKNOWN_CODE ->
          out.issue(
              "structure-binding",
              Severity.ERROR,
              "code-invalid",
              expression.toString(),
              "Unknown code " + coded + ": the code system " + system + " does not define it",
              IssueSource.STRUCTURE,
              PASS_THROUGH);
      case INVALID_VALUE ->
          out.issue(
              "structure-other",
              Severity.ERROR,
              "invalid",
              expression.toString(),
              "'" + code + "' is not a valid code of " + system,
              IssueSource.STRUCTURE,
              PASS_THROUGH);
      case UNKNOWN_LANGUAGE ->
          out.issue(
              "structure-other",
              Severity.WARNING,
              "not-found",
              expression.toString(),
              "'" + code + "' is not a known language tag (" + system + ")",
              IssueSource.STRUCTURE,
              PASS_THROUGH);
      case OK -> {}
    }
  }

  private boolean inValueSet(String valueSet, String system, String code) {
    ValueSetDef vs = plan.valueSet(valueSet);
    if (vs != null
        && vs.incomplete() != null
        && vs.systemsComplete()
        && !vs.systems().contains(system)) {
      // not expandable here (a SNOMED CT filter), but a code of a system the value set does not
      // draw on is not in it: the reference engine says so without expanding (performer-role)
      return false;
    }
    return codings(valueSet).contains(system + '|' + code);
  }

  private ValueSetDef expandable(String valueSet) {
    ValueSetDef vs = plan.valueSet(valueSet);
    if (vs == null || vs.incomplete() != null) {
      throw new NotCovered("the value set " + valueSet + " cannot be expanded here");
    }
    return vs;
  }

  /** The strength when the binding judges codes (example bindings and none do not). */
  private static @Nullable Strength strength(@Nullable Binding binding) {
    if (binding == null
        || binding.valueSet() == null
        || binding.strength() == Binding.Strength.EXAMPLE) {
      return null;
    }
    return binding.strength();
  }

  /** Systems the reference engine reports in particular ways when they are not known. */
  private static boolean looksLikeHl7System(String system) {
    return system.startsWith("http://hl7.org/fhir/")
        || system.startsWith("https://hl7.org/")
        || system.startsWith("https://terminology.hl7.org/")
        || system.contains("build.fhir.org")
        || system.contains("/ValueSet/")
        || system.endsWith(".html");
  }

  /** Reports a system that is not absolute (http:, https: or urn:); returns whether it did. */
  private static boolean relativeSystem(
      String system, String holder, Loc expression, Findings out) {
    if (system.startsWith("http:") || system.startsWith("https:") || system.startsWith("urn:")) {
      return false;
    }
    out.issue(
        "structure-other",
        Severity.ERROR,
        "code-invalid",
        expression.toString(),
        "The "
            + holder
            + "'s system '"
            + system
            + "' must be an absolute URI (http:, https: or urn:)",
        IssueSource.STRUCTURE,
        "Terminology_TX_System_Relative");
    return true;
  }

  /**
   * A primitive child's text as the reference engine's parser keeps it: a JSON number or boolean in
   * place of a string is reported and kept as text ({@code "system": 58} is the relative system
   * "58").
   */
  private static @Nullable String text(Node parent, String name) {
    return ParserReads.scalar(ParserReads.primitive(parent, name));
  }

  /** The codes of a value set's expansion, whatever their system. */
  private Set<String> codes(String valueSet) {
    return codesByValueSet.computeIfAbsent(valueSet, url -> expansion(url, ValueSetDef.Code::code));
  }

  /** The codings of a value set's expansion, as {@code system|code}. */
  private Set<String> codings(String valueSet) {
    return codingsByValueSet.computeIfAbsent(
        valueSet, url -> expansion(url, c -> c.system() + '|' + c.code()));
  }

  private Set<String> expansion(String valueSet, Function<ValueSetDef.Code, String> key) {
    Set<String> out = new HashSet<>();
    for (ValueSetDef.Code c : expandable(valueSet).codes()) {
      out.add(key.apply(c));
    }
    return Set.copyOf(out);
  }

  FhirRelease release() {
    return release;
  }
}
