package dev.taskcheck.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Node} tree from FHIR JSON with Jackson's streaming parser. */
final class JsonTreeParser {

  /** Large enough for base64 attachments in Task.input; the whole document is bounded elsewhere. */
  private static final int MAX_STRING_LENGTH = 512 * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNestingDepth(500)
                  .build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final int lineOffset;

  private JsonTreeParser(int firstLine) {
    this.lineOffset = firstLine - 1;
  }

  static ParseOutcome parse(String text, int firstLine) {
    return new JsonTreeParser(firstLine).parseDocument(text, firstLine);
  }

  private ParseOutcome parseDocument(String text, int firstLine) {
    try (JsonParser p = FACTORY.createParser(text)) {
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
      ObjectContent root = readObject(p);
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
    } catch (StreamReadException e) {
      return failure(e, firstLine);
    } catch (IOException e) {
      return new ParseFailure("cannot read the JSON: " + e.getMessage(), firstLine, 1, "structure");
    }
  }

  private static final class ObjectContent {
    @Nullable String resourceType;
    @Nullable String resourceTypeProblem;
    final List<Node> children = new ArrayList<>();
    @Nullable List<String> emptyArrays;
    @Nullable List<String> duplicateKeys;

    /** The member names so far (objects are small: a scan is cheaper than a hash set). */
    final List<String> names = new ArrayList<>(8);

    Node.Notes notes() {
      return emptyArrays == null && duplicateKeys == null && resourceTypeProblem == null
          ? Node.Notes.NONE
          : new Node.Notes(
              emptyArrays == null ? List.of() : emptyArrays,
              duplicateKeys == null ? List.of() : duplicateKeys,
              resourceTypeProblem != null);
    }

    void member(String name) {
      boolean repeated = false;
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        if (n.equals(name)) {
          repeated = true;
          break;
        }
      }
      if (!repeated) {
        names.add(name);
      } else {
        if (duplicateKeys == null) {
          duplicateKeys = new ArrayList<>();
        }
        if (!duplicateKeys.contains(name)) {
          duplicateKeys.add(name);
        }
      }
    }
  }

  /** Reads the members of an object whose START_OBJECT is the current token. */
  private ObjectContent readObject(JsonParser p) throws IOException {
    ObjectContent content = new ObjectContent();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      JsonToken value = p.nextToken();
      content.member(name);
      if ("resourceType".equals(name)) {
        if (value == JsonToken.VALUE_STRING) {
          content.resourceType = p.getText();
        } else {
          content.resourceTypeProblem =
              "resourceType must be a JSON string, but it is " + describe(value);
          p.skipChildren();
        }
        continue;
      }
      if (value == JsonToken.START_ARRAY) {
        JsonToken item;
        boolean empty = true;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          empty = false;
          content.children.add(readValue(p, name, item, p.currentTokenLocation(), at, true));
        }
        if (empty) {
          if (content.emptyArrays == null) {
            content.emptyArrays = new ArrayList<>();
          }
          content.emptyArrays.add(name);
        }
      } else {
        content.children.add(readValue(p, name, value, at, at, false));
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected token " + t);
    }
    return content;
  }

  /**
   * Reads a value at {@code at}; {@code member} is where its property starts (differs inside
   * arrays).
   */
  private Node readValue(
      JsonParser p,
      String name,
      JsonToken token,
      JsonLocation at,
      JsonLocation member,
      boolean inArray)
      throws IOException {
    int l = line(at);
    int c = column(at);
    int ml = line(member);
    int mc = column(member);
    if (token == JsonToken.START_OBJECT) {
      ObjectContent content = readObject(p);
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
      p.skipChildren();
    } else if (kind != Node.Kind.NULL) {
      text = p.getText();
    }
    return new Node(name, text, null, l, c, ml, mc, List.of(), kind, inArray, Node.Notes.NONE);
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
