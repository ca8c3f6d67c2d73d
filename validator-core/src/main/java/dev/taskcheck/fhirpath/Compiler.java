package dev.taskcheck.fhirpath;

import dev.taskcheck.fhirpath.FhirPathException.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Turns a syntax tree into an evaluator tree, resolving functions and type names once. */
final class Compiler {

  private static final Nodes.This THIS = new Nodes.This();
  private static final Nodes.IndexVariable INDEX = new Nodes.IndexVariable();
  private static final Nodes.TotalVariable TOTAL = new Nodes.TotalVariable();

  private final String text;
  private final FhirModel model;

  Compiler(String text, FhirModel model) {
    this.text = text;
    this.model = model;
  }

  private FhirPathException error(Kind kind, Ast at, String message) {
    return FhirPathException.at(kind, text, at.pos(), message);
  }

  /** A complete (sub-)expression: the variables its chain defines end with it. */
  Expr complete(Ast ast) {
    Expr e = compile(ast);
    return e.definesVariables() ? new Nodes.Scope(e) : e;
  }

  Expr compile(Ast ast) {
    if (ast instanceof Ast.Identifier id) {
      return new Nodes.Member(null, id.name());
    }
    if (ast instanceof Ast.Member m) {
      return new Nodes.Member(compile(m.input()), m.name());
    }
    if (ast instanceof Ast.Call c) {
      return call(c);
    }
    if (ast instanceof Ast.Binary b) {
      return binary(b);
    }
    if (ast instanceof Ast.TypeTest t) {
      return typeTest(t);
    }
    if (ast instanceof Ast.Parenthesized p) {
      return complete(p.inner());
    }
    if (ast instanceof Ast.Special s) {
      return s.name().equals("this") ? THIS : s.name().equals("index") ? INDEX : TOTAL;
    }
    if (ast instanceof Ast.Constant c) {
      return new Nodes.ConstantRef(c.name());
    }
    if (ast instanceof Ast.Indexer ix) {
      return new Nodes.Indexer(compile(ix.input()), complete(ix.index()));
    }
    if (ast instanceof Ast.Unary u) {
      return new Nodes.Polarity(complete(u.operand()), u.op().equals("-"));
    }
    if (ast instanceof Ast.SortKey k) {
      throw error(Kind.SYNTAX, k, "a sort direction outside sort()");
    }
    return new Nodes.Literal(literal(ast));
  }

  private static Coll literal(Ast ast) {
    if (ast instanceof Ast.BooleanLiteral b) {
      return Coll.of(b.value());
    }
    if (ast instanceof Ast.StringLiteral s) {
      return Coll.of(s.value());
    }
    if (ast instanceof Ast.IntegerLiteral i) {
      return Coll.of(Integer.valueOf(i.value()));
    }
    if (ast instanceof Ast.LongLiteral l) {
      return Coll.of(Long.valueOf(l.value()));
    }
    if (ast instanceof Ast.DecimalLiteral d) {
      return Coll.of(d.value());
    }
    if (ast instanceof Ast.TemporalLiteral t) {
      return Coll.of(t.value());
    }
    if (ast instanceof Ast.QuantityLiteral q) {
      return Coll.of(q.value());
    }
    return Coll.EMPTY;
  }

  private Expr typeTest(Ast.TypeTest t) {
    TypeSpec type = type(t.type(), t);
    Expr left = complete(t.left());
    return new Operators.TypeOperator(left, type, t.op().equals("is"));
  }

  private TypeSpec type(String name, Ast at) {
    TypeSpec type = TypeSpec.resolve(name, model);
    if (type == null) {
      throw error(Kind.SEMANTIC, at, "unknown type '" + name + "'");
    }
    return type;
  }

  private Expr binary(Ast.Binary b) {
    Expr l = complete(b.left());
    Expr r = complete(b.right());
    return switch (b.op()) {
      case "and" -> new Operators.Logic(Operators.Logic.Op.AND, l, r);
      case "or" -> new Operators.Logic(Operators.Logic.Op.OR, l, r);
      case "xor" -> new Operators.Logic(Operators.Logic.Op.XOR, l, r);
      case "implies" -> new Operators.Logic(Operators.Logic.Op.IMPLIES, l, r);
      case "=" -> new Operators.Equality(l, r, false, false);
      case "!=" -> new Operators.Equality(l, r, false, true);
      case "~" -> new Operators.Equality(l, r, true, false);
      case "!~" -> new Operators.Equality(l, r, true, true);
      case "<", "<=", ">", ">=" -> new Operators.Comparison(b.op(), l, r);
      case "|" -> union(l, r);
      case "in" -> new Operators.Membership(l, r);
      case "contains" -> new Operators.Membership(r, l);
      default -> new Operators.Arith(b.op(), l, r);
    };
  }

