package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The compiled forms of terms and paths: literals, variables, member navigation, indexers, scopes.
 */
final class Nodes {

  private Nodes() {}

  static final String UCUM = "http://unitsofmeasure.org";
  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";

  /** A constant collection (literals, {@code {}}). */
  static final class Literal extends Expr {
    private final Coll value;
    private final int truth;

    Literal(Coll value) {
      this.value = value;
      this.truth =
          value.size() == 1 && value.get(0) instanceof Boolean b
              ? (b ? 1 : 0)
              : value.isEmpty() ? -1 : value.size() == 1 ? 1 : -2;
    }

    Coll value() {
      return value;
    }

    @Override
    Coll eval(Frame f) {
      return value;
    }

    @Override
    int truth(Frame f) {
      return truth == -2 ? super.truth(f) : truth;
    }

    @Override
    int count(Frame f) {
      return value.size();
    }
  }

  /** {@code $this}. */
  static final class This extends Expr {
    @Override
    Coll eval(Frame f) {
      return f.focus;
    }

    @Override
    int count(Frame f) {
      return f.focus.size();
    }
  }

  /** {@code $index}. */
  static final class IndexVariable extends Expr {
    @Override
    Coll eval(Frame f) {
      return Coll.of(Integer.valueOf(f.index));
    }
  }

  /** {@code $total}. */
  static final class TotalVariable extends Expr {
    @Override
    Coll eval(Frame f) {
      Coll t = f.total;
      return t == null ? Coll.EMPTY : t;
    }
  }

  /**
   * {@code %name}: a defineVariable() variable, a built-in constant, or an environment constant.
   */
  static final class ConstantRef extends Expr {
    private final String name;

    ConstantRef(String name) {
      this.name = name;
    }

    @Override
    Coll eval(Frame f) {
      Coll v = f.variable(name);
      if (v != null) {
        return v;
      }
      Coll builtIn = builtIn(name, f);
      if (builtIn != null) {
        return builtIn;
      }
      Coll c = f.run.env.constant(name);
      if (c != null) {
        return c;
      }
      throw FhirPathException.execution("%" + name + " is not defined");
    }

    /** The constants FHIRPath and FHIR define; null for any other name. */
    static @Nullable Coll builtIn(String name, Frame f) {
      Run run = f.run;
      return switch (name) {
        case "context" -> f.context;
        case "resource" -> run.resource == null ? Coll.EMPTY : Coll.of(run.resource);
        case "rootResource" -> run.rootResource == null ? Coll.EMPTY : Coll.of(run.rootResource);
        case "ucum" -> Coll.of(UCUM);
        case "sct" -> Coll.of(SNOMED);
        case "loinc" -> Coll.of(LOINC);
        default -> {
          if (name.startsWith("vs-")) {
            yield Coll.of("http://hl7.org/fhir/ValueSet/" + name.substring(3));
          }
          if (name.startsWith("ext-")) {
            yield Coll.of("http://hl7.org/fhir/StructureDefinition/" + name.substring(4));
          }
          yield null;
        }
      };
    }

    /** Whether a name is taken by FHIRPath or FHIR (and cannot be given to defineVariable()). */
    static boolean isSystemName(String name) {
      return switch (name) {
        case "context",
            "resource",
            "rootResource",
            "ucum",
            "sct",
            "loinc",
            "terminologies",
            "server",
            "factory" ->
            true;
        default -> name.startsWith("vs-") || name.startsWith("ext-");
      };
    }
  }

  /**
   * {@code input.name}, or {@code name} at the head of a path (on {@code $this}); at the head, a
   * type name that the focus is (or derives from) selects the focus itself ({@code Patient.name} on
   * a Patient).
   */
  static final class Member extends Expr {
    private final @Nullable Expr input;
    private final String name;
    private final boolean typeAtHead;

