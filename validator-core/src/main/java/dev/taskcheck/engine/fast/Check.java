package dev.taskcheck.engine.fast;

import dev.taskcheck.model.Severity;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every finding the fast engine reports, other than invariants: the reference engine's message id
 * (kept as the finding's {@code messageId}, so reports of both engines name a check the same way),
 * the TaskCheck rule id, the level, the FHIR issue type and TaskCheck's own wording ({@link
 * MessageFormat} with the arguments given).
 */
enum Check {
  // JSON shape (docs/engines/reference-behaviour.md §5): the parser's checks, up to
  // UNKNOWN_RESOURCE_TYPE (fromParser)
  NOT_AN_OBJECT(
      "This_property_must_be__not_",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} must be a JSON object, not {1}"),
  NOT_AN_ARRAY(
      "This_property_must_be__not_",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} repeats, so it must be a JSON array, not {1}"),
  NOT_A_SIMPLE_VALUE(
      "This_property_must_be_an_simple_value_not_",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} is a primitive: it must be a JSON string, number or boolean, not {1}"),
  SHADOW_NOT_AN_OBJECT(
      "This_property_must_be_an_object_not_",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "_{0} holds the id and extensions of {0}: it must be a JSON object, not {1}"),
  SHADOW_NOT_AN_ARRAY(
      "This_base_property_must_be_an_Array_not_",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "_{0} holds the ids and extensions of the repeating {0}: it must be a JSON array, not {1}"),
  SHADOW_LENGTH(
      "TASKCHECK_SHADOW_ARRAY_LENGTH",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} has {1} item(s) but _{0} has {2}: the ids and extensions in _{0} must line up with the"
          + " values, one item each (null where there is none)"),
  MUST_BE_STRING(
      "Error_parsing_JSON_the_primitive_value_must_be_a_string",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} must be a JSON string, not {1}"),
  MUST_BE_NUMBER(
      "Error_parsing_JSON_the_primitive_value_must_be_a_number",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} must be a JSON number, not {1}"),
  MUST_BE_BOOLEAN(
      "Error_parsing_JSON_the_primitive_value_must_be_a_boolean",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} must be a JSON boolean, not {1}"),
  DUPLICATE_KEY(
      "DUPLICATE_JSON_PROPERTY_KEY",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the property {0} appears more than once in this object; only the first is read"),
  EMPTY_ARRAY(
      "ARRAY_CANNOT_BE_EMPTY",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} is an empty array: leave the property out instead"),
  EMPTY_OBJECT(
      "Object_must_have_some_content",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} is an empty object: an element must have some content"),
  UNKNOWN_PROPERTY(
      "Unrecognised_property_",
      "structure-unknown-element",
      Severity.ERROR,
      "structure",
      "unknown element ''{0}'': {1} has no such element"),
  RESOURCE_TYPE_NOT_STRING(
      "RESOURCETYPE_PROPERTY_WRONG_TYPE",
      "structure-type",
      Severity.FATAL,
      "invalid",
      "the resourceType of this contained resource is not a JSON string"),
  NO_RESOURCE_TYPE(
      "Unable_to_find_resourceType_property",
      "structure-parse",
      Severity.FATAL,
      "invalid",
      "this contained resource has no resourceType"),
  UNKNOWN_RESOURCE_TYPE(
      "Contained_resource_does_not_appear_to_be_a_FHIR_resource_unknown_name_",
      "structure-parse",
      Severity.FATAL,
      "invalid",
      "''{0}'' is not a FHIR resource type"),

  // cardinality (§8)
  MIN(
      "Validation_VAL_Profile_Minimum",
      "structure-cardinality",
      Severity.ERROR,
      "structure",
      "{0}: at least {1} required, found {2} (by {3})"),
  MAX(
      "Validation_VAL_Profile_Maximum",
      "structure-cardinality",
      Severity.ERROR,
      "structure",
      "{0}: at most {1} allowed, found {2} (by {3})"),

  // primitives (§9)
  CODE_MISSING(
      "Terminology_TX_Code_ValueSet_MISSING",
      "structure-binding",
      Severity.ERROR,
      "code-invalid",
      "no code is given, and a code from the required value set is needed"),
  PRIMITIVE_NO_VALUE(
      "Type_Specific_Checks_DT_Primitive_ValueExt",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "a primitive needs a value or an extension"),
  PRIMITIVE_EMPTY(
      "Type_Specific_Checks_DT_Primitive_NotEmpty",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the value is empty"),
  PRIMITIVE_WHITESPACE(
      "Type_Specific_Checks_DT_Primitive_WS",
      "structure-type",
      Severity.WARNING,
      "invalid",
      "the value is only whitespace"),
  BIDI(
      "UNICODE_BIDI_CONTROLS_CHARS_MATCH",
      "structure-other",
      Severity.WARNING,
      "invalid",
      "the value has bidirectional control characters that are not properly closed"),
  BAD_CHARS(
      "UNICODE_XML_BAD_CHARS",
      "structure-other",
      Severity.WARNING,
      "invalid",
      "the value has a control character (U+{0})"),
  HTML_IN_STRING(
      "SECURITY_STRING_CONTENT_WARNING",
      "structure-other",
      Severity.INFORMATION,
      "invalid",
      "the value contains text that looks like HTML markup ({0}); make sure it is escaped where it is shown"),
  REGEX_TYPE(
      "Type_Specific_Checks_DT_Primitive_Regex_Type",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' does not match the pattern of the type {1}"),
  BOOLEAN(
      "Type_Specific_Checks_DT_Boolean_Value",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a boolean: true or false"),
  INTEGER(
      "Type_Specific_Checks_DT_Integer_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not an integer"),
  INTEGER_NEGATIVE(
      "Type_Specific_Checks_DT_Integer_LT0",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} is negative; an unsignedInt is 0 or more"),
  INTEGER_NOT_POSITIVE(
      "Type_Specific_Checks_DT_Integer_LT1",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "{0} is not positive; a positiveInt is 1 or more"),
  DECIMAL(
      "Type_Specific_Checks_DT_Decimal_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a decimal"),
  DECIMAL_RANGE(
      "Type_Specific_Checks_DT_Decimal_Range",
      "structure-type",
      Severity.WARNING,
      "value",
      "''{0}'' has more digits than a decimal should (18 significant digits, 4 exponent digits)"),
  DATE(
      "Type_Specific_Checks_DT_Date_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid date"),
  DATETIME(
      "Type_Specific_Checks_DT_DateTime_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid dateTime"),
  DATETIME_TZ(
      "Type_Specific_Checks_DT_DateTime_TZ",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' has a time but no time zone"),
  DATETIME_REASONABLE(
      "Type_Specific_Checks_DT_DateTime_Reasonable",
      "structure-type",
      Severity.WARNING,
      "invalid",
      "the year of ''{0}'' is not plausible (before 1800 or more than 80 years ahead)"),
  INSTANT_REGEX(
      "Type_Specific_Checks_DT_DateTime_Regex",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid instant"),
  INSTANT(
      "Type_Specific_Checks_DT_Instant_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid instant"),
  TIME(
      "Type_Specific_Checks_DT_Time_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid time (hh:mm:ss, without fraction)"),
  CODE_WHITESPACE(
      "Type_Specific_Checks_DT_Code_WS",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the code ''{0}'' has leading, trailing or repeated whitespace"),
  STRING_LENGTH(
      "Type_Specific_Checks_DT_String_Length",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the value is longer than 1 MiB ({0} characters)"),
  STRING_WHITESPACE_ALL(
      "TYPE_SPECIFIC_CHECKS_DT_STRING_WS_ALL",
      "structure-type",
      Severity.WARNING,
      "invalid",
      "the value is only whitespace"),
  STRING_WHITESPACE(
      "Type_Specific_Checks_DT_String_WS",
      "structure-type",
      Severity.WARNING,
      "invalid",
      "the value has leading or trailing whitespace"),
  MAX_LENGTH(
      "Type_Specific_Checks_DT_Primitive_Length",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the value is longer than the {0} characters the definition allows"),
  MARKDOWN_HTML(
      "TYPE_SPECIFIC_CHECKS_DT_MARKDOWN_HTML",
      "structure-other",
      Severity.WARNING,
      "invalid",
      "the markdown contains HTML ({0})"),
  URI_OID(
      "Type_Specific_Checks_DT_URI_OID",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' starts with oid: where urn:oid: is meant"),
  URI_UUID(
      "Type_Specific_Checks_DT_URI_UUID",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' starts with uuid: where urn:uuid: is meant"),
  URI_WHITESPACE(
      "Type_Specific_Checks_DT_URI_WS",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' contains whitespace"),
  OID_START(
      "Type_Specific_Checks_DT_OID_Start",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is an oid, which must start with urn:oid:"),
  UUID_START(
      "Type_Specific_Checks_DT_UUID_Strat",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is a uuid, which must start with urn:uuid:"),
  CANONICAL_ABSOLUTE(
      "TYPE_SPECIFIC_CHECKS_CANONICAL_ABSOLUTE",
      "structure-other",
      Severity.ERROR,
      "invalid",
      "the canonical ''{0}'' is neither an absolute URL nor a #fragment"),
  UUID_VALID(
      "Type_Specific_Checks_DT_UUID_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid lower-case UUID"),
  OID_VALID(
      "Type_Specific_Checks_DT_OID_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid OID"),
  ID(
      "Type_Specific_Checks_DT_ID_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "''{0}'' is not a valid id (1 to 64 letters, digits, ''-'' and ''.'')"),
  RESOURCE_ID_LENGTH(
      "Resource_RES_ID_Malformed_Length",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the resource id is longer than 64 characters ({0})"),
  RESOURCE_ID_CHARS(
      "Resource_RES_ID_Malformed_Chars",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the resource id ''{0}'' has characters an id cannot have (letters, digits, ''-'' and ''.'' only)"),
  BASE64(
      "Type_Specific_Checks_DT_Base64_Valid",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the value is not valid base64"),
  BASE64_WHITESPACE_WARNING(
      "TYPE_SPECIFIC_CHECKS_DT_BASE64_NO_WS_WARNING",
      "structure-type",
      Severity.WARNING,
      "invalid",
      "the base64 value contains whitespace"),
  BASE64_WHITESPACE_ERROR(
      "TYPE_SPECIFIC_CHECKS_DT_BASE64_NO_WS_ERROR",
      "structure-type",
      Severity.ERROR,
      "invalid",
      "the base64 value contains whitespace");

  private final String messageId;
  private final String ruleId;
  private final Severity level;
  private final String issueType;

  Check(String messageId, String ruleId, Severity level, String issueType, String template) {
    this.messageId = messageId;
    this.ruleId = ruleId;
    this.level = level;
    this.issueType = issueType;
    this.template = template;
    this.plain = template.replace("''", "'");
  }

  String messageId() {
    return messageId;
  }

  String ruleId() {
    return ruleId;
  }

  Severity level() {
    return level;
  }

  String issueType() {
    return issueType;
  }

  /**
   * Whether the reference engine's JSON parser reports it: then an element inside a choice is named
   * by the parser's path ({@code Task.input[0].value[x].concept.text}; reference-behaviour.md §3).
   */
  boolean fromParser() {
    return PARSER.contains(this);
  }

  /** SHADOW_LENGTH is TaskCheck's own check (the reference engine's ShadowArrays), not HL7's. */
  private static final Set<Check> PARSER = parserChecks();

  private static Set<Check> parserChecks() {
    Set<Check> parser = EnumSet.range(NOT_AN_OBJECT, UNKNOWN_RESOURCE_TYPE);
    parser.remove(SHADOW_LENGTH);
    return parser;
  }

  String message(Object... args) {
    if (args.length == 0) {
      return plain;
    }
    Formats f = FORMATS.get();
    Object[] shown = args;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Number n) {
        // as MessageFormat shows a number, with a format kept rather than made for each number
        if (shown == args) {
          shown = args.clone();
        }
        shown[i] = f.number.format(n);
      }
    }
    return f.templates
        .computeIfAbsent(this, c -> new MessageFormat(c.template, Locale.ROOT))
        .format(shown);
  }

  /**
   * One thread's parsed templates and number format (neither {@link MessageFormat} nor {@link
   * NumberFormat} is thread-safe): parsing a template for every finding cost more than the finding,
   * and MessageFormat makes a number format for every number it shows.
   */
  private static final class Formats {
    private final Map<Check, MessageFormat> templates = new EnumMap<>(Check.class);
    private final NumberFormat number = NumberFormat.getInstance(Locale.ROOT);
  }

  private final String template;

  /** The wording, as {@link MessageFormat} reads it. */
  String template() {
    return template;
  }

  /** The template without arguments: its quotes undone. */
  private final String plain;

  @SuppressWarnings("ThreadLocalUsage") // one for the enum, for the life of the JVM
  private static final ThreadLocal<Formats> FORMATS = ThreadLocal.withInitial(Formats::new);
}
