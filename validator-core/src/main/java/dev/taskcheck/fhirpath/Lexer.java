package dev.taskcheck.fhirpath;

import dev.taskcheck.fhirpath.FhirPathException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits FHIRPath text into tokens (the lexical rules of the N1 grammar), skipping whitespace and
 * comments.
 */
final class Lexer {

  enum Type {
    /** A plain identifier, keywords included ({@code and}, {@code true}, {@code div}). */
    IDENTIFIER,
    /** A back-quoted identifier; {@link Token#value} holds it unescaped. */
    DELIMITED,
    /** A quoted string; {@link Token#value} holds it unescaped. */
    STRING,
    INTEGER,
    DECIMAL,
    LONG,
    /**
     * {@code @2014}, {@code @2014-01-25T10:30+01:00}, {@code @T10:30}; {@link Token#value} without
     * the {@code @}.
     */
    DATE,
    DATETIME,
    TIME,
    /** {@code $this}, {@code $index}, {@code $total}. */
    SPECIAL,
    /** {@code %name}, {@code %`name`}, {@code %'name'}; {@link Token#value} is the name. */
    CONSTANT,
    SYMBOL,
    END
  }

  /**
   * One token: its type, its text as written (a symbol's characters) and unescaped value, its span.
   */
  record Token(Type type, String text, String value, int start, int end) {
    boolean is(String symbol) {
      return (type == Type.SYMBOL || type == Type.IDENTIFIER) && text.equals(symbol);
    }
  }

