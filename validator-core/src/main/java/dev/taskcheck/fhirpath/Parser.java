package dev.taskcheck.fhirpath;

import dev.taskcheck.fhirpath.FhirPathException.Kind;
import dev.taskcheck.fhirpath.Lexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for FHIRPath N1 with the operator precedence of the specification
 * (from low to high: implies; or, xor; and; in, contains; equality; comparison; union; is, as;
 * additive; multiplicative; unary; indexer and invocation).
 */
final class Parser {

  /** Operators that cannot start a term (they are keywords there). */
  private static final Set<String> BINARY_KEYWORDS =
      Set.of("and", "or", "xor", "implies", "div", "mod");

  private final String text;
  private final List<Token> tokens;
  private int index;

  private Parser(String text) {
    this.text = text;
    this.tokens = Lexer.tokens(text);
  }

  /**
   * Parses a whole expression; throws a {@link Kind#SYNTAX} exception with the position on bad
   * input.
   */
  static Ast parse(String text) {
    Parser p = new Parser(text);
    if (p.peek().type() == Lexer.Type.END) {
      throw FhirPathException.at(Kind.SYNTAX, text, 0, "the expression is empty");
    }
    Ast ast = p.expression(0);
    Token rest = p.peek();
    if (rest.type() != Lexer.Type.END) {
      throw p.error(rest, "unexpected '" + rest.text() + "' after a complete expression");
    }
    return ast;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token take() {
    Token t = tokens.get(index);
    if (t.type() != Lexer.Type.END) {
      index++;
    }
    return t;
  }

  private FhirPathException error(Token at, String message) {
    return FhirPathException.at(Kind.SYNTAX, text, at.start(), message);
  }

  private Token expect(String symbol) {
    Token t = peek();
    if (t.type() != Lexer.Type.SYMBOL || !t.text().equals(symbol)) {
      throw error(t, "expected '" + symbol + "' but found " + describe(t));
    }
    return take();
  }

  private static String describe(Token t) {
    return t.type() == Lexer.Type.END ? "the end of the expression" : "'" + t.text() + "'";
  }

  /** The precedence of the binary operator at t, or -1 when t is not one. */
  private static int precedence(Token t) {
    if (t.type() == Lexer.Type.IDENTIFIER) {
      return switch (t.text()) {
        case "implies" -> 1;
        case "or", "xor" -> 2;
        case "and" -> 3;
        case "in", "contains" -> 4;
        case "is", "as" -> 8;
        case "div", "mod" -> 10;
        default -> -1;
      };
    }
    if (t.type() != Lexer.Type.SYMBOL) {
      return -1;
    }
    return switch (t.text()) {
      case "=", "~", "!=", "!~" -> 5;
      case "<", ">", "<=", ">=" -> 6;
      case "|" -> 7;
      case "+", "-", "&" -> 9;
      case "*", "/" -> 10;
      default -> -1;
    };
  }

  private Ast expression(int minPrecedence) {
    Ast left = unary();
    while (true) {
      Token op = peek();
      int prec = precedence(op);
      if (prec < 0 || prec < minPrecedence) {
        return left;
      }
      take();
      if (op.text().equals("is") || op.text().equals("as")) {
        left = new Ast.TypeTest(op.text(), left, typeSpecifier(), op.start());
      } else {
        Ast right = expression(prec + 1);
        left = new Ast.Binary(op.text(), left, right, op.start());
      }
    }
  }

  private String typeSpecifier() {
    StringBuilder name = new StringBuilder(identifier("a type name"));
    while (peek().is(".")
        && (peek(1).type() == Lexer.Type.IDENTIFIER || peek(1).type() == Lexer.Type.DELIMITED)) {
      take();
      name.append('.').append(identifier("a type name"));
    }
    return name.toString();
  }

  private String identifier(String what) {
    Token t = peek();
    if (t.type() != Lexer.Type.IDENTIFIER && t.type() != Lexer.Type.DELIMITED) {
      throw error(t, "expected " + what + " but found " + describe(t));
    }
    take();
    return t.value();
  }

  private Ast unary() {
    Token t = peek();
    if (t.type() == Lexer.Type.SYMBOL && (t.text().equals("+") || t.text().equals("-"))) {
      take();
      return new Ast.Unary(t.text(), unary(), t.start());
    }
    return postfix(term());
  }

  private Ast postfix(Ast start) {
    Ast ast = start;
    while (true) {
      Token t = peek();
      if (t.is(".") && t.type() == Lexer.Type.SYMBOL) {
        take();
        ast = invocation(ast);
      } else if (t.is("[") && t.type() == Lexer.Type.SYMBOL) {
        take();
        Ast index = expression(0);
        expect("]");
        ast = new Ast.Indexer(ast, index, t.start());
      } else {
        return ast;
      }
    }
  }

  /** What follows a '.': a member, a function call or a special variable. */
  private Ast invocation(Ast input) {
    Token t = peek();
    if (t.type() == Lexer.Type.SPECIAL) {
      take();
      return new Ast.Special(t.value(), t.start());
    }
    if (t.type() != Lexer.Type.IDENTIFIER && t.type() != Lexer.Type.DELIMITED) {
      throw error(t, "expected a name or a function after '.' but found " + describe(t));
    }
    take();
    if (t.type() == Lexer.Type.IDENTIFIER && peek().is("(") && peek().type() == Lexer.Type.SYMBOL) {
      return call(input, t);
    }
    return new Ast.Member(input, t.value(), t.start());
  }

  /** {@code name(args)}; input is null for a call at the head of a path. */
  private Ast call(@Nullable Ast input, Token name) {
    expect("(");
    List<Ast> args = new ArrayList<>();
    boolean sort = name.text().equals("sort");
    if (!(peek().is(")") && peek().type() == Lexer.Type.SYMBOL)) {
      do {
        Ast arg = expression(0);
        args.add(sort ? sortKey(arg) : arg);
      } while (comma());
    }
    expect(")");
    return new Ast.Call(input, name.text(), List.copyOf(args), name.start());
  }

  private boolean comma() {
    if (peek().type() == Lexer.Type.SYMBOL && peek().is(",")) {
      take();
      return true;
    }
    return false;
  }

  /**
   * A {@code sort()} argument: an expression with an optional asc/desc, or a leading minus for
   * descending.
   */
  private Ast sortKey(Ast arg) {
    boolean descending = false;
    Ast key = arg;
    if (peek().type() == Lexer.Type.IDENTIFIER
        && (peek().text().equals("asc") || peek().text().equals("desc"))) {
      descending = take().text().equals("desc");
    } else if (arg instanceof Ast.Unary u && u.op().equals("-")) {
      descending = true;
      key = u.operand();
    }
    return new Ast.SortKey(key, descending, arg.pos());
  }

  private Ast term() {
    Token t = peek();
    switch (t.type()) {
      case STRING -> {
        take();
        return new Ast.StringLiteral(t.value(), t.start());
      }
      case INTEGER, DECIMAL -> {
        take();
        return number(t);
      }
      case LONG -> {
        take();
        try {
          return new Ast.LongLiteral(Long.parseLong(t.value()), t.start());
        } catch (NumberFormatException e) {
          throw error(t, "the long " + t.text() + " is out of range");
        }
      }
      case DATE, DATETIME, TIME -> {
        take();
        DateTimeValue value = DateTimeValue.parseLiteral(t.value(), t.type());
        if (value == null) {
          throw error(t, "'" + t.text() + "' is not a valid date, dateTime or time");
        }
        return new Ast.TemporalLiteral(value, t.start());
      }
      case SPECIAL -> {
        take();
        return new Ast.Special(t.value(), t.start());
      }
      case CONSTANT -> {
        take();
        return new Ast.Constant(t.value(), t.start());
      }
      case DELIMITED -> {
        take();
        return new Ast.Identifier(t.value(), t.start());
      }
      case IDENTIFIER -> {
        return identifierTerm(t);
      }
      case SYMBOL -> {
        if (t.text().equals("(")) {
          take();
          Ast inner = expression(0);
          expect(")");
          return new Ast.Parenthesized(inner, t.start());
        }
        if (t.text().equals("{")) {
          take();
          expect("}");
          return new Ast.Empty(t.start());
        }
        throw error(t, "unexpected '" + t.text() + "'");
      }
      default -> throw error(t, "the expression ends where a term is expected");
    }
  }

  private Ast identifierTerm(Token t) {
    take();
    boolean isCall = peek().is("(") && peek().type() == Lexer.Type.SYMBOL;
    if (isCall) {
      return call(null, t);
    }
    // an element named like an operator ('div' of Narrative) reads as a name when a '.' follows it
    if (BINARY_KEYWORDS.contains(t.text())
        && !(peek().is(".") && peek().type() == Lexer.Type.SYMBOL)) {
      throw error(t, "'" + t.text() + "' is an operator and needs an operand before it");
    }
    if (t.text().equals("true") || t.text().equals("false")) {
      return new Ast.BooleanLiteral(t.text().equals("true"), t.start());
    }
    return new Ast.Identifier(t.value(), t.start());
  }

  /** A number, or a quantity when a unit string or a calendar duration keyword follows. */
  private Ast number(Token t) {
    Token next = peek();
    if (next.type() == Lexer.Type.STRING) {
      take();
      return new Ast.QuantityLiteral(
          new QuantityValue(new BigDecimal(t.value()), next.value(), false), t.start());
    }
    if (next.type() == Lexer.Type.IDENTIFIER && QuantityValue.isCalendarKeyword(next.text())) {
      take();
      return new Ast.QuantityLiteral(
          new QuantityValue(new BigDecimal(t.value()), next.text(), true), t.start());
    }
    if (t.type() == Lexer.Type.DECIMAL) {
      return new Ast.DecimalLiteral(new BigDecimal(t.value()), t.start());
    }
    try {
      return new Ast.IntegerLiteral(Integer.parseInt(t.value()), t.start());
    } catch (NumberFormatException e) {
      throw error(
          t,
          "the integer "
              + t.text()
              + " is out of range (use a decimal or a long: "
              + t.text()
              + "L)");
    }
  }
}
