package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Binding;
import dev.taskcheck.plan.Constraint;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.FixedValue;
import dev.taskcheck.plan.Plan;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.plan.TypeRef;
import dev.taskcheck.plan.ValueSetDef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a Task conforms to a profile of a loaded IG package, decided without a finding: the fast
 * engine covers such a Task only when it conforms fully, and leaves every Task that does not (or
 * that uses what this check does not read) to the reference engine, which reports the deviations
 * against the profile in its own words. A conforming Task gets no finding from the profile in
 * either engine, so the fast engine's findings are those of its base walk.
 *
 * <p>Read from the profile's snapshot, on the elements the Task has: cardinalities ({@code max = 0}
 * included), {@code fixed[x]} and {@code pattern[x]} values, the types a choice element keeps,
 * reference target types, required, extensible and preferred bindings to value sets the packages or
 * the core definitions expand, codes of the packages' code systems, slicing by {@code value} or
 * {@code pattern} discriminators on plain paths, and the profile's own invariants on the Task.
 * Anything else (extensions, contained resources, type profiles, re-slicing, invariants on inner
 * elements, an element no slice or two slices match) throws {@link NotCovered}.
 */
final class IgConformance {

  private final Engine engine;
  private final Plan ig;

  /** The Task being checked (the {@code %resource} of the profile's invariants). */
  private final Node task;

  IgConformance(Engine engine, Plan ig, Node task) {
    this.engine = engine;
    this.ig = ig;
    this.task = task;
  }

  /**
   * Checks the Task against the profile; returns normally when it conforms, throws {@link
   * NotCovered} otherwise.
   */
  void check(TypeDef profile) {
    if (!"Task".equals(profile.type())) {
      throw new NotCovered("an IG profile of " + profile.type() + " claimed by a Task");
    }
    if (task.child("contained") != null) {
      throw new NotCovered("a Task with contained resources claiming an IG profile");
    }
    noExtensions(task);
    ElementDef root = profile.root();
    for (Constraint c : root.constraints()) {
      if (ownConstraint(c) && !engine.invariants().holdsOnResource(c, task)) {
        throw new NotCovered("a Task that fails the IG invariant " + c.key());
      }
    }
    children(task, root);
  }

  // ------------------------------------------------------------ the tree

  /** The children of an instance object against the inline children of its profile element. */
  private void children(Node object, ElementDef def) {
    List<ElementDef> defs = def.children();
    for (int i = 0; i < defs.size(); i++) {
      ElementDef child = defs.get(i);
      if (child.sliceName() != null) {
        continue;
      }
      List<Node> items = items(object, child);
      if (items.size() < child.min() || items.size() > child.max()) {
        throw new NotCovered(
            "an element count outside the IG profile's cardinality (" + child.id() + ")");
      }
      if (items.isEmpty()) {
        continue;
      }
      List<ElementDef> slices = slicesOf(defs, i, child);
      if (child.slicing() != null || !slices.isEmpty()) {
        sliced(items, child, slices);
      } else {
        for (Node item : items) {
          element(item, child);
        }
      }
    }
  }

  /** The instance values of a child element: the array's items, or the one value. */
  private static List<Node> items(Node object, ElementDef child) {
    String name = child.name();
    if (child.isChoice()) {
      List<Node> out = new ArrayList<>();
      for (Node c : object.children()) {
        String n = c.name();
        if (n.length() > name.length()
            && n.startsWith(name)
            && Character.isUpperCase(n.charAt(name.length()))) {
          if (Types.choiceType(child, name, n) == null) {
            throw new NotCovered(
                "a choice type the IG profile does not allow (" + child.id() + ")");
          }
          out.add(c);
        }
      }
      return out;
    }
    return object.children(name);
  }