  private final String text;
  private int pos;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.type() != Type.END);
    return out;
  }

  private FhirPathException error(int at, String message) {
    return FhirPathException.at(Kind.SYNTAX, text, at, message);
  }

  private Token next() {
    skipSpaceAndComments();
    int start = pos;
    if (pos >= text.length()) {
      return new Token(Type.END, "", "", start, start);
    }
    char c = text.charAt(pos);
    if (isIdentifierStart(c)) {
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      String s = text.substring(start, pos);
      return new Token(Type.IDENTIFIER, s, s, start, pos);
    }
    if (c >= '0' && c <= '9') {
      return number(start);
    }
    switch (c) {
      case '\'' -> {
        String s = quoted('\'');
        return new Token(Type.STRING, text.substring(start, pos), s, start, pos);
      }
      case '`' -> {
        String s = quoted('`');
        return new Token(Type.DELIMITED, text.substring(start, pos), s, start, pos);
      }
      case '@' -> {
        return temporal(start);
      }
      case '$' -> {
        pos++;
        int nameStart = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
          pos++;
        }
        String name = text.substring(nameStart, pos);
        if (!name.equals("this") && !name.equals("index") && !name.equals("total")) {
          throw error(
              start,
              "unknown special variable '$" + name + "' (FHIRPath has $this, $index and $total)");
        }
        return new Token(Type.SPECIAL, text.substring(start, pos), name, start, pos);
      }
      case '%' -> {
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '`' || text.charAt(pos) == '\'')) {
          String name = quoted(text.charAt(pos));
          return new Token(Type.CONSTANT, text.substring(start, pos), name, start, pos);
        }
        int nameStart = pos;
        if (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
          while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
          }
        }
        if (nameStart == pos) {
          throw error(start, "'%' must be followed by a constant's name");
        }
        return new Token(
            Type.CONSTANT, text.substring(start, pos), text.substring(nameStart, pos), start, pos);
      }
      default -> {
        return symbol(start, c);
      }
    }
  }

  private Token symbol(int start, char c) {
    String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
    if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("!~")) {
      pos += 2;
      return new Token(Type.SYMBOL, two, two, start, pos);
    }
    if ("()[]{}.,+-*/&|<>=~:".indexOf(c) >= 0) {
      pos++;
      String s = String.valueOf(c);
      return new Token(Type.SYMBOL, s, s, start, pos);
    }
    throw error(start, "unexpected character '" + c + "'");
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
        pos++;
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
        int close = text.indexOf("*/", pos + 2);
        if (close < 0) {
          throw error(pos, "the comment is not closed ('*/' missing)");
        }
        pos = close + 2;
      } else {
        return;
      }
    }
  }

  private Token number(int start) {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    Type type = Type.INTEGER;
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
      pos++;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      type = Type.DECIMAL;
    } else if (pos < text.length()
        && text.charAt(pos) == 'L'
        && (pos + 1 >= text.length() || !isIdentifierPart(text.charAt(pos + 1)))) {
      String digits = text.substring(start, pos);
      pos++;
      return new Token(Type.LONG, text.substring(start, pos), digits, start, pos);
    }
    String s = text.substring(start, pos);
    return new Token(type, s, s, start, pos);
  }

  /**
   * A date, dateTime or time literal; its validity (month 13, hour 25) is checked by the compiler.
   */
  private Token temporal(int start) {
    pos++; // '@'
    if (pos < text.length() && text.charAt(pos) == 'T') {
      pos++;
      if (!time()) {
        throw error(start, "a time literal needs at least the hour (@Thh)");
      }
      return new Token(
          Type.TIME, text.substring(start, pos), text.substring(start + 1, pos), start, pos);
    }
    if (!digits(4)) {
      throw error(start, "a date literal starts with a 4-digit year (@yyyy)");
    }
    if (lookAhead('-') && digitsAt(pos + 1, 2)) {
      pos += 3;
      if (lookAhead('-') && digitsAt(pos + 1, 2)) {
        pos += 3;
      }
    }
    if (pos < text.length() && text.charAt(pos) == 'T') {
      pos++;
      if (time()) {
        timezone();
      }
      return new Token(
          Type.DATETIME, text.substring(start, pos), text.substring(start + 1, pos), start, pos);
    }
    return new Token(
        Type.DATE, text.substring(start, pos), text.substring(start + 1, pos), start, pos);
  }

  private boolean time() {
    if (!digits(2)) {
      return false;
    }
    if (lookAhead(':') && digitsAt(pos + 1, 2)) {
      pos += 3;
      if (lookAhead(':') && digitsAt(pos + 1, 2)) {
        pos += 3;
        if (lookAhead('.') && digitsAt(pos + 1, 1)) {
          pos++;
          while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
          }
        }
      }
    }
    return true;
  }

  private void timezone() {
    if (lookAhead('Z')) {
      pos++;
    } else if ((lookAhead('+') || lookAhead('-'))
        && digitsAt(pos + 1, 2)
        && pos + 3 < text.length()
        && text.charAt(pos + 3) == ':'
        && digitsAt(pos + 4, 2)) {
      pos += 6;
    }
  }

  private boolean lookAhead(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean digits(int n) {
    if (digitsAt(pos, n)) {
      pos += n;
      return true;
    }
    return false;
  }

  private boolean digitsAt(int at, int n) {
    if (at + n > text.length()) {
      return false;
    }
    for (int i = at; i < at + n; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a quoted string or delimited identifier starting at pos (the quote), returning it
   * unescaped.
   */
  private String quoted(char quote) {
    int start = pos;
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(
            start,
            quote == '\'' ? "the string is not closed" : "the delimited identifier is not closed");
      }
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return out.toString();
      }
      if (c == '\\') {
        pos++;
        if (pos >= text.length()) {
          continue;
        }
        char e = text.charAt(pos);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (hexAt(pos + 1)) {
              out.append((char) Integer.parseInt(text.substring(pos + 1, pos + 5), 16));
              pos += 4;
            } else {
              out.append('u');
            }
          }
          default -> out.append(e); // \' \" \` \\ \/ and any other character: the character itself
        }
        pos++;
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  private boolean hexAt(int at) {
    if (at + 4 > text.length()) {
      return false;
    }
    for (int i = at; i < at + 4; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
