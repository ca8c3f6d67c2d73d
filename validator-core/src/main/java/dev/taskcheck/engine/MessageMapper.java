package dev.taskcheck.engine;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.NodePath;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.jspecify.annotations.Nullable;

/**
 * Turns the reference engine's messages into TaskCheck issues: a stable id whatever the HL7
 * wording, a FHIRPath expression that names the element concerned, and the position of that element
 * in our own parse tree (so both engines locate an element the same way, and NDJSON lines and
 * Bundle entries carry their position in the file).
 */
final class MessageMapper {

  static final String CORE_SD = "http://hl7.org/fhir/StructureDefinition/";
  private static final Pattern FROM_PROFILE = Pattern.compile("\\(from ([^\\s|)]+)");
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final StructureIds ids;
  private final ParserMessages parserMessages;

  MessageMapper(StructureIds ids, ParserMessages parserMessages) {
    this.ids = ids;
    this.parserMessages = parserMessages;
  }

  /**
   * The issue for one message; {@code root} is the parsed document the message is about and {@code
   * firstLine} the line of the source where the text the engine read starts.
   */
  Issue map(ValidationMessage m, Node root, int firstLine) {
    String text = m.getMessage() == null ? "" : m.getMessage().strip();
    String messageId = usableId(m.getMessageId());
    ParserMessages.Match parsed = null;
    if (messageId == null) {
      parsed = parserMessages.match(text);
      if (parsed != null) {
        messageId = parsed.key();
      }
    }
    String ruleId = ruleId(m, messageId);
    if (UNKNOWN_PROFILE.equals(messageId) && !text.isEmpty()) {
      // offline, a profile is known only when its package is given: say how (the fast engine too)
      text = text + " (give the IG package that defines it with --ig)";
    }
    String expression = expression(m, root, firstLine, messageId, parsed);
    int[] at = NodePath.position(root, expression);
    return new Issue(
        ruleId,
        severity(m),
        m.getType() == null || m.getType().toCode() == null ? "processing" : m.getType().toCode(),
        expression,
        at[0],
        at[1],
        text.isEmpty() ? "(no message)" : text,
        source(m, text),
        messageId,
        profile(m, text));
  }

  /** A profile's URL in a message: {@code (from URL)}, {@code the profile URL}. */
  private static final Pattern PROFILE_URL =
      Pattern.compile("(?:\\(from |\\bprofile )((?:https?|urn):[^\\s)#,'\"]+)");

  /**
   * The profile whose constraint the message reports (its URL with the version the engine gives,
   * without an element fragment), or null for the base specification or no profile.
   */
  static @Nullable String profile(ValidationMessage m, String text) {
    String url = null;
    String inv = invariantId(m);
    if (inv != null && inv.contains("#")) {
      url = inv.substring(0, inv.lastIndexOf('#'));
    } else {
      Matcher found = PROFILE_URL.matcher(text);
      if (found.find()) {
        url = found.group(1);
        while (url.endsWith(".") || url.endsWith(":")) {
          url = url.substring(0, url.length() - 1);
        }
      }
    }
    return url == null || url.isEmpty() || url.startsWith(CORE_SD) ? null : url;
  }

  /** The id HL7 gives "This element does not match any known slice ...". */
  private static final String SLICE_DETAILS = "Details_for__matching_against_Profile_";

  /** The id of HL7's "profile ... could not be found" message. */
  private static final String UNKNOWN_PROFILE = "Validation_VAL_Profile_Unknown";

  /** HAPI sometimes puts a whole sentence where the id belongs; that is not an id. */
  private static @Nullable String usableId(@Nullable String id) {
    return id == null || id.isBlank() || id.contains(" ") ? null : id;
  }