  /** The slices that follow an element in its parent's children (same path, with a slice name). */
  private static List<ElementDef> slicesOf(List<ElementDef> defs, int at, ElementDef sliced) {
    List<ElementDef> out = new ArrayList<>();
    for (int j = at + 1; j < defs.size(); j++) {
      ElementDef d = defs.get(j);
      if (!d.path().equals(sliced.path())) {
        break;
      }
      if (d.sliceName() != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** One instance value against its (non-slice or slice) definition. */
  private void element(Node value, ElementDef def) {
    if (def.max() == 0) {
      throw new NotCovered("an element the IG profile excludes (" + def.id() + ")");
    }
    String type = type(value, def);
    for (TypeRef t : def.types()) {
      if (t.code().equals(type) && !t.profiles().isEmpty()) {
        for (String p : t.profiles()) {
          if (!p.startsWith(Types.CORE)) {
            throw new NotCovered("a type profile of an IG profile (" + def.id() + ")");
          }
        }
      }
    }
    for (Constraint c : def.constraints()) {
      if (ownConstraint(c)) {
        if (type == null) {
          throw new NotCovered("an IG invariant on an element of unknown type (" + def.id() + ")");
        }
        if (!engine.invariants().holdsOnElement(c, task, def.name(), type, value, def)) {
          throw new NotCovered("a Task that fails the IG invariant " + c.key());
        }
      }
    }
    if (def.fixed() != null && !matches(value, def.fixed().value(), true)) {
      throw new NotCovered("a value other than the IG profile's fixed value (" + def.id() + ")");
    }
    if (def.pattern() != null && !matches(value, def.pattern().value(), false)) {
      throw new NotCovered(
          "a value that does not match the IG profile's pattern (" + def.id() + ")");
    }
    if ("Reference".equals(type)) {
      referenceTargets(value, def);
    }
    Binding b = def.binding();
    if (b != null && b.valueSet() != null && b.strength() != Binding.Strength.EXAMPLE) {
      bound(value, type, b.valueSet(), def);
    }
    if ("Coding".equals(type)) {
      knownCode(value);
    }
    if (!def.children().isEmpty() && value.kind() == Node.Kind.OBJECT) {
      children(value, def);
    }
  }

  /** The FHIR type of an instance value: a choice's suffix, or the element's one type. */
  private static @Nullable String type(Node value, ElementDef def) {
    if (def.isChoice()) {
      return Types.choiceType(def, def.name(), value.name());
    }
    return def.singleType();
  }

  // ------------------------------------------------------------ slicing

  private void sliced(List<Node> items, ElementDef base, List<ElementDef> slices) {
    ElementDef.Slicing slicing = base.slicing();
    if (slicing == null || slices.isEmpty()) {
      throw new NotCovered("slices without slicing (" + base.id() + ")");
    }
    if (base.isChoice()) {
      throw new NotCovered("type slices on a choice element (" + base.id() + ")");
    }
    int[] counts = new int[slices.size()];
    int last = -1;
    for (Node item : items) {
      int match = -1;
      for (int s = 0; s < slices.size(); s++) {
        if (slices.get(s).slicing() != null) {
          throw new NotCovered("re-slicing in an IG profile (" + slices.get(s).id() + ")");
        }
        if (inSlice(item, slices.get(s), slicing.discriminators())) {
          if (match >= 0) {
            throw new NotCovered("an element two slices match (" + base.id() + ")");
          }
          match = s;
        }
      }
      if (match < 0) {
        // the reference engine reports it (closed) or notes it (open): not a conforming Task here
        throw new NotCovered("an element no slice matches (" + base.id() + ")");
      }
      if (slicing.ordered() && match < last) {
        throw new NotCovered("slices out of order (" + base.id() + ")");
      }
      last = match;
      counts[match]++;
      element(item, base);
      element(item, slices.get(match));
    }
    for (int s = 0; s < slices.size(); s++) {
      ElementDef slice = slices.get(s);
      if (counts[s] < slice.min() || counts[s] > slice.max()) {
        throw new NotCovered("a slice count outside its cardinality (" + slice.id() + ")");
      }
    }
  }

  /** Whether an instance value matches a slice's value or pattern discriminators. */
  private static boolean inSlice(Node item, ElementDef slice, List<String> discriminators) {
    if (discriminators.isEmpty()) {
      throw new NotCovered("slicing without discriminators (" + slice.id() + ")");
    }
    for (String d : discriminators) {
      int colon = d.indexOf(':');
      String kind = d.substring(0, colon);
      String path = d.substring(colon + 1);
      if (!kind.equals("value") && !kind.equals("pattern")) {
        throw new NotCovered("a " + kind + " discriminator (" + slice.id() + ")");
      }
      if (!path.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*")) {
        throw new NotCovered("a discriminator path " + path + " (" + slice.id() + ")");
      }
      String[] steps = path.split("\\.", -1);
      ElementDef at = slice;
      for (String step : steps) {
        ElementDef next = null;
        for (ElementDef c : at.children()) {
          if (c.sliceName() == null && c.name().equals(step) && !c.isChoice()) {
            next = c;
            break;
          }
        }
        if (next == null) {
          throw new NotCovered("a discriminator the slice does not define (" + slice.id() + ")");
        }
        at = next;
      }
      FixedValue wanted = at.fixed() != null ? at.fixed() : at.pattern();
      if (wanted == null || wanted.value().primitive() == null) {
        throw new NotCovered("a discriminator without a primitive value (" + slice.id() + ")");
      }
      List<Node> found = List.of(item);
      for (String step : steps) {
        List<Node> next = new ArrayList<>();
        for (Node n : found) {
          next.addAll(n.children(step));
        }
        found = next;
      }
      if (found.size() > 1) {
        throw new NotCovered("a discriminator with several values (" + slice.id() + ")");
      }
      if (found.isEmpty() || !wanted.value().primitive().equals(found.get(0).value())) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------ values

  /**
   * Whether an instance value equals a fixed value ({@code exact}) or contains a pattern: the same
   * primitive, and for each field of the pattern a matching instance child (each item of a
   * repeating field matching a different instance item).
   */
  private static boolean matches(Node value, FixedValue.Value wanted, boolean exact) {
    String primitive = wanted.primitive();
    if (primitive != null && !primitive.equals(value.value())) {
      return false;
    }
    if (wanted.fields().isEmpty()) {
      return !exact || primitive != null || value.children().isEmpty();
    }
    if (value.kind() != Node.Kind.OBJECT && value.kind() != Node.Kind.XML) {
      return false;
    }
    List<String> names = new ArrayList<>();
    for (FixedValue.Field f : wanted.fields()) {
      if (!names.contains(f.name())) {
        names.add(f.name());
      }
    }
    for (String name : names) {
      List<FixedValue.Value> wantedItems = new ArrayList<>();
      for (FixedValue.Field f : wanted.fields()) {
        if (f.name().equals(name)) {
          wantedItems.add(f.value());
        }
      }
      List<Node> have = new ArrayList<>(value.children(name));
      if (exact && have.size() != wantedItems.size()) {
        return false;
      }
      for (FixedValue.Value w : wantedItems) {
        Node hit = null;
        for (Node h : have) {
          if (matches(h, w, exact)) {
            hit = h;
            break;
          }
        }
        if (hit == null) {
          return false;
        }
        have.remove(hit);
      }
    }
    if (exact) {
      for (Node c : value.children()) {
        if (!names.contains(c.name())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A reference's target type, where the instance names one, must be one the profile allows (a
   * target profile of the packages allows its type); a literal reference that would have to conform
   * to a profile of the packages is not read here.
   */
  private void referenceTargets(Node value, ElementDef def) {
    List<String> allowed = new ArrayList<>();
    boolean igTargets = false;
    for (TypeRef t : def.types()) {
      if (t.code().equals("Reference")) {
        for (String p : t.targetProfiles()) {
          if (p.startsWith(Types.CORE)) {
            allowed.add(p.substring(Types.CORE.length()));
            continue;
          }
          int bar = p.indexOf('|');
          TypeDef target = ig.definition(bar < 0 ? p : p.substring(0, bar));
          if (target == null) {
            throw new NotCovered("a reference target profile the packages lack (" + def.id() + ")");
          }
          allowed.add(target.type());
          igTargets = true;
        }
      }
    }
    if (allowed.isEmpty() || allowed.contains("Resource")) {
      return;
    }
    String type = value.childValue("type");
    String reference = value.childValue("reference");
    if (reference != null) {
      int slash = reference.indexOf('/');
      if (igTargets || reference.startsWith("#") || slash <= 0) {
        throw new NotCovered(
            "a reference whose target the IG profile constrains (" + def.id() + ")");
      }
      if (!allowed.contains(reference.substring(0, slash))) {
        throw new NotCovered("a reference target type the IG profile does not allow");
      }
    }
    if (type != null && !allowed.contains(type)) {
      throw new NotCovered("a reference type the IG profile does not allow (" + def.id() + ")");
    }
  }

  /** A bound value must be in the value set (any of a CodeableConcept's codings). */
  private void bound(Node value, @Nullable String type, String valueSet, ElementDef def) {
    if (type == null) {
      throw new NotCovered("a binding on an element of several types (" + def.id() + ")");
    }
    ValueSetDef vs = valueSet(valueSet);
    switch (type) {
      case "code", "uri", "string" -> {
        String code = value.value();
        boolean in = false;
        for (ValueSetDef.Code c : vs.codes()) {
          if (c.code().equals(code)) {
            in = true;
            break;
          }
        }
        if (!in) {
          throw new NotCovered("a code outside the IG profile's value set (" + def.id() + ")");
        }
      }
      case "Coding" -> {
        if (!inValueSet(value, vs)) {
          throw new NotCovered("a coding outside the IG profile's value set (" + def.id() + ")");
        }
      }
      case "CodeableConcept" -> {
        boolean any = false;
        for (Node coding : value.children("coding")) {
          any |= inValueSet(coding, vs);
        }
        if (!any) {
          throw new NotCovered("a concept outside the IG profile's value set (" + def.id() + ")");
        }
      }
      default ->
          throw new NotCovered("a binding on a " + type + " in an IG profile (" + def.id() + ")");
    }
  }

  private static boolean inValueSet(Node coding, ValueSetDef vs) {
    String system = coding.childValue("system");
    String code = coding.childValue("code");
    if (system == null || code == null) {
      return false;
    }
    for (ValueSetDef.Code c : vs.codes()) {
      if (c.system().equals(system) && c.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** A value set of the packages or of the core definitions, fully expanded, by canonical. */
  private ValueSetDef valueSet(String canonical) {
    int bar = canonical.indexOf('|');
    String url = bar < 0 ? canonical : canonical.substring(0, bar);
    ValueSetDef vs = ig.valueSet(url);
    if (vs == null) {
      vs = engine.types().plan().valueSet(url);
    }
    if (vs == null || vs.incomplete() != null) {
      throw new NotCovered("the value set " + canonical + " cannot be expanded here");
    }
    if (bar >= 0 && !canonical.substring(bar + 1).equals(vs.version())) {
      throw new NotCovered("a value set version the packages do not hold (" + canonical + ")");
    }
    return vs;
  }

  /**
   * A coding of one of the packages' code systems with a display or version, which the reference
   * engine checks against the code system once the package is loaded, is not read here. (Its code
   * was checked in the base walk: {@code Codes} knows the packages' code systems.)
   */
  private void knownCode(Node coding) {
    String system = coding.childValue("system");
    if (system == null || ig.codeSystem(system) == null) {
      return;
    }
    if (coding.child("display") != null || coding.child("version") != null) {
      throw new NotCovered("a display or version on a coding of the IG's code system " + system);
    }
  }

  // ------------------------------------------------------------ helpers

  /** Whether an invariant is the profile's own, not one of the core definitions it inherits. */
  private static boolean ownConstraint(Constraint c) {
    return !c.source().startsWith(Types.CORE);
  }

  /** Extensions anywhere in the Task: their definitions in the packages are not read here. */
  private static void noExtensions(Node node) {
    for (Node c : node.children()) {
      String n = c.name();
      if (n.equals("extension") || n.equals("modifierExtension")) {
        throw new NotCovered("an extension in a Task claiming an IG profile");
      }
      noExtensions(c);
    }
  }
}
