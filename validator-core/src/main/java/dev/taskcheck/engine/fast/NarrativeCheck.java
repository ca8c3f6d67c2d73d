package dev.taskcheck.engine.fast;

import dev.taskcheck.model.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The narrative findings (docs/engines/reference-behaviour.md §13): the reference engine's message
 * id (null for the two it logs without one), the TaskCheck rule id, the level and the FHIR issue
 * type. The messages are written where the findings are made.
 */
enum NarrativeCheck {
  // the parser (§5, §22)
  PARSE("Error_parsing_XHTML_", "structure-type", Severity.ERROR, "invalid"),
  ENTITY(null, "structure-other", Severity.ERROR, "invalid"),
  // the XHTML rules, at the div
  NAMESPACE("XHTML_XHTML_NS_InValid", Severity.ERROR, "invalid"),
  ROOT_NAME("XHTML_XHTML_Name_Invalid", Severity.ERROR, "invalid"),
  DOCTYPE("XHTML_XHTML_DOCTYPE_ILLEGAL", Severity.ERROR, "invalid"),
  ELEMENT("XHTML_XHTML_Element_Illegal", Severity.ERROR, "invalid"),
  ATTRIBUTE("XHTML_XHTML_Attribute_Illegal", Severity.ERROR, "invalid"),
  XML_SPACE("XHTML_XHTML_ATTRIBUTE_XML_SPACE", Severity.INFORMATION, "invalid"),
  BLOCK_IN_PARAGRAPH("XHTML_XHTML_ELEMENT_ILLEGAL_IN_PARA", Severity.ERROR, "invalid"),
  URL("XHTML_URL_INVALID", Severity.ERROR, "invalid"),
  BLOCK_INSIDE("XHTML_XHTML_BLOCK_IN_PARA", Severity.ERROR, "structure"),
  RECURSION("XHTML_XHTML_NO_RECURSION", Severity.ERROR, "structure"),
  NO_CHILDREN("XHTML_XHTML_NO_CHILDREN", Severity.ERROR, "structure"),
  OUT_OF_PLACE("XHTML_XHTML_OUT_OF_PLACE", Severity.ERROR, "structure"),
  ILLEGAL_CHILDREN("XHTML_XHTML_ILLEGAL_CHILDREN", Severity.ERROR, "structure"),
  MIXED_LANG("XHTML_XHTML_MIXED_LANG", Severity.WARNING, "business-rule"),
  DUPLICATE_IDS("XHTML_XHTML_DUPLICATE_IDS", Severity.WARNING, "business-rule"),
  // links and images, at the div
  EMPTY_HREF("TYPE_SPECIFIC_CHECKS_DT_XHTML_EMPTY_HREF", Severity.ERROR, "invalid"),
  UNRESOLVED_HREF("Type_Specific_Checks_DT_XHTML_Resolve", Severity.ERROR, "invalid"),
  UNRESOLVED_IMG("Type_Specific_Checks_DT_XHTML_Resolve_Img", Severity.ERROR, "invalid"),
  /** Several targets: a warning for a link, an error for an image. */
  MULTIPLE_MATCHES("TYPE_SPECIFIC_CHECKS_DT_XHTML_MULTIPLE_MATCHES", Severity.WARNING, "invalid"),
  ACTIVE_HREF("TYPE_SPECIFIC_CHECKS_DT_XHTML_ACTIVE_HREF", Severity.ERROR, "invalid"),
  LITERAL_HREF("TYPE_SPECIFIC_CHECKS_DT_XHTML_LITERAL_HREF", Severity.ERROR, "invalid"),
  UNKNOWN_HREF("TYPE_SPECIFIC_CHECKS_DT_XHTML_UNKNOWN_HREF", Severity.INFORMATION, "invalid"),
  // the resource's language against the div's, at the resource
  LANG_MISSING("Language_XHTML_Lang_Missing1", Severity.WARNING, "business-rule"),
  LANG_ONLY_XML("Language_XHTML_Lang_Missing2", Severity.WARNING, "business-rule"),
  LANG_NO_XML("Language_XHTML_Lang_Missing3", Severity.WARNING, "business-rule"),
  LANG_DIFFERENT("Language_XHTML_Lang_Different1", Severity.WARNING, "business-rule"),
  XML_LANG_DIFFERENT("Language_XHTML_Lang_Different2", Severity.WARNING, "business-rule");

  final @Nullable String messageId;
  final String ruleId;
  final Severity level;
  final String issueType;

  NarrativeCheck(String messageId, Severity level, String issueType) {
    this(messageId, "structure-other", level, issueType);
  }

  NarrativeCheck(@Nullable String messageId, String ruleId, Severity level, String issueType) {
    this.messageId = messageId;
    this.ruleId = ruleId;
    this.level = level;
    this.issueType = issueType;
  }
}