  private String ruleId(ValidationMessage m, @Nullable String messageId) {
    String invariant = invariantKey(m);
    if (invariant != null) {
      return invariant;
    }
    if (messageId == null) {
      return m.getLevel() == ValidationMessage.IssueSeverity.FATAL
          ? StructureIds.PARSE
          : StructureIds.OTHER;
    }
    if (messageId.equals("Terminology_PassThrough_TX_Message")) {
      return m.getType() == ValidationMessage.IssueType.CODEINVALID
          ? StructureIds.BINDING
          : StructureIds.OTHER;
    }
    String id = ids.lookup(messageId);
    if (messageId.equals(SLICE_DETAILS)
        && m.getMessage() != null
        && m.getMessage().contains("slice")) {
      // the same id also carries other matching details (a contained resource's own errors)
      return StructureIds.SLICING;
    }
    return id != null ? id : StructureIds.OTHER;
  }

  /**
   * The constraint key of a failed invariant ({@code inv-1} from {@code .../Task#inv-1}), or null.
   */
  static @Nullable String invariantKey(ValidationMessage m) {
    String inv = invariantId(m);
    if (inv == null) {
      return null;
    }
    int hash = inv.lastIndexOf('#');
    String key = hash >= 0 ? inv.substring(hash + 1) : inv;
    return key.isBlank() ? null : key;
  }

  /**
   * A failed invariant's id, {@code <profile url>#<key>} (HAPI puts it in the message id when the
   * invariant id is missing), or null.
   */
  private static @Nullable String invariantId(ValidationMessage m) {
    String inv = m.getInvId();
    if (inv == null
        && m.getType() == ValidationMessage.IssueType.INVARIANT
        && m.getMessageId() != null
        && m.getMessageId().contains("#")) {
      inv = m.getMessageId();
    }
    return inv;
  }

  private static Severity severity(ValidationMessage m) {
    if (m.getLevel() == null) {
      return Severity.INFORMATION;
    }
    return switch (m.getLevel()) {
      case FATAL -> Severity.FATAL;
      case ERROR -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      case INFORMATION, NULL -> Severity.INFORMATION;
    };
  }

  /**
   * {@code profile} when the finding comes from a non-core profile, otherwise {@code structure}.
   */
  private static IssueSource source(ValidationMessage m, String text) {
    String inv = m.getInvId();
    if (inv != null) {
      return inv.startsWith(CORE_SD) ? IssueSource.STRUCTURE : IssueSource.PROFILE;
    }
    Matcher from = FROM_PROFILE.matcher(text);
    if (from.find() && !from.group(1).startsWith(CORE_SD)) {
      return IssueSource.PROFILE;
    }
    return IssueSource.STRUCTURE;
  }

  private static String expression(
      ValidationMessage m,
      Node root,
      int firstLine,
      @Nullable String messageId,
      ParserMessages.@Nullable Match parsed) {
    String location = m.getLocation();
    String base;
    if (parsed != null
        && m.getLine() > 0
        && location != null
        && !location.startsWith(root.name())) {
      // the XML parser names elements of a resource inside a Bundle relative to that resource
      // ("Task/f:input"), without saying which entry: its line and column do
      base = NodePath.pathAt(root, m.getLine() + firstLine - 1, m.getCol());
      String name = parsed.arguments().isEmpty() ? "" : parsed.arguments().get(0);
      if (base.endsWith("." + name)
          || base.matches(".*\\." + java.util.regex.Pattern.quote(name) + "\\[\\d+]$")) {
        return base;
      }
    } else if (location == null || location.isBlank()) {
      base = root.name();
    } else if (location.startsWith("/")) {
      base = fromXPath(location);
    } else {
      base = NodePath.stripComments(location).strip();
    }
    if (base.isEmpty()) {
      base = root.name();
    }
    if (messageId != null && LOCATED_BY_LINE.contains(messageId) && m.getLine() > 0) {
      base = entryAt(root, base, m.getLine() + firstLine - 1, m.getCol());
    }
    if (parsed != null && messageId != null) {
      List<String> args = parsed.arguments();
      String key = messageId;
      if ((key.equals("Unrecognised_property_")
              || key.equals("Undefined_element_")
              || key.equals("RESOURCEDEFINITION_PROPERTY_UNKNOWN"))
          && !args.isEmpty()) {
        return appendName(base, args.get(0));
      }
      if (key.equals("Undefined_attribute__on__for_type__properties__") && !args.isEmpty()) {
        return base;
      }
    }
    if (messageId != null
        && m.getMessage() != null
        && (messageId.startsWith("Validation_VAL_Profile_Minimum")
            || messageId.startsWith("Validation_VAL_Profile_Maximum"))) {
      // "Task.input.value[x]: minimum required = 1, but only found 0" (or "max allowed = 1, but
      // found 2"): the
      // element concerned is the last step of the path the message names, under the location HL7
      // gives
      String msg = m.getMessage();
      int colon = msg.indexOf(':');
      if (colon > 0) {
        String path = msg.substring(0, colon).strip();
        int dot = path.lastIndexOf('.');
        String last = (dot >= 0 ? path.substring(dot + 1) : path).replace("[x]", "");
        if (SIMPLE_NAME.matcher(last).matches()
            && !base.endsWith("." + last)
            && !base.equals(last)) {
          return base + "." + last;
        }
      }
    }
    return base;
  }