    Member(@Nullable Expr input, String name) {
      this.input = input;
      this.name = name;
      this.typeAtHead = input == null && !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    @Override
    boolean definesVariables() {
      return input != null && input.definesVariables();
    }

    private Coll in(Frame f) {
      return input == null ? f.focus : input.eval(f);
    }

    @Override
    Coll eval(Frame f) {
      Coll in = in(f);
      int n = in.size();
      if (n == 1 && in.get(0) instanceof FhirNode node && !typeAtHead) {
        return Coll.of(node.children(name));
      }
      Coll.Builder out = new Coll.Builder();
      for (int i = 0; i < n; i++) {
        navigate(in.get(i), f.run, out);
      }
      return out.build();
    }

    private void navigate(Object item, Run run, Coll.Builder out) {
      if (item instanceof FhirNode node) {
        if (typeAtHead && run.model.isSubtype(node.typeName(), name)) {
          out.add(node);
          return;
        }
        out.addAll(node.children(name));
      } else if (item instanceof TypeInfo t) {
        if (name.equals("name")) {
          out.add(t.name());
        } else if (name.equals("namespace")) {
          out.add(t.namespace());
        }
      } else if (item instanceof QuantityValue q) {
        if (name.equals("value")) {
          out.add(q.value());
        } else if (name.equals("unit")) {
          out.add(q.unit());
        }
      }
    }

    @Override
    int count(Frame f) {
      if (typeAtHead) {
        return super.count(f);
      }
      Coll in = in(f);
      int total = 0;
      for (int i = 0, n = in.size(); i < n; i++) {
        if (in.get(i) instanceof FhirNode node) {
          total += node.children(name).size();
        } else {
          return super.count(f);
        }
      }
      return total;
    }

    @Override
    boolean exists(Frame f) {
      if (typeAtHead) {
        return super.exists(f);
      }
      Coll in = in(f);
      for (int i = 0, n = in.size(); i < n; i++) {
        if (!(in.get(i) instanceof FhirNode node)) {
          return super.exists(f);
        }
        for (FhirNode c : node.children(name)) {
          if (c.hasContent()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** {@code input[index]}. */
  static final class Indexer extends Operators.Binary {

    Indexer(Expr input, Expr index) {
      super("[]", input, index);
    }

    @Override
    boolean definesVariables() {
      return left.definesVariables();
    }

    @Override
    Coll eval(Frame f) {
      Coll in = left.eval(f);
      Object i = right.single(f, label);
      if (i == null) {
        return Coll.EMPTY;
      }
      if (!(i instanceof Integer n)) {
        throw FhirPathException.execution("an index must be an Integer, not " + Values.describe(i));
      }
      return n < 0 || n >= in.size() ? Coll.EMPTY : Coll.of(in.get(n));
    }
  }

  /** A complete sub-expression whose chain defines variables: they end with it. */
  static final class Scope extends Expr {
    private final Expr inner;

    Scope(Expr inner) {
      this.inner = inner;
    }

    @Override
    Coll eval(Frame f) {
      Frame.Vars saved = f.vars;
      try {
        return inner.eval(f);
      } finally {
        f.vars = saved;
      }
    }
  }

  /** Unary {@code +} and {@code -}. */
  static final class Polarity extends Expr {
    private final Expr operand;
    private final boolean negate;

    Polarity(Expr operand, boolean negate) {
      this.operand = operand;
      this.negate = negate;
    }

    @Override
    Coll eval(Frame f) {
      Object v = operand.single(f, negate ? "unary -" : "unary +");
      if (v == null) {
        return Coll.EMPTY;
      }
      if (!Values.isNumber(v) && !(v instanceof QuantityValue)) {
        throw FhirPathException.execution(
            "unary "
                + (negate ? "-" : "+")
                + " needs a number or a Quantity, not "
                + Values.describe(v));
      }
      if (!negate) {
        return Coll.of(v);
      }
      if (v instanceof Integer i) {
        return i == Integer.MIN_VALUE ? Coll.EMPTY : Coll.of(Integer.valueOf(-i));
      }
      if (v instanceof Long l) {
        return l == Long.MIN_VALUE ? Coll.EMPTY : Coll.of(Long.valueOf(-l));
      }
      if (v instanceof BigDecimal d) {
        return Coll.of(d.negate());
      }
      QuantityValue q = (QuantityValue) v;
      return Coll.of(q.withValue(q.value().negate()));
    }
  }
}
