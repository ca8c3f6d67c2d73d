package dev.taskcheck.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Node} tree from FHIR JSON with Jackson's streaming parser. */
final class JsonTreeParser {

  /** Large enough for base64 attachments in Task.input; the whole document is bounded elsewhere. */
  static final int MAX_STRING_LENGTH = 512 * 1024 * 1024;

  /** The longest number (in characters); FHIR decimals have at most 18 significant digits. */
  static final int MAX_NUMBER_LENGTH = 1_000;

  /** The longest property name (in characters); FHIR's are below 100. */
  static final int MAX_NAME_LENGTH = 10_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING_LENGTH)
                  // TaskCheck counts the depth itself (DocumentLimits), with its own message
                  .maxNestingDepth(Integer.MAX_VALUE)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final int lineOffset;
  private final DocumentLimits limits;
  private int nodes;

  private JsonTreeParser(int firstLine, DocumentLimits limits) {
    this.lineOffset = firstLine - 1;
    this.limits = limits;
  }

  /**
   * Parses a document: an ordinary one with {@link FastJsonReader}, which gives the same tree; any
   * other (an error, an irregularity, a limit reached) with Jackson, as if the fast path did not
   * exist.
   */
  static ParseOutcome parse(String text, int firstLine, DocumentLimits limits) {
    Node root = FastJsonReader.read(text, firstLine, limits);
    if (root != null) {
      return new ParsedDocument(Format.JSON, root, text, firstLine);
    }
    return parseWithJackson(text, firstLine, limits);
  }

  /** Parses a document with Jackson only (the path every error, finding and limit comes from). */
  static ParseOutcome parseWithJackson(String text, int firstLine, DocumentLimits limits) {
    return new JsonTreeParser(firstLine, limits).parseDocument(text, firstLine);
  }

  private ParseOutcome parseDocument(String text, int firstLine) {
    try (JsonParser p = FACTORY.createParser(text)) {
      try {
        return parseDocument(p, text, firstLine);
      } catch (LimitExceeded e) {
        return e.failure();
      } catch (StreamConstraintsException e) {
        return constraintFailure(e, p, text);
      }
    } catch (StreamReadException e) {
      return failure(e, firstLine);
    } catch (IOException e) {
      return new ParseFailure("cannot read the JSON: " + e.getMessage(), firstLine, 1, "structure");
    }
  }

  private ParseOutcome parseDocument(JsonParser p, String text, int firstLine) throws IOException {
    {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new ParseFailure("the document is empty", firstLine, 1, "structure");
      }
      if (first != JsonToken.START_OBJECT) {
        return new ParseFailure(
            "the top-level JSON value is "
                + describe(first)
                + ", but a FHIR JSON document is one resource: an object with a resourceType"
                + (first == JsonToken.START_ARRAY
                    ? " (to send several resources, use a Bundle or NDJSON)"
                    : ""),
            line(p.currentTokenLocation()),
            column(p.currentTokenLocation()),
            "structure");
      }
      JsonLocation rootStart = p.currentTokenLocation();
      ObjectContent root = readObject(p, 1, 0, line(rootStart), column(rootStart));
      JsonToken trailing;
      try {
        trailing = p.nextToken();
      } catch (StreamReadException e) {
        JsonLocation at = e.getLocation() == null ? p.currentLocation() : e.getLocation();
        return new ParseFailure(
            "unexpected content after the end of the resource: a JSON document holds exactly one resource",
            line(at),
            column(at),
            "structure");
      }
      if (trailing != null) {
        JsonLocation at = p.currentTokenLocation();
        return new ParseFailure(
            "unexpected content after the end of the resource ("
                + describe(trailing)
                + "): a JSON document"
                + " holds exactly one resource",
            line(at),
            column(at),
            "structure");
      }
      if (root.resourceType == null) {
        return new ParseFailure(
            root.resourceTypeProblem != null
                ? root.resourceTypeProblem
                : "this JSON object is not a FHIR resource: it has no resourceType property",
            line(rootStart),
            column(rootStart),
            "structure");
      }
      Node node =
          new Node(
              root.resourceType,
              null,
              root.resourceType,
              line(rootStart),
              column(rootStart),
              line(rootStart),
              column(rootStart),
              root.children,
              Node.Kind.OBJECT,
              false,
              root.notes());
      return new ParsedDocument(Format.JSON, node, text, firstLine);
    }
  }

  /**
   * A Jackson read constraint (number or name length, colliding names), in TaskCheck's words, at
   * the start of the offending token (Jackson notices it at the end, and its token location is the
   * previous token).
   */
  private ParseFailure constraintFailure(StreamConstraintsException e, JsonParser p, String text) {
    long reached = p.currentLocation().getCharOffset();
    int end = (int) Math.max(0, Math.min(text.length(), reached));
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String what;
    int start = end;
    String issueType = "too-long";
    if (m.contains("collision")) {
      // Jackson's guard against names crafted to share one hash (a DoS on its symbol table); the
      // fast reader reads such a document when it is otherwise valid, so this is one with an error
      what =
          "too many property names with the same hash (the parser's guard against documents"
              + " crafted to make it slow)";
      issueType = "too-costly";
    } else if (m.startsWith("Number")) {
      what = "a number longer than " + MAX_NUMBER_LENGTH + " characters";
      while (start > 0 && "0123456789+-.eE".indexOf(text.charAt(start - 1)) >= 0) {
        start--;
      }
    } else if (m.startsWith("Name")) {
      what = "a property name longer than " + MAX_NAME_LENGTH + " characters";
      int j = start - 1;
      if (j >= 0 && text.charAt(j) == '"') {
        j--;
      }
      while (j > 0 && !(text.charAt(j) == '"' && text.charAt(j - 1) != '\\')) {
        j--;
      }
      start = Math.max(0, j);
    } else if (m.startsWith("String")) {
      what = "a string longer than " + MAX_STRING_LENGTH + " characters";
    } else {
      what = "a value too large to read";
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new ParseFailure(
        "invalid JSON: " + what, line + lineOffset, start - lineStart + 1, issueType);
  }

  // positions are passed on as line and column numbers, not as Jackson's JsonLocation: a location
  // that does not leave the method that asks for it need not be allocated (one per JSON value)

  private void count(int line, int column) {
    if (++nodes > limits.maxNodes()) {
      throw new LimitExceeded(
          DocumentLimits.TOO_MUCH_WORK,
          "the document has more than "
              + limits.maxNodes()
              + " elements (the per-document work limit); it is not checked",
          line,
          column);
    }
  }

  private void depth(int depth, int line, int column) {
    if (depth > limits.maxDepth()) {
      throw new LimitExceeded(
          DocumentLimits.TOO_DEEP,
          "the JSON is nested more than "
              + limits.maxDepth()
              + " levels deep (objects and arrays); it is not checked",
          line,
          column);
    }
  }

  private static final class ObjectContent {
    @Nullable String resourceType;
    @Nullable String resourceTypeProblem;
    final List<Node> children = new ArrayList<>();
    @Nullable List<String> emptyArrays;
    @Nullable List<String> duplicateKeys;

    /** The member names so far (a scan while the object is small, then a hash set). */
    final List<String> names = new ArrayList<>(8);

    java.util.@Nullable Set<String> nameSet;

    Node.Notes notes() {
      return emptyArrays == null && duplicateKeys == null && resourceTypeProblem == null
          ? Node.Notes.NONE
          : new Node.Notes(
              emptyArrays == null ? List.of() : emptyArrays,
              duplicateKeys == null ? List.of() : duplicateKeys,
              resourceTypeProblem != null);
    }

    /** Records a member name; false when the object already has it. */
    boolean member(String name) {
      boolean repeated = false;
      if (nameSet != null) {
        repeated = !nameSet.add(name);
      } else {
        for (int i = 0; i < names.size(); i++) {
          String n = names.get(i);
          if (n.equals(name)) {
            repeated = true;
            break;
          }
        }
        if (!repeated) {
          names.add(name);
          if (names.size() > 16) {
            nameSet = new java.util.HashSet<>(names);
          }
        }
      }
      if (!repeated) {
        return true;
      } else {
        if (duplicateKeys == null) {
          duplicateKeys = new ArrayList<>();
        }
        if (!duplicateKeys.contains(name)) {
          duplicateKeys.add(name);
        }
        return false;
      }
    }
  }

  /**
   * Reads the members of an object whose START_OBJECT is the current token, at {@code depth} (the
   * root is 1) and {@code contained} levels of contained resources.
   */
  private ObjectContent readObject(
      JsonParser p, int depth, int contained, int startLine, int startColumn) throws IOException {
    depth(depth, startLine, startColumn);
    ObjectContent content = new ObjectContent();
    int keys = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      int atLine = line(at);
      int atColumn = column(at);
      if (++keys > limits.maxKeysPerObject()) {
        throw new LimitExceeded(
            DocumentLimits.TOO_MANY_KEYS,
            "this JSON object has more than "
                + limits.maxKeysPerObject()
                + " properties (the per-object limit); the document is not checked",
            atLine,
            atColumn);
      }
      JsonToken value = p.nextToken();
      boolean first = content.member(name);
      if ("resourceType".equals(name)) {
        if (!first) {
          throw new LimitExceeded(
              ParseFailure.PARSE,
              "invalid JSON: resourceType appears more than once in this object, so what resource"
                  + " it is cannot be told",
              atLine,
              atColumn,
              "structure");
        }
        if (value == JsonToken.VALUE_STRING) {
          content.resourceType = p.getText();
        } else {
          content.resourceTypeProblem =
              "resourceType must be a JSON string, but it is " + describe(value);
          if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
            JsonLocation start = p.currentTokenLocation();
            skip(p, depth + 1, line(start), column(start));
          }
        }
        continue;
      }
      if (value == JsonToken.START_ARRAY) {
        JsonToken item;
        boolean empty = true;
        depth(depth + 1, atLine, atColumn);
        int inner = "contained".equals(name) ? contained + 1 : contained;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          empty = false;
          JsonLocation itemAt = p.currentTokenLocation();
          content.children.add(
              readValue(
                  p,
                  name,
                  item,
                  line(itemAt),
                  column(itemAt),
                  atLine,
                  atColumn,
                  true,
                  depth + 1,
                  inner));
        }
        if (empty) {
          if (content.emptyArrays == null) {
            content.emptyArrays = new ArrayList<>();
          }
          content.emptyArrays.add(name);
        }
      } else {
        int inner = "contained".equals(name) ? contained + 1 : contained;
        content.children.add(
            readValue(p, name, value, atLine, atColumn, atLine, atColumn, false, depth, inner));
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected token " + t);
    }
    return content;
  }

  /**
   * Reads a value at line {@code l}, column {@code c}; {@code ml}, {@code mc} is where its property
   * starts (differs inside arrays).
   */
  private Node readValue(
      JsonParser p,
      String name,
      JsonToken token,
      int l,
      int c,
      int ml,
      int mc,
      boolean inArray,
      int depth,
      int contained)
      throws IOException {
    count(l, c);
    if (token == JsonToken.START_OBJECT) {
      if (contained > limits.maxContainedDepth()) {
        throw new LimitExceeded(
            DocumentLimits.CONTAINED_TOO_DEEP,
            "contained resources are nested more than "
                + limits.maxContainedDepth()
                + " levels deep here; the document is not checked",
            l,
            c);
      }
      ObjectContent content = readObject(p, depth + 1, contained, l, c);
      return new Node(
          name,
          null,
          content.resourceType,
          l,
          c,
          ml,
          mc,
          content.children,
          Node.Kind.OBJECT,
          inArray,
          content.notes());
    }
    Node.Kind kind =
        switch (token) {
          case START_ARRAY -> Node.Kind.ARRAY;
          case VALUE_STRING -> Node.Kind.STRING;
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Node.Kind.NUMBER;
          case VALUE_TRUE, VALUE_FALSE -> Node.Kind.BOOLEAN;
          default -> Node.Kind.NULL;
        };
    String text = null;
    if (kind == Node.Kind.ARRAY) {
      // arrays of arrays are not FHIR; keep the position, the structure engine reports the shape
      skip(p, depth + 1, l, c);
    } else if (kind != Node.Kind.NULL) {
      text = p.getText();
    }
    return new Node(name, text, null, l, c, ml, mc, List.of(), kind, inArray, Node.Notes.NONE);
  }

  /** Skips the array whose START_ARRAY is current (at {@code depth}), counting its depth. */
  private void skip(JsonParser p, int depth, int line, int column) throws IOException {
    depth(depth, line, column);
    int level = 1;
    while (level > 0) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return;
      }
      if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
        level++;
        if (depth + level - 1 > limits.maxDepth()) {
          JsonLocation at = p.currentTokenLocation();
          depth(depth + level - 1, line(at), column(at));
        }
      } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
        level--;
      }
    }
  }

  private int line(JsonLocation loc) {
    return Math.max(1, loc.getLineNr()) + lineOffset;
  }

  private static int column(JsonLocation loc) {
    return Math.max(1, loc.getColumnNr());
  }

  private static String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }

  private ParseOutcome failure(StreamReadException e, int firstLine) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? firstLine : line(loc);
    int column = loc == null ? 1 : column(loc);
    String original = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
    String message;
    if (original.startsWith("Unexpected end-of-input")) {
      message = "the JSON ends before it is complete (truncated?): " + firstSentence(original);
    } else if (original.contains("comment")) {
      message = "invalid JSON: comments are not allowed in JSON (" + firstSentence(original) + ")";
    } else if (original.contains("nesting depth")) {
      message = "invalid JSON: nested too deeply (" + firstSentence(original) + ")";
    } else {
      message = "invalid JSON: " + firstSentence(original);
    }
    return new ParseFailure(message, line, column, "structure");
  }

  private static final java.util.regex.Pattern START_MARKER =
      java.util.regex.Pattern.compile(
          "\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)");

  private String firstSentence(String message) {
    String m = message.replace('\n', ' ').replace('\r', ' ');
    java.util.regex.Matcher marker = START_MARKER.matcher(m);
    if (marker.find()) {
      m =
          m.substring(0, marker.start())
              + "(opened at line "
              + (Integer.parseInt(marker.group(1)) + lineOffset)
              + ", column "
              + marker.group(2)
              + ")"
              + m.substring(marker.end());
    }
    int cut = m.indexOf(" at [Source");
    if (cut > 0) {
      m = m.substring(0, cut);
    }
    return m.strip();
  }
}