  /**
   * A union; of two literal collections of strings (the {@code ('a' | 'b' | 'c')} of invariants),
   * computed once here: string equality is plain equality, so the result is the same collection the
   * operator would build on every evaluation.
   */
  private static Expr union(Expr l, Expr r) {
    if (l instanceof Nodes.Literal a
        && r instanceof Nodes.Literal b
        && CollectionOps.onlyStrings(a.value())
        && CollectionOps.onlyStrings(b.value())) {
      Set<Object> items = new LinkedHashSet<>();
      for (Coll c : List.of(a.value(), b.value())) {
        for (int i = 0; i < c.size(); i++) {
          items.add(c.get(i));
        }
      }
      return new Nodes.Literal(Coll.of(List.copyOf(items)));
    }
    return new Operators.Union(l, r);
  }

  private Expr call(Ast.Call c) {
    Expr input = c.input() == null ? null : compile(c.input());
    List<Ast> args = c.args();
    switch (c.name()) {
      case "is", "as", "ofType" -> {
        arity(c, 1, 1);
        String name = typeName(args.get(0));
        if (name == null) {
          throw error(Kind.SEMANTIC, args.get(0), c.name() + "() needs a type name");
        }
        TypeSpec type = type(name, args.get(0));
        return new Operators.TypeOperator(input, type, c.name().equals("is"));
      }
      case "defineVariable" -> {
        arity(c, 1, 2);
        return new Functions.DefineVariable(
            input, complete(args.get(0)), args.size() > 1 ? complete(args.get(1)) : null);
      }
      case "sort" -> {
        Expr[] keys = new Expr[args.size()];
        boolean[] descending = new boolean[args.size()];
        for (int i = 0; i < keys.length; i++) {
          Ast.SortKey k = (Ast.SortKey) args.get(i);
          keys[i] = complete(k.key());
          descending[i] = k.descending();
        }
        return new Functions.Sort(input, keys, descending);
      }
      default -> {
        Functions.Def def = Functions.lookup(c.name());
        if (def == null) {
          throw error(Kind.UNSUPPORTED, c, "the function " + c.name() + "() is not supported");
        }
        arity(c, def.minArgs(), def.maxArgs());
        Expr[] compiled = new Expr[args.size()];
        for (int i = 0; i < compiled.length; i++) {
          compiled[i] = complete(args.get(i));
        }
        try {
          return def.factory().create(input, compiled);
        } catch (FhirPathException e) {
          throw error(Kind.SEMANTIC, c, e.getMessage() == null ? c.name() + "()" : e.getMessage());
        }
      }
    }
  }

  private void arity(Ast.Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      String expected =
          min == max
              ? String.valueOf(min)
              : max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
      throw error(
          Kind.SEMANTIC,
          c,
          c.name() + "() takes " + expected + " argument" + (max == 1 ? "" : "s") + ", not " + n);
    }
  }

  /** The qualified name an argument spells ({@code Quantity}, {@code FHIR.Patient}), or null. */
  private static @Nullable String typeName(Ast ast) {
    if (ast instanceof Ast.Identifier id) {
      return id.name();
    }
    if (ast instanceof Ast.Member m) {
      String head = typeName(m.input());
      return head == null ? null : head + "." + m.name();
    }
    return null;
  }

  /**
   * The functions ({@code name()}) and operators an expression uses, for checking against what the
   * evaluator claims; type names given to is/as/ofType are not counted as paths.
   */
  static Set<String> usage(Ast ast) {
    Set<String> out = new TreeSet<>();
    collect(ast, out);
    return out;
  }

  private static void collect(Ast ast, Set<String> out) {
    if (ast instanceof Ast.Member m) {
      out.add(".");
      collect(m.input(), out);
    } else if (ast instanceof Ast.Call c) {
      out.add(c.name() + "()");
      if (c.input() != null) {
        out.add(".");
        collect(c.input(), out);
      }
      boolean typeArg = c.name().equals("is") || c.name().equals("as") || c.name().equals("ofType");
      if (!typeArg) {
        for (Ast a : c.args()) {
          collect(a, out);
        }
      }
    } else if (ast instanceof Ast.SortKey k) {
      collect(k.key(), out);
    } else if (ast instanceof Ast.Indexer ix) {
      out.add("[]");
      collect(ix.input(), out);
      collect(ix.index(), out);
    } else if (ast instanceof Ast.Unary u) {
      out.add("unary " + u.op());
      collect(u.operand(), out);
    } else if (ast instanceof Ast.Binary b) {
      out.add(b.op());
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (ast instanceof Ast.TypeTest t) {
      out.add(t.op());
      collect(t.left(), out);
    } else if (ast instanceof Ast.Parenthesized p) {
      collect(p.inner(), out);
    } else if (ast instanceof Ast.Constant c) {
      out.add("%" + c.name());
    }
  }
}