  /**
   * Messages whose location names the wrong Bundle entry while their line and column are right: HL7
   * core 6.7.9 places "The fullUrl ... looks like a RESTful server URL" at {@code Bundle.entry[0]}
   * for every entry of a Bundle (its position is the entry's own).
   */
  private static final Set<String> LOCATED_BY_LINE = Set.of("BUNDLE_ENTRY_URL_MATCHES_TYPE_ID");

  private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[\\d+]");

  /**
   * {@code path} with its {@code Bundle.entry[n]} step replaced by the entry the position falls in:
   * the last entry that starts at or before it. Unchanged when the path names no entry or no entry
   * starts before the position.
   */
  static String entryAt(Node root, String path, int line, int column) {
    Matcher at = ENTRY.matcher(path);
    if (!root.name().equals("Bundle") || !at.find()) {
      return path;
    }
    int found = -1;
    List<Node> entries = root.children("entry");
    for (int i = 0; i < entries.size(); i++) {
      Node e = entries.get(i);
      if (e.line() < line || (e.line() == line && e.column() <= column)) {
        found = i;
      }
    }
    return found < 0 ? path : "Bundle.entry[" + found + "]" + path.substring(at.end());
  }

  private static String appendName(String base, String name) {
    String n = name.strip();
    if (n.startsWith("_")) {
      n = n.substring(1);
    }
    return SIMPLE_NAME.matcher(n).matches() ? base + "." + n : base;
  }

  /** {@code /f:Bundle/f:entry[2]/f:resource/f:Task} to {@code Bundle.entry[1].resource}. */
  static String fromXPath(String xpath) {
    StringBuilder b = new StringBuilder();
    for (String step : xpath.split("/", -1)) {
      if (step.isBlank()) {
        continue;
      }
      String s = step.strip();
      int colon = s.indexOf(':');
      if ((colon >= 0 && colon < s.indexOf('[')) || (colon >= 0 && s.indexOf('[') < 0)) {
        s = s.substring(colon + 1);
      }
      int bracket = s.indexOf('[');
      if (bracket > 0 && s.endsWith("]")) {
        try {
          int index = Integer.parseInt(s.substring(bracket + 1, s.length() - 1)) - 1;
          s = s.substring(0, bracket) + "[" + Math.max(0, index) + "]";
        } catch (NumberFormatException e) {
          s = s.substring(0, bracket);
        }
      }
      // a resource inside resource/contained appears as an extra step named by its type
      if (b.length() > 0
          && !s.isEmpty()
          && Character.isUpperCase(s.charAt(0))
          && (b.toString().endsWith(".resource")
              || b.toString().endsWith(".contained")
              || b.toString().matches(".*\\.contained\\[\\d+]$"))) {
        continue;
      }
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(s);
    }
    return b.toString();
  }
}
