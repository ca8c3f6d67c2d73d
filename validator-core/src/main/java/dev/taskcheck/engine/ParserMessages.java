package dev.taskcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recovers the message id of the HL7 parsers' messages, which HL7 core 6.7.9 reports without one,
 * by matching the text against the English templates of HL7's own message bundle. Also returns the
 * template's arguments (an unknown property's name, for example).
 */
final class ParserMessages {

  /** The message keys the HL7 element-model parsers log without an id. */
  private static final List<String> KEYS =
      List.of(
          "Unrecognised_property_",
          "UNRECOGNISED_PROPERTY_TYPE",
          "UNRECOGNISED_PROPERTY_TYPE_WRONG",
          "Undefined_element_",
          "Undefined_attribute__on__for_type__properties__",
          "This_property_must_be__not_",
          "This_property_must_be_an_Array_not_",
          "This_property_must_be_an_object_not_",
          "This_property_must_be_an_simple_value_not_",
          "THIS_BASE_PROPERTY_MUST_BE_AN_ARRAY_NOT_",
          "Error_parsing_JSON_the_primitive_value_must_be_a_string",
          "Error_parsing_JSON_the_primitive_value_must_be_a_number",
          "Error_parsing_JSON_the_primitive_value_must_be_a_boolean",
          "DUPLICATE_JSON_PROPERTY_KEY",
          "ARRAY_CANNOT_BE_EMPTY",
          "OBJECT_MUST_HAVE_SOME_CONTENT",
          "ELEMENT_MUST_HAVE_SOME_CONTENT",
          "Text_should_not_be_present",
          "XML_ATTR_VALUE_INVALID",
          "XML_ENCODING_INVALID",
          "WRONG_NAMESPACE__EXPECTED_",
          "XSI_TYPE_WRONG",
          "XSI_TYPE_UNNECESSARY",
          "TYPE_SPECIFIER_ILLEGAL_TYPE",
          "TYPE_SPECIFIER_ABSTRACT_TYPE",
          "TYPE_SPECIFIER_NM_ILLEGAL_TYPE",
          "TYPE_SPECIFIER_NM_ABSTRACT_TYPE",
          "CDATA_IS_NOT_ALLOWED",
          "NO_PROCESSING_INSTRUCTIONS_ALLOWED_IN_RESOURCES",
          "NODE_TYPE__IS_NOT_ALLOWED",
          "RESOURCETYPE_PROPERTY_WRONG_TYPE",
          "RESOURCEDEFINITION_PROPERTY_WRONG_TYPE",
          "RESOURCEDEFINITION_PROPERTY_UNKNOWN",
          "NO_TYPE_FOUND_ON_",
          "JSON_PROPERTY_NO_QUOTES",
          "JSON_PROPERTY_VALUE_NO_QUOTES",
          "JSON_COMMA_EXTRA",
          "JSON_COMMA_MISSING",
          "JSON_COMMENTS_NOT_ALLOWED",
          "ILLEGAL_COMMENT_TYPE",
          "THIS_CANNOT_BE_PARSED_AS_A_FHIR_OBJECT_NO_NAME",
          "THIS__CANNOT_BE_PARSED_AS_A_FHIR_OBJECT_NO_NAMESPACE",
          "UNABLE_TO_FIND_RESOURCETYPE_PROPERTY",
          "THIS_DOES_NOT_APPEAR_TO_BE_A_FHIR_RESOURCE_UNKNOWN_NAME_",
          "THIS_DOES_NOT_APPEAR_TO_BE_A_FHIR_RESOURCE_UNKNOWN_NAMESPACENAME_",
          "CONTAINED_RESOURCE_DOES_NOT_APPEAR_TO_BE_A_FHIR_RESOURCE_UNKNOWN_NAME_",
          "ERROR_PARSING_JSON_",
          "ERROR_PARSING_XHTML_",
          "UNKNOWN_DATE_FORMAT_",
          "UNKNOWN_DATA_FORMAT_",
          "ERROR_WRITING_NUMBER__TO_JSON");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,[^}]*)?}");

  /** A recognised message: its HL7 key and its arguments in template order. */
  record Match(String key, List<String> arguments) {}

  @SuppressWarnings("ArrayRecordComponent") // private, read by index and never compared
  private record Template(String key, Pattern pattern, int[] argumentOrder) {}

  private final List<Template> templates;

  private ParserMessages(List<Template> templates) {
    this.templates = templates;
  }

  /** Loads the templates from HL7's English message bundle, as HL7 itself loads it. */
  static ParserMessages load() {
    List<Template> out = new ArrayList<>();
    ResourceBundle bundle;
    try {
      bundle =
          ResourceBundle.getBundle(
              "Messages",
              Locale.ENGLISH,
              org.hl7.fhir.utilities.i18n.I18nConstants.class.getClassLoader());
    } catch (MissingResourceException e) {
      return new ParserMessages(List.of());
    }
    // the bundle spells some keys in another case than HL7's constants
    // (Object_must_have_some_content for
    // OBJECT_MUST_HAVE_SOME_CONTENT): find each in any case, and report it under the bundle's
    // spelling
    java.util.Map<String, String> byLowerCase = new java.util.HashMap<>();
    for (String key : bundle.keySet()) {
      byLowerCase.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
    }
    for (String wanted : KEYS) {
      String key = byLowerCase.get(wanted.toLowerCase(Locale.ROOT));
      if (key != null) {
        out.add(compile(key, bundle.getString(key)));
      }
    }
    return new ParserMessages(List.copyOf(out));
  }

  private static Template compile(String key, String template) {
    String t = template.replace("''", "\u0000");
    StringBuilder regex = new StringBuilder("^");
    List<Integer> order = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(t);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(t.substring(last, m.start()).replace("\u0000", "'")));
      regex.append("(.*?)");
      order.add(Integer.parseInt(m.group(1)));
      last = m.end();
    }
    regex.append(Pattern.quote(t.substring(last).replace("\u0000", "'"))).append("$");
    int[] argumentOrder = order.stream().mapToInt(Integer::intValue).toArray();
    return new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), argumentOrder);
  }

  /** The template the message was made from, or null. */
  @Nullable Match match(String message) {
    for (Template t : templates) {
      Matcher m = t.pattern().matcher(message);
      if (m.matches()) {
        int max = -1;
        for (int i : t.argumentOrder()) {
          max = Math.max(max, i);
        }
        String[] args = new String[max + 1];
        for (int g = 0; g < t.argumentOrder().length; g++) {
          args[t.argumentOrder()[g]] = m.group(g + 1);
        }
        List<String> list = new ArrayList<>();
        for (String a : args) {
          list.add(a == null ? "" : a);
        }
        return new Match(t.key(), List.copyOf(list));
      }
    }
    return null;
  }
}
