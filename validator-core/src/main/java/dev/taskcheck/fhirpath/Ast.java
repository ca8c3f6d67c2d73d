package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree of a FHIRPath expression; {@code pos} is the 0-based offset of the node's first
 * token.
 */
sealed interface Ast {

  int pos();

  /** {@code {}}. */
  record Empty(int pos) implements Ast {}

  record BooleanLiteral(boolean value, int pos) implements Ast {}

  record StringLiteral(String value, int pos) implements Ast {}

  record IntegerLiteral(int value, int pos) implements Ast {}

  record LongLiteral(long value, int pos) implements Ast {}

  record DecimalLiteral(BigDecimal value, int pos) implements Ast {}

  /** A date, dateTime or time literal, its text without the {@code @}. */
  record TemporalLiteral(DateTimeValue value, int pos) implements Ast {}

  record QuantityLiteral(QuantityValue value, int pos) implements Ast {}

  /** An identifier at the head of a path (resolved against {@code $this}). */
  record Identifier(String name, int pos) implements Ast {}

  /** {@code input.name}. */
  record Member(Ast input, String name, int pos) implements Ast {}

  /** {@code name(args)} on {@code input}, or at the head of a path when input is null. */
  record Call(@Nullable Ast input, String name, List<Ast> args, int pos) implements Ast {}

  /** A {@code sort()} key: an expression and its direction. */
  record SortKey(Ast key, boolean descending, int pos) implements Ast {}

  /** {@code $this}, {@code $index}, {@code $total}. */
  record Special(String name, int pos) implements Ast {}

  /** {@code %name}. */
  record Constant(String name, int pos) implements Ast {}

  /** {@code input[index]}. */
  record Indexer(Ast input, Ast index, int pos) implements Ast {}

  /** {@code +x}, {@code -x}. */
  record Unary(String op, Ast operand, int pos) implements Ast {}

  /** {@code left op right} for every binary operator but {@code is} and {@code as}. */
  record Binary(String op, Ast left, Ast right, int pos) implements Ast {}

  /** {@code left is Type}, {@code left as Type}. */
  record TypeTest(String op, Ast left, String type, int pos) implements Ast {}

  /** {@code (inner)}. */
  record Parenthesized(Ast inner, int pos) implements Ast {}
}
