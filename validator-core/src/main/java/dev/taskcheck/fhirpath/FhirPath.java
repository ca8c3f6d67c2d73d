package dev.taskcheck.fhirpath;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles FHIRPath expressions against one FHIR model. Immutable and thread-safe; create one per
 * FHIR release and share it.
 *
 * <pre>{@code
 * FhirPath fhirPath = FhirPath.builder(model).build();
 * Expression ele1 = fhirPath.compile("hasValue() or (children().count() > id.count())");
 * Truth t = ele1.test(element, resource, rootResource, Environment.defaults());
 * }</pre>
 */
public final class FhirPath {

  /** The operators the evaluator implements (all of FHIRPath N1's). */
  public static final Set<String> OPERATORS =
      Set.of(
          ".",
          "[]",
          "unary +",
          "unary -",
          "*",
          "/",
          "div",
          "mod",
          "+",
          "-",
          "&",
          "is",
          "as",
          "|",
          "<",
          "<=",
          ">",
          ">=",
          "=",
          "~",
          "!=",
          "!~",
          "in",
          "contains",
          "and",
          "or",
          "xor",
          "implies");

  private final FhirModel model;
  private final Units units;

  private FhirPath(Builder b) {
    this.model = b.model;
    this.units = b.units;
  }

  public static Builder builder(FhirModel model) {
    return new Builder(model);
  }

  /**
   * Compiles an expression.
   *
   * @throws FhirPathException of kind SYNTAX (not FHIRPath), SEMANTIC (an unknown type, a wrong
   *     number of arguments, an invalid literal regular expression) or UNSUPPORTED (a function this
   *     evaluator does not implement), with the position in the text
   */
  public Expression compile(String expression) {
    Objects.requireNonNull(expression);
    Ast ast = Parser.parse(expression);
    Expr root = new Compiler(expression, model).complete(ast);
    return new Expression(expression, root, Compiler.usage(ast), model, units);
  }

  /**
   * The functions the evaluator implements (by name; each with every overload FHIRPath defines for
   * it).
   */
  public static Set<String> functions() {
    return Functions.names();
  }

  /**
   * What an expression uses, without compiling it: its functions as {@code name()}, its operators
   * (as in {@link #OPERATORS}, the indexer as {@code []}) and its {@code %constants}.
   *
   * @throws FhirPathException of kind SYNTAX when the text is not FHIRPath
   */
  public static Set<String> usage(String expression) {
    return new TreeSet<>(Compiler.usage(Parser.parse(expression)));
  }

  /** Configures a {@link FhirPath}. */
  public static final class Builder {
    private final FhirModel model;
    private Units units = Units.ucum();

    private Builder(FhirModel model) {
      this.model = Objects.requireNonNull(model);
    }

    /** How quantities in different units are converted (default: {@link Units#ucum()}). */
    public Builder units(Units units) {
      this.units = Objects.requireNonNull(units);
      return this;
    }

    public FhirPath build() {
      return new FhirPath(this);
    }
  }
}
